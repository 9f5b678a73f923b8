/**
 * Starts the two servers under test as child processes: ccm-graph exactly as `npm start` runs it
 * (`node --import tsx server/index.ts`, one process, NODE_ENV=production), and PostGraphile from bench/postgraphile/. Each
 * gets its own port and the database URL of the scale being measured.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

import { freePort } from "../server/db/embedded";

/** The repository root. */
const PROJECT_ROOT = path.resolve(__dirname, "..");

export interface RunningServer {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export const POSTGRAPHILE_DIR = path.join(PROJECT_ROOT, "bench/postgraphile");

/** ccm-graph on `databaseUrl`, loading the report files of `datasetDir` through its own ingest. */
export async function startCcmGraph(options: {
  databaseUrl: string;
  datasetDir: string;
  /** The ccm-graph checkout to run (default: this one). */
  serverDir?: string;
  /** Node.js flags for the server (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Extra environment for the server (e.g. RESPONSE_CACHE=off for the uncached path). */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "server/index.ts"], {
    cwd: options.serverDir ?? PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
      CCM_DATASET_DIR: options.datasetDir,
      LOG_LEVEL: "warn",
      // One load generator is one client, and the bench's questions are deliberately large: lift
      // the rate limit and the cost limit (where the server has them) so it measures the work,
      // not the refusals. Set them in the environment to measure with them.
      RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? "0",
      MAX_COST: process.env.MAX_COST ?? "1000000000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    "ccm-graph",
    child,
    async () => (await fetch(`${url}/readyz`)).status === 200,
    options.timeoutMs ?? 300_000,
  );
  return running("ccm-graph", `${url}/graphql`, child);
}

/** PostGraphile v5 on `databaseUrl`. */
export async function startPostGraphile(options: {
  databaseUrl: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: POSTGRAPHILE_DIR,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitUntil(
    "PostGraphile",
    child,
    async () => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      return res.status === 200;
    },
    options.timeoutMs ?? 120_000,
  );
  return running("PostGraphile", url, child);
}

function running(name: string, url: string, child: ChildProcess): RunningServer {
  return {
    name,
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
        child.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** Polls `ready` until it answers true; fails with the child's output if it exits or times out. */
async function waitUntil(
  name: string,
  child: ChildProcess,
  ready: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // A server that dies after it was ready says why on the bench's stderr.
  child.once("exit", (code, signal) => {
    if (code !== 0 && code !== null && signal === null)
      process.stderr.write(`${name} exited with code ${code}:\n${output}\n`);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited (${child.exitCode}) while starting:\n${output}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`${name} was not ready after ${timeoutMs / 1000} s:\n${output}`);
}
