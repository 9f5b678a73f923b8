/** The bench's options (flags, or BENCH_* variables): listed at the top of bench/run.ts. */
import path from "node:path";

import type { PathName } from "./tables";

const ROOT = path.resolve(__dirname, "..");

export interface Options {
  scales: number[];
  scenarios: string[] | null;
  duration: number;
  rounds: number;
  scaledRounds: number;
  connections: number;
  warmup: number;
  ceilingDuration: number;
  ceiling: boolean;
  postgraphile: boolean;
  serverDir: string;
  profile: boolean;
  quick: boolean;
  paths: PathName[];
}

export function parseOptions(argv: string[]): Options {
  const env = process.env;
  const list = (value: string | undefined) => (value ? value.split(",").map((s) => s.trim()) : null);
  const options: Options = {
    scales: (list(env.BENCH_SCALES) ?? ["1", "10", "100"]).map(Number),
    scenarios: list(env.BENCH_SCENARIOS),
    duration: Number(env.BENCH_DURATION ?? 4),
    rounds: Number(env.BENCH_ROUNDS ?? 2),
    scaledRounds: 1,
    connections: Number(env.BENCH_CONNECTIONS ?? 10),
    warmup: 1,
    ceilingDuration: 2,
    ceiling: true,
    postgraphile: true,
    serverDir: env.BENCH_CCM_DIR ? path.resolve(env.BENCH_CCM_DIR) : ROOT,
    profile: false,
    quick: false,
    paths: ["cached", "uncached"],
  };
  let pathsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--quick") {
      Object.assign(options, { quick: true, scales: [1, 10], duration: 1, rounds: 1, warmup: 0.5 });
      options.ceilingDuration = 0.5;
    } else if (arg === "--scales") options.scales = value().split(",").map(Number);
    else if (arg === "--scenarios") options.scenarios = value().split(",");
    else if (arg === "--duration") options.duration = Number(value());
    else if (arg === "--rounds") options.rounds = Number(value());
    else if (arg === "--scaled-rounds") options.scaledRounds = Number(value());
    else if (arg === "--connections") options.connections = Number(value());
    else if (arg === "--warmup") options.warmup = Number(value());
    else if (arg === "--ceiling-duration") options.ceilingDuration = Number(value());
    else if (arg === "--no-ceiling") options.ceiling = false;
    else if (arg === "--no-postgraphile") options.postgraphile = false;
    else if (arg === "--server-dir") options.serverDir = path.resolve(value());
    else if (arg === "--profile") options.profile = true;
    else if (arg === "--cold") {
      if (!pathsGiven) options.paths = ["cached", "uncached", "cold"];
    } else if (arg === "--paths") {
      options.paths = value().split(",") as PathName[];
      pathsGiven = true;
    } else throw new Error(`unknown option ${arg} (see the top of bench/run.ts)`);
  }
  if (options.paths.some((p) => !["cached", "uncached", "cold"].includes(p)))
    throw new Error("--paths takes cached, uncached and cold");
  if (options.scales.some((s) => !Number.isInteger(s) || s < 1))
    throw new Error("--scales takes positive integers");
  return options;
}
