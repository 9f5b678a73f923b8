/**
 * The faults, each under load through the balancer: kill a node and restart it; stop the standby
 * and restart it; ingest a changed report on the primary; restart the primary. Each measures the
 * failed requests while it lasts, the time until everything is back, and the nodes' memory.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { promisify } from "node:util";

import { catalogue, changeMark, drive, questionPath, Tally } from "./load";
import { type Cluster, getJson, ROOT, until } from "./topology";

const run = promisify(execFile);

/** A node learns of an ingest within this (DATASET_VERSION_POLL_MS + DATABASE_READ_MAX_LAG_MS + 2 lag checks). */
export const PROPAGATION_BOUND_MS = 2_500;
/** How long the standby and the primary stay down. */
const DOWN_MS = 3_000;
/** Load before the fault starts, and how long the load lasts in all. */
const LEAD_MS = 2_000;
const LOAD_SECONDS = 14;
const CONNECTIONS = 8;

export interface FaultRow {
  pass: string;
  fault: string;
  requests: number;
  failed: number;
  /** Failed as a database outage should: 503 or DATABASE_UNAVAILABLE. */
  clean: number;
  mixed: number;
  "recovered in ms": number | null;
  "max RSS MiB (node1/2/3)": string;
  ok: boolean;
  note: string;
}

/** The dataset's report with paragraph 1 (and the note) marked for `pass`: a changed report to ingest. */
export function changedReport(root: string, pass: string): string {
  const dir = path.join(ROOT, "server", "data", "reports");
  const original = path.join(dir, fs.readdirSync(dir).filter((f) => f.endsWith(".json"))[0]);
  const dataset = JSON.parse(fs.readFileSync(original, "utf8"));
  dataset.report.note = `${dataset.report.note} ${changeMark(pass)}`;
  const first = dataset.paragraphs.find((p: { number: number }) => p.number === 1);
  first.text = `${first.text} ${changeMark(pass)}`;
  const changed = path.join(root, `changed-report-${pass}.json`);
  fs.writeFileSync(changed, JSON.stringify(dataset, null, 2));
  return changed;
}

async function readyzOf(cluster: Cluster) {
  return Promise.all(cluster.nodes.map((node) => getJson(`${node.url}/readyz`).catch(() => undefined)));
}

/** Every node ready, reading from the standby, the primary reachable, and the balancer seeing all up. */
async function allWell(cluster: Cluster): Promise<boolean> {
  const states = await readyzOf(cluster);
  const nodesWell = states.every(
    (s) => s?.status === 200 && s.body.pools[0].reachable && s.body.pools[1].serving,
  );
  return nodesWell && (await cluster.backendStatus()).every((status) => status === "UP");
}

/** The same answer and ETag from every node, asked directly, for the first questions of the catalogue. */
export async function sameEverywhere(cluster: Cluster, questions = 6): Promise<boolean> {
  for (const question of catalogue().slice(0, questions)) {
    const answers = await Promise.all(
      cluster.nodes.map(async (node) => {
        const response = await fetch(`${node.url}${questionPath(question)}`);
        return JSON.stringify([response.status, response.headers.get("etag"), await response.text()]);
      }),
    );
    if (new Set(answers).size !== 1) return false;
  }
  return true;
}

type Fault = (
  cluster: Cluster,
  pass: string,
) => Promise<{ recoveredMs: number | null; note: string; ok?: boolean }>;

const FAULTS: { name: string; outage?: boolean; act: Fault }[] = [
  {
    name: "kill node2 (SIGKILL), restart it",
    act: async (cluster) => {
      const node = cluster.nodes[1];
      await node.stop("SIGKILL");
      const started = Date.now();
      node.start();
      const ok = await until(() => allWell(cluster));
      return { recoveredMs: ok ? Date.now() - started : null, note: "from restart to HAProxy UP" };
    },
  },
  {
    name: `stop the standby ${DOWN_MS / 1000} s, restart it`,
    act: async (cluster) => {
      await cluster.standby.stop("fast");
      await delay(DOWN_MS);
      const started = Date.now();
      await cluster.standby.start();
      const ok = await until(() => allWell(cluster));
      return {
        recoveredMs: ok ? Date.now() - started : null,
        note: "from restart to reads on the standby again",
      };
    },
  },
  {
    name: "ingest a changed report on the primary",
    act: async (cluster, pass) => {
      const before = (await readyzOf(cluster))[0]?.body.version;
      const file = changedReport(cluster.root, pass);
      await run(process.execPath, ["--import", "tsx", "server/data/cli.ts", file], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: cluster.databaseUrl, LOG_LEVEL: "warn" },
      });
      const committed = Date.now();
      const ok = await until(async () => {
        const versions = (await readyzOf(cluster)).map((s) => s?.body.version);
        return versions.every((v) => v && v !== before && v === versions[0]);
      }, 30_000);
      const took = Date.now() - committed;
      const same = ok && (await sameEverywhere(cluster));
      const within = ok && took <= PROPAGATION_BOUND_MS;
      return {
        recoveredMs: ok ? took : null,
        ok: within && same,
        note: `every node on the new version ${within ? "within" : "PAST"} the ${PROPAGATION_BOUND_MS} ms bound; same answers and ETags: ${same ? "yes" : "NO"}`,
      };
    },
  },
  {
    name: `restart the primary (down ${DOWN_MS / 1000} s)`,
    outage: true,
    act: async (cluster) => {
      await cluster.primary.stop("fast");
      await delay(DOWN_MS);
      const started = Date.now();
      await cluster.primary.start();
      const ok = await until(() => allWell(cluster));
      return { recoveredMs: ok ? Date.now() - started : null, note: "from restart to all pools as before" };
    },
  },
];

/** Runs every fault in turn under load; `pass` names the nodes' response cache setting. */
export async function runFaults(
  cluster: Cluster,
  pass: string,
  log: (line: string) => void,
): Promise<FaultRow[]> {
  const rows: FaultRow[] = [];
  for (const fault of FAULTS) {
    log(`${pass}: ${fault.name}`);
    const tally = new Tally();
    const peaks = cluster.nodes.map(() => 0);
    const sampler = setInterval(() => {
      cluster.nodes.forEach((node, i) => {
        const rss = node.rssMiB();
        if (rss !== undefined && Number.isFinite(rss)) peaks[i] = Math.max(peaks[i], rss);
      });
    }, 250);
    const load = drive(cluster.lbUrl, LOAD_SECONDS, CONNECTIONS, tally);
    await delay(LEAD_MS);
    const outcome = await fault.act(cluster, pass);
    await load;
    clearInterval(sampler);
    // Back to normal before the next fault, whatever this one left.
    await until(() => allWell(cluster), 60_000);
    const failuresOk = fault.outage ? tally.dirty === 0 : tally.failed === 0;
    rows.push({
      pass,
      fault: fault.name,
      requests: tally.requests,
      failed: tally.failed,
      clean: tally.clean,
      mixed: tally.mixedVersions,
      "recovered in ms": outcome.recoveredMs,
      "max RSS MiB (node1/2/3)": peaks.map((p) => p.toFixed(0)).join("/"),
      ok: failuresOk && tally.mixedVersions === 0 && outcome.recoveredMs !== null && outcome.ok !== false,
      note: [
        outcome.note,
        `the probe saw ${tally.versionsSeen} version(s)`,
        ...[...tally.kinds].map(([kind, n]) => `${n}x ${kind}`),
      ].join("; "),
    });
  }
  return rows;
}
