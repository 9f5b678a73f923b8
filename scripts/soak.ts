/**
 * `npx tsx scripts/soak.ts [--seconds 60] [--connections 64] [--every 30]`: a soak run, not a
 * test. Starts the server in production mode (embedded PostgreSQL in a throw-away folder, or
 * DATABASE_URL), drives it with autocannon over a mix of the SDK catalogue's questions, and
 * prints the server's memory every `--every` seconds (resident, V8 heap, memory outside the heap)
 * and at the end req/s, p50, p99, errors (GraphQL errors inside 200 answers count) and how
 * resident memory grew after the first minute.
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

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Resident memory of a process, in MiB, from /proc. */
function residentMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return mib(kib * 1024);
}

interface MemorySample {
  "at s": number;
  "RSS MiB": number;
  "heap used MiB": number;
  "heap total MiB": number;
  "external MiB": number;
}

/** The server's memory now: resident from /proc, the V8 heap and external memory from /metrics. */
async function sampleMemory(pid: number, port: number, at: number): Promise<MemorySample> {
  const text = await fetch(`http://127.0.0.1:${port}/metrics`).then(
    (r) => r.text(),
    () => "",
  );
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
  return {
    "at s": at,
    "RSS MiB": residentMiB(pid),
    "heap used MiB": mib(gauge("ccm_graph_nodejs_heap_size_used_bytes")),
    "heap total MiB": mib(gauge("ccm_graph_nodejs_heap_size_total_bytes")),
    "external MiB": mib(gauge("ccm_graph_nodejs_external_memory_bytes")),
  };
}

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    CCM_DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: "0",
    // Errors only: the requests cut off when the load stops would each log a warning.
    LOG_LEVEL: "error",
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
  const every = option("every", 30);
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
  const samples: MemorySample[] = [];
  const started = Date.now();
  const sample = async () => {
    const at = Math.round((Date.now() - started) / 1000);
    const taken = await sampleMemory(pid, port, at);
    samples.push(taken);
    console.log(
      `${String(at).padStart(5)} s  RSS ${taken["RSS MiB"]} MiB, heap used ${taken["heap used MiB"]} of ${taken["heap total MiB"]} MiB, external ${taken["external MiB"]} MiB`,
    );
  };
  let sampler: NodeJS.Timeout | undefined;
  try {
    await sample();
    sampler = setInterval(() => void sample(), every * 1000);
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
    clearInterval(sampler);
    await sample();
    const end = samples.at(-1)!;
    // Growth after the first minute: what a bound on memory must keep small.
    const afterMinute = samples.find((s) => s["at s"] >= 60);
    const growth =
      afterMinute && afterMinute !== end
        ? Math.round(((end["RSS MiB"] - afterMinute["RSS MiB"]) / afterMinute["RSS MiB"]) * 1000) / 10
        : undefined;
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
      "RSS start MiB": samples[0]["RSS MiB"],
      ...(afterMinute ? { [`RSS at ${afterMinute["at s"]} s MiB`]: afterMinute["RSS MiB"] } : {}),
      "RSS end MiB": end["RSS MiB"],
      ...(growth !== undefined ? { "RSS growth after 1 min %": growth } : {}),
    };
    console.table(table);
    if (errorKinds.size > 0) console.table(Object.fromEntries(errorKinds));
  } finally {
    clearInterval(sampler);
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
