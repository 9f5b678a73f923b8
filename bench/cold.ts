/**
 * The cold engine (`npm run bench -- --cold`): a third ccm-graph instance with neither whole
 * answers nor loader rows kept between requests (RESPONSE_CACHE=off LOADER_CACHE=off), asked
 * the uncached path's rotating variables. Each of its cells also records the CPU time the server
 * process and PostgreSQL spent (from /proc), and with --profile how the server's share splits
 * into graphql-js, Apollo Server, ccm-graph's code and the rest (bench/profile-summary.ts).
 */
import fs from "node:fs";
import path from "node:path";

import { readProfile, timeByLayer } from "./profile-summary";
import { type CellCpu, type CpuShares, fmt, type Row, type ScaleInfo } from "./tables";

/** The kernel's clock ticks per second (USER_HZ: 100 on Linux everywhere that matters). */
const TICKS_PER_SECOND = 100;

/** user + system (+ reaped children's, when asked) CPU ms of a process, or null if it is gone. */
function processCpuMs(pid: number, withChildren = false): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks =
      Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU ms of a PostgreSQL cluster: the postmaster, the backends it runs and those it reaped. */
function postgresCpuMs(postmaster: number): number | null {
  const own = processCpuMs(postmaster, true);
  if (own === null) return null;
  let total = own;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === postmaster) total += processCpuMs(Number(entry)) ?? 0;
    } catch {
      // A backend that exited between readdir and read: the postmaster counts it once reaped.
    }
  }
  return total;
}

/** The postmaster's pid, from its data folder (null when the bench uses DATABASE_URL). */
export function postmasterPid(dataDir: string | null): number | null {
  if (!dataDir) return null;
  try {
    return Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return null;
  }
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** Runs a cell and records the CPU the server process and PostgreSQL spent meanwhile. */
export async function withCpu<T>(
  serverPid: number,
  postmaster: number | null,
  run: () => Promise<T>,
): Promise<{ result: T; cpu: CellCpu }> {
  const node0 = processCpuMs(serverPid) ?? 0;
  const pg0 = postmaster === null ? null : postgresCpuMs(postmaster);
  const startUs = nowUs();
  const result = await run();
  const endUs = nowUs();
  const node1 = processCpuMs(serverPid) ?? node0;
  const pg1 = postmaster === null ? null : postgresCpuMs(postmaster);
  return {
    result,
    cpu: { nodeMs: node1 - node0, pgMs: pg0 === null || pg1 === null ? null : pg1 - pg0, startUs, endUs },
  };
}

/**
 * Fills in each cold row's CPU shares: PostgreSQL against the server process from /proc, and the
 * server's part split by layer from its profile (the newest .cpuprofile in `profileDir`).
 */
export function attachShares(rows: Row[], profileDir: string | null): void {
  const files = profileDir
    ? fs
        .readdirSync(profileDir)
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => path.join(profileDir, f))
        .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
    : [];
  const profile = files.length > 0 ? readProfile(files[0]) : null;
  for (const row of rows) {
    const cells = (row.rounds.ccm ?? []).filter((c) => c.cpu);
    if (cells.length === 0) continue;
    const nodeMs = cells.reduce((n, c) => n + c.cpu!.nodeMs, 0);
    const pgKnown = cells.every((c) => c.cpu!.pgMs !== null);
    const pgMs = pgKnown ? cells.reduce((n, c) => n + c.cpu!.pgMs!, 0) : 0;
    const total = nodeMs + pgMs;
    if (total <= 0) continue;
    const node = nodeMs / total;
    const shares: CpuShares = {
      postgres: pgKnown ? pgMs / total : null,
      node,
      graphql: null,
      apollo: null,
      ours: null,
      other: null,
    };
    if (profile) {
      const layers = timeByLayer(
        profile,
        cells.map((c) => [c.cpu!.startUs, c.cpu!.endUs]),
      );
      const busy = layers.graphql + layers.apollo + layers.ours + layers.other;
      if (busy > 0) {
        shares.graphql = (node * layers.graphql) / busy;
        shares.apollo = (node * layers.apollo) / busy;
        shares.ours = (node * layers.ours) / busy;
        shares.other = (node * layers.other) / busy;
      }
    }
    row.shares = shares;
  }
}

const pct = (n: number | null | undefined) => (n === null || n === undefined ? "n/a" : `${fmt(100 * n, 0)}%`);

/**
 * The cold engine's table: per scale and scenario, req/s of both servers and their ratio, SQL
 * statements per request, and where the CPU went (shares of ccm-graph's process + PostgreSQL).
 */
export function renderColdTable(rows: Row[], infos: ScaleInfo[]): string {
  const cold = rows.filter((r) => r.path === "cold");
  if (cold.length === 0) return "";
  const out = [
    "### Cold engine (RESPONSE_CACHE=off LOADER_CACHE=off): ccm-graph / PostGraphile",
    "",
    "CPU shares are of the CPU time ccm-graph's process and PostgreSQL spent during ccm-graph's cells " +
      "(/proc); the process's part is split by its CPU profile (`--profile`), n/a without one.",
    "",
    "| scale | scenario | ccm-graph req/s | PostGraphile req/s | ratio | SQL/req ccm | SQL/req PGL | PostgreSQL | graphql-js | Apollo Server | our code | other JS (Fastify, pg, node, GC) |",
    "|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const info of infos) {
    for (const row of cold.filter((r) => r.scale === info.scale)) {
      const c = row.ccm;
      const p = row.postgraphile;
      const s = row.shares;
      const ratio = c?.rps && p?.rps ? `${fmt(c.rps / p.rps, 2)}x` : "n/a";
      out.push(
        `| ${info.scale}x | ${row.title} | ${fmt(c?.rps)}${c?.byCount ? "†" : ""} | ${fmt(p?.rps)}${p?.byCount ? "†" : ""} | ${ratio} | ` +
          `${fmt(c?.sqlPerRequest, 1)} | ${fmt(p?.sqlPerRequestPg, 1)} | ${pct(s?.postgres)} | ${pct(s?.graphql)} | ${pct(s?.apollo)} | ${pct(s?.ours)} | ${pct(s?.other)} |`,
      );
    }
  }
  out.push("");
  return out.join("\n");
}
