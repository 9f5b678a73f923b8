/**
 * Summarises V8 CPU profiles (from `npm run bench -- --profile`, written by ccm-graph under
 * bench/results/profiles/): where the server's CPU time went, by package and by function.
 *
 *   npx tsx bench/profile-summary.ts bench/results/profiles/*.cpuprofile [--top 25]
 *
 * The bench's cold table (`--cold --profile`) uses `timeByLayer` to split each cell's CPU into
 * graphql-js, Apollo Server, ccm-graph's own code and the rest.
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds since the previous sample (the first: since startTime). */
  timeDeltas?: number[];
}

/** The layers a request's CPU time is reported by. */
export type Layer = "graphql" | "apollo" | "ours" | "other" | "idle";

/** Which layer a function belongs to, by the owner `ownerOf` gives it. */
export function layerOf(owner: string): Layer {
  if (owner === "(idle)") return "idle";
  if (owner === "graphql") return "graphql";
  if (owner.startsWith("@apollo/") || owner.startsWith("@as-integrations/")) return "apollo";
  if (owner.startsWith("server/")) return "ours";
  return "other";
}

/**
 * Self time per layer (ms) of the samples taken within `windows` (start and end in the profile's
 * clock, microseconds: V8 stamps samples with the monotonic clock process.hrtime reads).
 */
export function timeByLayer(profile: Profile, windows: [number, number][]): Record<Layer, number> {
  const layerOfNode = new Map<number, Layer>();
  for (const node of profile.nodes) {
    const { functionName, url } = node.callFrame;
    layerOfNode.set(node.id, layerOf(ownerOf(url, functionName || "(anonymous)")));
  }
  const times: Record<Layer, number> = { graphql: 0, apollo: 0, ours: 0, other: 0, idle: 0 };
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = deltas[i] ?? 0;
    at += delta;
    if (!windows.some(([start, end]) => at >= start && at <= end)) continue;
    times[layerOfNode.get(profile.samples[i]) ?? "other"] += delta / 1000;
  }
  return times;
}

/** Reads a .cpuprofile file. */
export function readProfile(file: string): Profile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
}

/** "graphql", "typeorm", "pg", "server/...", "node:internal", "(idle)"... */
function ownerOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (modules) return modules[modules.length - 1].replace("node_modules/", "");
  if (url.startsWith("node:")) return "node:internal";
  const own = url.match(/\/(server|bench|scripts)\/(.*)$/);
  return own ? `${own[1]}/${own[2]}` : url;
}

function main(argv: string[]) {
  let top = 25;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--top") top = Number(argv[++i]);
    else files.push(argv[i]);
  }
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
    const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length) / 1000;
    for (const node of profile.nodes) {
      const ms = (node.hitCount ?? 0) * interval;
      if (ms === 0) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      const owner = ownerOf(url, functionName || "(anonymous)");
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
      const key = `${functionName || "(anonymous)"}  ${owner}:${lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
      total += ms;
    }
  }
  const busy = total - (byOwner.get("(idle)") ?? 0) - (byOwner.get("(program)") ?? 0);
  const show = (title: string, map: Map<string, number>) => {
    console.log(`\n${title} (self time; % of busy time, ${(busy / 1000).toFixed(1)} s busy)`);
    for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      if (key === "(idle)" || key.startsWith("(idle)")) continue;
      console.log(
        `${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${(ms / 1000).toFixed(2).padStart(7)} s  ${key}`,
      );
    }
  };
  show("By package", byOwner);
  show("By function", byFunction);
}

if (require.main === module) main(process.argv.slice(2));
