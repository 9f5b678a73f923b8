/**
 * `npx tsx scripts/soak.ts [--seconds 60] [--connections 64]`: a soak run, not a test. Starts the
 * server in production mode (embedded PostgreSQL in a throw-away folder, or DATABASE_URL), drives
 * it with autocannon over a mix of the SDK catalogue's questions, and prints req/s, p50, p99,
 * errors (GraphQL errors inside 200 answers count) and resident memory at start and end.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";

import { freePort } from "../server/db/embedded";

const ROOT = path.resolve(__dirname, "..");

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Resident memory of a process, in MiB, from /proc. */
function residentMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kib / 1024) * 10) / 10;
}

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    CCM_DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: "0",
    LOG_LEVEL: "warn",
  };
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env,
    stdio: "inherit",
  });
  for (let i = 0; i < 600; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return child;
    if (child.exitCode !== null) throw new Error("the server exited before it was ready");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server was not ready within 60 s");
}

interface CatalogueQuestion {
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

async function main(): Promise<void> {
  const seconds = option("seconds", 60);
  const connections = option("connections", 64);
  const catalogue = JSON.parse(
    fs.readFileSync(path.join(ROOT, "sdk", "generated", "catalogue.json"), "utf8"),
  ) as CatalogueQuestion[];
  const port = await freePort();
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-soak-")), "pg");
  fs.chmodSync(path.dirname(dataDir), 0o755);
  const server = await startServer(port, dataDir);
  const pid = server.pid!;
  let errors = 0;
  const errorKinds = new Map<string, number>();
  const count = (kind: string) => {
    errors += 1;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };
  try {
    const memoryStart = residentMiB(pid);
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/graphql`,
      connections,
      duration: seconds,
      method: "POST",
      headers: { "content-type": "application/json" },
      // Each connection walks the catalogue in turn, so every question is asked throughout.
      requests: catalogue.map((question) => ({
        method: "POST" as const,
        body: JSON.stringify({
          query: question.document,
          variables: question.variables,
          operationName: question.name,
        }),
        onResponse: (status: number, body: string) => {
          if (status !== 200) return count(`HTTP ${status}`);
          if (body.includes('"errors"')) return count(`GraphQL error in ${question.name}`);
          if (!body.includes('"data"')) count(`no data in ${question.name}`);
        },
      })),
    });
    const memoryEnd = residentMiB(pid);
    const table = {
      seconds,
      connections,
      questions: catalogue.length,
      requests: result.requests.total,
      "req/s": Math.round(result.requests.average),
      "p50 ms": result.latency.p50,
      "p99 ms": result.latency.p99,
      errors: errors + result.errors + result.timeouts,
      "non-2xx": result.non2xx,
      "RSS start MiB": memoryStart,
      "RSS end MiB": memoryEnd,
    };
    console.table(table);
    if (errorKinds.size > 0) console.table(Object.fromEntries(errorKinds));
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
