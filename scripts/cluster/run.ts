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

/** 10 s at 16 connections on `url`, as one row of the benchmark table. */
async function measure(url: string, row: Record<string, string | number>): Promise<Record<string, unknown>> {
  const tally = new Tally();
  const result = await drive(url, 10, 16, tally);
  const measured = {
    ...row,
    "req/s": result.reqPerSec,
    "p50 ms": result.p50,
    "p99 ms": result.p99,
    failed: tally.failed,
  };
  log(JSON.stringify(measured));
  return measured;
}

/**
 * Through the balancer: 1 node (a frontend to node1 alone) against 3, cached and uncached; then
 * the cost of the per-request snapshot, uncached on one node, READ_SNAPSHOT off against on. Each
 * pair alternates A B A B: compare within one run, never single runs.
 */
async function bench(cluster: Cluster): Promise<void> {
  const results: Record<string, unknown>[] = [];
  for (const cache of ["on", "off"]) {
    await cluster.restartNodes({ RESPONSE_CACHE: cache });
    for (const round of [1, 2]) {
      results.push(await measure(cluster.singleUrl, { RESPONSE_CACHE: cache, nodes: 1, round }));
      results.push(await measure(cluster.lbUrl, { RESPONSE_CACHE: cache, nodes: 3, round }));
    }
  }
  const snapshots: Record<string, unknown>[] = [];
  for (const round of [1, 2]) {
    for (const snapshot of ["off", "on"]) {
      await cluster.restartNodes({ RESPONSE_CACHE: "off", READ_SNAPSHOT: snapshot });
      snapshots.push(await measure(cluster.singleUrl, { READ_SNAPSHOT: snapshot, nodes: 1, round }));
    }
  }
  console.log("\n1 node against 3, through HAProxy");
  console.table(results);
  console.log("\nThe per-request snapshot, uncached, 1 node through HAProxy");
  console.table(snapshots);
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
