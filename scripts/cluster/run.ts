/**
 * `npm run cluster`: a PostgreSQL primary and a streaming hot standby, three ccm-graph nodes and
 * HAProxy, on this machine (scripts/cluster/topology.ts).
 *
 *   npm run cluster               bring it up, print the addresses, keep it up until Ctrl-C
 *   npm run cluster -- --check    bring it up, run the checks and the faults under load (cached,
 *                                 then uncached), print the summary and the fault table, take it
 *                                 all down; exit 0 only if every check held and no process is left
 *   npm run cluster -- --bench    1 node against 3 through the balancer, cached and uncached
 */
import { setTimeout as delay } from "node:timers/promises";

import { execFileSync } from "node:child_process";
import { Client } from "pg";

import { type FaultRow, PROPAGATION_BOUND_MS, runFaults, sameEverywhere } from "./faults";
import { drive, Tally } from "./load";
import { hasPostgresBinaries, PG_BIN, type PostgresServer } from "./postgres";
import { Cluster } from "./topology";

const mode = process.argv.includes("--check") ? "check" : process.argv.includes("--bench") ? "bench" : "up";
const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

async function rows(server: PostgresServer, text: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: server.url("ccm") });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

interface Check {
  check: string;
  ok: boolean;
  detail: string;
}

async function topologyChecks(cluster: Cluster): Promise<Check[]> {
  const replication = await rows(cluster.primary, "SELECT state FROM pg_stat_replication");
  const listening = async (server: PostgresServer) =>
    (await rows(server, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query ILIKE 'LISTEN%'"))[0].n;
  const [onPrimary, onStandby] = [await listening(cluster.primary), await listening(cluster.standby)];
  const [{ n: readers }] = await rows(
    cluster.standby,
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ccm-graph'",
  );
  return [
    {
      check: "the standby streams from the primary",
      ok: replication.length === 1 && replication[0].state === "streaming",
      detail: `pg_stat_replication: ${replication.map((r) => r.state).join(", ") || "none"}`,
    },
    {
      check: "nodes read from the standby and LISTEN nowhere",
      ok: Number(readers) > 0 && onPrimary === 0 && onStandby === 0,
      detail: `${readers} node connections on the standby; LISTEN sessions: primary ${onPrimary}, standby ${onStandby}`,
    },
    {
      check: "every node gives the same answer and ETag",
      ok: await sameEverywhere(cluster, 100),
      detail: "the whole catalogue, asked of each node directly",
    },
  ];
}

async function check(cluster: Cluster): Promise<boolean> {
  const checks = await topologyChecks(cluster);
  const faults: FaultRow[] = await runFaults(cluster, "cached", log);
  log("restarting the nodes with RESPONSE_CACHE=off");
  await cluster.restartNodes({ RESPONSE_CACHE: "off" });
  faults.push(...(await runFaults(cluster, "uncached", log)));
  console.log("\nChecks");
  console.table(checks);
  console.log(
    `\nFaults under load (autocannon, 8 connections, 14 s each, the catalogue as GET through HAProxy; ` +
      `propagation bound ${PROPAGATION_BOUND_MS} ms). failed = every request without a full answer; clean = of ` +
      `those, 503 or DATABASE_UNAVAILABLE; mixed = answers mixing two dataset versions`,
  );
  console.table(faults);
  return checks.every((c) => c.ok) && faults.every((f) => f.ok);
}

async function bench(cluster: Cluster): Promise<void> {
  const results: Record<string, unknown>[] = [];
  for (const cache of ["on", "off"]) {
    await cluster.restartNodes({ RESPONSE_CACHE: cache });
    // A B A B: compare medians within one run, never single runs.
    for (const round of [1, 2]) {
      for (const [nodes, url] of [
        ["1", cluster.singleUrl],
        ["3", cluster.lbUrl],
      ]) {
        const tally = new Tally();
        const result = await drive(url, 10, 16, tally);
        results.push({
          cache,
          nodes,
          round,
          "req/s": result.reqPerSec,
          "p50 ms": result.p50,
          "p99 ms": result.p99,
          failed: tally.failed,
        });
        log(
          `RESPONSE_CACHE=${cache}, ${nodes} node(s), round ${round}: ${result.reqPerSec} req/s, p99 ${result.p99} ms`,
        );
      }
    }
  }
  console.table(results);
}

async function main(): Promise<number> {
  if (!hasPostgresBinaries()) {
    console.error(
      `cluster: no PostgreSQL server binaries in ${PG_BIN} (apt-get install postgresql-15, or set CCM_PG_BIN)`,
    );
    return 1;
  }
  try {
    execFileSync("haproxy", ["-v"], { stdio: "pipe" });
  } catch {
    console.error("cluster: haproxy is not installed (apt-get install haproxy)");
    return 1;
  }
  const cluster = new Cluster({ log });
  let stopping = false;
  const stop = new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        if (stopping) return;
        stopping = true;
        log(`${signal}: taking the cluster down`);
        resolve();
      });
    }
  });
  // Whatever happens, nothing outlives this process.
  process.on("exit", () => cluster.killAll());
  let ok = false;
  try {
    await Promise.race([cluster.up({ RESPONSE_CACHE: "on" }), stop]);
    if (stopping) return 1;
    if (mode === "check") ok = await Promise.race([check(cluster), stop.then(() => false)]);
    else if (mode === "bench") await Promise.race([bench(cluster), stop]);
    else {
      log(`up: GraphQL at ${cluster.lbUrl}/graphql; Ctrl-C takes it down`);
      await stop;
    }
    ok = ok || mode !== "check";
  } catch (error) {
    console.error(`cluster: ${(error as Error).stack ?? error}`);
    ok = false;
  } finally {
    log("taking the cluster down");
    const keep = ok ? undefined : `${cluster.root}-logs`;
    await cluster.down(keep).catch((error) => console.error(`cluster: teardown: ${error}`));
    if (keep) log(`logs kept in ${keep}`);
  }
  await delay(200);
  const left = cluster.leftovers();
  if (left.length > 0) {
    console.error(`cluster: processes left behind:\n${left.join("\n")}`);
    return 1;
  }
  log(
    `no process left behind; ${mode === "check" ? (ok ? "every check held" : "SOME CHECKS FAILED") : "done"}`,
  );
  return ok ? 0 : 1;
}

void main().then((code) => process.exit(code));
