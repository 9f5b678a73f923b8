/**
 * `npm run bench`: ccm-graph against its peer (PostGraphile v5 on the same database) and its
 * ceiling (graphql-js over an in-memory graph), on the Beirut data and on synthetic reports at
 * 10x and 100x, on a cached path (one request repeated) and an uncached one (distinct variables
 * on every request). Prints markdown tables and writes the numbers to bench/results/<time>.json.
 *
 *   npm run bench                          # full run (about 9 minutes on 2 cores)
 *   npm run bench -- --quick               # smoke run: 1x and 10x, 1 s cells
 *   npm run bench -- --scales 1 --scenarios headline,search --duration 8 --rounds 3
 *   DATABASE_URL=postgres://... npm run bench   # use that server (one database per scale is created)
 *
 * Options (flags, or the BENCH_* variable in brackets):
 *   --scales 1,10,100 [BENCH_SCALES]   --scenarios a,b [BENCH_SCENARIOS]
 *   --duration S [BENCH_DURATION]      seconds per measured cell (default 4)
 *   --rounds N [BENCH_ROUNDS]          A B rounds at 1x (default 2); median per server
 *   --scaled-rounds N                  rounds at 10x and 100x (default 1)
 *   --connections N [BENCH_CONNECTIONS] (default 10)   --warmup S (default 1)
 *   --ceiling-duration S (default 2)   --no-ceiling   --no-postgraphile
 *   --server-dir DIR [BENCH_CCM_DIR]   the ccm-graph checkout to start (default: this one)
 *   --profile                          ccm-graph runs with --cpu-prof; profiles go to bench/results/profiles/{cached,uncached}/
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { writeSyntheticReports } from "../scripts/generate-synthetic-report";
import { type BenchDatabase, countStatements, openBenchDatabase, resetStatements, runSql } from "./database";
import { type CellResult, measureCell } from "./load";
import {
  canonical,
  type CheckResult,
  checkEquivalence,
  loadDataContext,
  postGraphQL,
  type Scenario,
  scenarios,
} from "./scenarios";
import { POSTGRAPHILE_DIR, type RunningServer, startCcmGraph, startPostGraphile } from "./servers";

const ROOT = path.resolve(__dirname, "..");
const RESULTS = path.join(ROOT, "bench/results");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const BEIRUT_DIR = path.join(ROOT, "server/data/reports");

type PathName = "cached" | "uncached";
type ServerName = "ccm" | "postgraphile";

interface Options {
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
}

function parseOptions(argv: string[]): Options {
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
  };
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
    else throw new Error(`unknown option ${arg} (see the top of bench/run.ts)`);
  }
  if (options.scales.some((s) => !Number.isInteger(s) || s < 1))
    throw new Error("--scales takes positive integers");
  return options;
}

interface ServerCell extends CellResult {
  /** pg_stat_statements calls of the server's role per request sent, when available. */
  sqlPerRequestPg: number | null;
}

interface Row {
  scale: number;
  scenario: string;
  title: string;
  path: PathName;
  ccm: ServerCell | null;
  postgraphile: ServerCell | null;
  ceiling: { rps: number; p50: number; p99: number; bytes: number; failures: number } | null;
  /** Every round, for the record. */
  rounds: Record<ServerName, ServerCell[]>;
}

interface ScaleInfo {
  scale: number;
  reportId: string;
  findings: number;
  stateMentions: number;
  paragraphs: number;
  ccmStartSeconds: number;
  checks: CheckResult[];
  ceilingAnswersMatch: Record<string, boolean>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The median cell of several rounds: each number is the median of that number. */
function medianCell(cells: ServerCell[]): ServerCell | null {
  if (cells.length === 0) return null;
  const pick = (f: (c: ServerCell) => number | null) => {
    const values = cells.map(f).filter((v): v is number => v !== null);
    return values.length > 0 ? median(values) : null;
  };
  return {
    requests: cells.reduce((n, c) => n + c.requests, 0),
    rps: pick((c) => c.rps)!,
    p50: pick((c) => c.p50)!,
    p90: pick((c) => c.p90)!,
    p99: pick((c) => c.p99)!,
    meanLatency: pick((c) => c.meanLatency)!,
    failures: cells.reduce((n, c) => n + c.failures, 0),
    failureExample: cells.find((c) => c.failureExample)?.failureExample ?? null,
    sqlPerRequest: pick((c) => c.sqlPerRequest),
    sqlPerRequestPg: pick((c) => c.sqlPerRequestPg),
    bytes: pick((c) => c.bytes)!,
    sent: cells.reduce((n, c) => n + c.sent, 0),
    byCount: cells.some((c) => c.byCount),
  };
}

function log(message: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function runCeiling(reportFile: string, options: Options, names: string[]): Promise<any> {
  const args = ["bench/ceiling.ts", "--report", reportFile, "--duration", String(options.ceilingDuration)];
  for (const name of names) args.push("--scenario", name);
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, args, {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`the ceiling failed (${code}): ${err.slice(-2000)}`));
    });
  });
}

async function measureServer(
  db: BenchDatabase,
  database: string,
  server: RunningServer,
  which: ServerName,
  scenario: Scenario,
  uncached: boolean,
  seconds: number,
  connections: number,
  warmup = false,
): Promise<ServerCell> {
  const side = which === "ccm" ? scenario.ccm : scenario.postgraphile;
  const variables =
    which === "ccm"
      ? scenario.ccm.variables
      : (i: number | null) => scenario.postgraphile.variables(scenario.ccm.variables(i));
  await resetStatements(db, database);
  const cell = await measureCell({
    url: server.url,
    query: side.query,
    variables,
    uncached,
    expect: side.expect,
    durationSeconds: seconds,
    connections,
    ...(warmup ? { minRequests: 0 } : {}),
  });
  const statements = await countStatements(db, database, which);
  return { ...cell, sqlPerRequestPg: statements === null || cell.sent === 0 ? null : statements / cell.sent };
}

async function benchScale(
  db: BenchDatabase,
  scale: number,
  options: Options,
  rows: Row[],
): Promise<ScaleInfo> {
  const database = `ccm_bench_${scale}x`;
  const datasetDir = scale === 1 ? BEIRUT_DIR : path.join(RESULTS, "datasets", `${scale}x`);
  if (scale > 1) writeSyntheticReports([scale], datasetDir);
  const reportFile = path.join(
    datasetDir,
    fs.readdirSync(datasetDir).find((f) => f.endsWith(".json"))!,
  );
  const report = JSON.parse(fs.readFileSync(reportFile, "utf8"));

  log(
    `${scale}x: creating ${database}, starting ccm-graph (migrations + ingest of ${path.basename(reportFile)})`,
  );
  await db.createDatabase(database);
  const started = Date.now();
  // Each instance profiles into its own folder, so the two paths can be summarised apart.
  const profileArgs = (pathName: PathName) => {
    if (!options.profile) return undefined;
    const dir = path.join(RESULTS, "profiles", pathName);
    fs.mkdirSync(dir, { recursive: true });
    return ["--cpu-prof", `--cpu-prof-dir=${dir}`];
  };
  const ccm = await startCcmGraph({
    databaseUrl: db.ccmUrl(database),
    datasetDir,
    serverDir: options.serverDir,
    nodeArgs: profileArgs("cached"),
  });
  const ccmStartSeconds = (Date.now() - started) / 1000;
  // The uncached path asks a second instance with the whole-answer cache off: rotating variables
  // would otherwise all be cached after one lap, and the cache would hide the engine.
  const ccmUncached = await startCcmGraph({
    databaseUrl: db.ccmUrl(database),
    datasetDir,
    serverDir: options.serverDir,
    nodeArgs: profileArgs("uncached"),
    env: { RESPONSE_CACHE: "off" },
  });
  let pgl: RunningServer | null = null;
  const info: ScaleInfo = {
    scale,
    reportId: report.report.id,
    findings: report.findings.length,
    stateMentions: report.findings.reduce((n: number, f: any) => n + f.assertions.length, 0),
    paragraphs: report.paragraphs.length,
    ccmStartSeconds,
    checks: [],
    ceilingAnswersMatch: {},
  };
  try {
    if (options.postgraphile) {
      await runSql(db, database, fs.readFileSync(path.join(POSTGRAPHILE_DIR, "schema.sql"), "utf8"));
      pgl = await startPostGraphile({ databaseUrl: db.postgraphileUrl(database) });
    }
    log(`${scale}x: ccm-graph ready in ${ccmStartSeconds.toFixed(1)} s${pgl ? ", PostGraphile ready" : ""}`);
    const context = await loadDataContext(db.adminUrl(database));
    const chosen = scenarios(context).filter((s) => !options.scenarios || options.scenarios.includes(s.name));
    const rounds = scale === 1 ? options.rounds : options.scaledRounds;

    for (const scenario of chosen) {
      const own = await postGraphQL(ccm.url, scenario.ccm.query, scenario.ccm.variables(null));
      const parsed = JSON.parse(own.body);
      ccmAnswers.set(`${scale}:${scenario.name}`, parsed.errors ? parsed : scenario.ccm.answer(parsed.data));
      if (pgl) {
        const check = await checkEquivalence(scenario, { ccm: ccm.url, postgraphile: pgl.url });
        info.checks.push(check);
        log(
          `${scale}x ${scenario.name}: equivalence ${check.ok ? "ok" : "FAILED"} (${check.compared} variable sets)` +
            (check.ok ? "" : `\n  ${check.problems.join("\n  ")}`),
        );
      }
      for (const pathName of ["cached", "uncached"] as const) {
        const uncached = pathName === "uncached";
        const servers: [ServerName, RunningServer][] = [["ccm", uncached ? ccmUncached : ccm]];
        if (pgl) servers.push(["postgraphile", pgl]);
        for (const [which, server] of servers) {
          if (options.warmup > 0)
            await measureServer(
              db,
              database,
              server,
              which,
              scenario,
              true,
              options.warmup,
              options.connections,
              true,
            );
        }
        const cells: Record<ServerName, ServerCell[]> = { ccm: [], postgraphile: [] };
        for (let round = 0; round < rounds; round++) {
          // A B A B: the servers take turns, so slow drifts of the machine hit both alike.
          for (const [which, server] of servers) {
            const cell = await measureServer(
              db,
              database,
              server,
              which,
              scenario,
              uncached,
              options.duration,
              options.connections,
            );
            cells[which].push(cell);
            if (cell.failures > 0)
              log(
                `  ${which} ${scenario.name} ${pathName}: ${cell.failures} failures, e.g. ${cell.failureExample}`,
              );
          }
        }
        const row: Row = {
          scale,
          scenario: scenario.name,
          title: scenario.title,
          path: pathName,
          ccm: medianCell(cells.ccm),
          postgraphile: medianCell(cells.postgraphile),
          ceiling: null,
          rounds: cells,
        };
        rows.push(row);
        log(
          `${scale}x ${scenario.name} ${pathName}: ccm-graph ${fmt(row.ccm?.rps)} req/s p50 ${fmt(row.ccm?.p50)} ms` +
            (row.postgraphile
              ? ` | PostGraphile ${fmt(row.postgraphile.rps)} req/s p50 ${fmt(row.postgraphile.p50)} ms`
              : ""),
        );
      }
    }
  } finally {
    await Promise.all([ccm.stop(), ccmUncached.stop(), pgl?.stop()]);
  }

  if (options.ceiling) {
    const names = [...new Set(rows.filter((r) => r.scale === scale).map((r) => r.scenario))];
    log(`${scale}x: ceiling (graphql-js in memory, ${options.ceilingDuration} s per cell)`);
    const ceiling = await runCeiling(reportFile, options, names);
    for (const result of ceiling.results) {
      const row = rows.find(
        (r) => r.scale === scale && r.scenario === result.scenario && r.path === result.path,
      );
      if (row)
        row.ceiling = {
          rps: result.rps,
          p50: result.p50,
          p99: result.p99,
          bytes: result.bytes,
          failures: result.failures,
        };
    }
    // The ceiling answers the cached question from the same data: it must name the same states
    // (search excepted: its in-memory matching is naive, not PostgreSQL's ranking).
    info.ceilingAnswersMatch = Object.fromEntries(
      Object.entries(ceiling.answers as Record<string, unknown>).map(([name, answer]) => [
        name,
        name === "search"
          ? true
          : JSON.stringify(canonical(answer)) ===
            JSON.stringify(canonical(ccmAnswers.get(`${scale}:${name}`))),
      ]),
    );
  }
  return info;
}

/** ccm-graph's answers to the cached variables, kept to compare with the ceiling's. */
const ccmAnswers = new Map<string, unknown>();

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? "n/a"
    : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number | null | undefined) =>
  n === null || n === undefined ? "n/a" : n < 10 ? fmt(n, 2) : fmt(n, 0);
const kb = (n: number | null | undefined) =>
  n === null || n === undefined
    ? "n/a"
    : n < 10_240
      ? `${fmt(n / 1024, 1)} KB`
      : n < 10_485_760
        ? `${fmt(n / 1024, 0)} KB`
        : `${fmt(n / 1048576, 1)} MB`;
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a && b ? `${fmt(a / b, 2)}x` : "n/a";

/** The markdown report: one table per scale, then the growth of p50 with the data. */
function renderTables(rows: Row[], infos: ScaleInfo[]): string {
  const out: string[] = [];
  for (const info of infos) {
    out.push(
      `### ${info.scale}x: ${info.reportId} (${fmt(info.findings)} findings, ${fmt(info.stateMentions)} state mentions, ${fmt(info.paragraphs)} paragraphs)`,
      "",
      "| scenario | path | ccm-graph req/s | p50 ms | p99 ms | SQL/req | bytes | PostGraphile req/s | p50 ms | p99 ms | SQL/req | bytes | ceiling exec/s | p50 ms | p99 ms | ccm/PGL req/s | ccm/PGL p50 | ccm/ceiling req/s | failures |",
      "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    );
    for (const row of rows.filter((r) => r.scale === info.scale)) {
      const c = row.ccm;
      const p = row.postgraphile;
      const x = row.ceiling;
      const failures = (c?.failures ?? 0) + (p?.failures ?? 0) + (x?.failures ?? 0);
      out.push(
        `| ${row.title} | ${row.path} | ${fmt(c?.rps)}${c?.byCount ? "†" : ""} | ${ms(c?.p50)} | ${ms(c?.p99)} | ${fmt(c?.sqlPerRequest, 1)} | ${kb(c?.bytes)} | ` +
          `${fmt(p?.rps)}${p?.byCount ? "†" : ""} | ${ms(p?.p50)} | ${ms(p?.p99)} | ${fmt(p?.sqlPerRequestPg, 1)} | ${kb(p?.bytes)} | ` +
          `${fmt(x?.rps)} | ${ms(x?.p50)} | ${ms(x?.p99)} | ` +
          `${ratio(c?.rps, p?.rps)} | ${ratio(c?.p50, p?.p50)} | ${ratio(c?.rps, x?.rps)} | ${failures} |`,
      );
    }
    if (rows.some((r) => r.scale === info.scale && (r.ccm?.byCount || r.postgraphile?.byCount)))
      out.push(
        "",
        "† too slow to complete 2 requests per connection in the cell's time: measured by count instead.",
      );
    const failed = info.checks.filter((c) => !c.ok).map((c) => c.scenario);
    const ceilingMismatch = Object.entries(info.ceilingAnswersMatch)
      .filter(([, ok]) => !ok)
      .map(([name]) => name);
    out.push(
      "",
      `ccm-graph start (migrations + ingest): ${fmt(info.ccmStartSeconds, 1)} s. ` +
        `Same answers as PostGraphile: ${info.checks.length === 0 ? "not checked" : failed.length === 0 ? "yes, every scenario" : `NO for ${failed.join(", ")}`}. ` +
        `Ceiling answers: ${Object.keys(info.ceilingAnswersMatch).length === 0 ? "not checked" : ceilingMismatch.length === 0 ? "same states as ccm-graph" : `differ for ${ceilingMismatch.join(", ")}`}.`,
      "",
    );
  }
  const scales = infos.map((i) => i.scale);
  if (scales.length > 1) {
    out.push(
      "### How p50 grows with the data (ms, and the factor over 1x)",
      "",
      `| scenario | path | ${scales.map((s) => `ccm-graph ${s}x`).join(" | ")} | ${scales.map((s) => `PostGraphile ${s}x`).join(" | ")} | ${scales.map((s) => `ceiling ${s}x`).join(" | ")} |`,
      `|---|---|${scales.map(() => "--:").join("|")}|${scales.map(() => "--:").join("|")}|${scales.map(() => "--:").join("|")}|`,
    );
    const keys = [...new Set(rows.map((r) => `${r.scenario}|${r.path}`))];
    for (const key of keys) {
      const [scenario, pathName] = key.split("|");
      const at = (scale: number) =>
        rows.find((r) => r.scale === scale && r.scenario === scenario && r.path === pathName);
      const cell = (pick: (r: Row) => number | null | undefined) =>
        scales
          .map((scale) => {
            const base = at(scales[0]);
            const value = at(scale) ? pick(at(scale)!) : null;
            const baseValue = base ? pick(base) : null;
            if (value === null || value === undefined) return "n/a";
            return scale === scales[0] || !baseValue
              ? ms(value)
              : `${ms(value)} (${fmt(value / baseValue, 1)}x)`;
          })
          .join(" | ");
      out.push(
        `| ${at(scales[0])?.title ?? scenario} | ${pathName} | ${cell((r) => r.ccm?.p50)} | ${cell((r) => r.postgraphile?.p50)} | ${cell((r) => r.ceiling?.p50)} |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.postgraphile && !fs.existsSync(path.join(POSTGRAPHILE_DIR, "node_modules/postgraphile"))) {
    // The peer has its own package.json and lock, out of the service's dependencies.
    console.log("installing PostGraphile in bench/postgraphile (npm ci) ...");
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: POSTGRAPHILE_DIR, stdio: "inherit" });
  }
  fs.mkdirSync(RESULTS, { recursive: true, mode: 0o755 });
  fs.chmodSync(RESULTS, 0o755);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
  log(
    `machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAverageAtStart.join(" ")}`,
  );
  const db = await openBenchDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.join(RESULTS, `postgres-${stamp}`),
    log: () => {},
  });
  log(`database: ${db.version}`);
  const rows: Row[] = [];
  const infos: ScaleInfo[] = [];
  const started = Date.now();
  let failedChecks = 0;
  try {
    for (const scale of options.scales) {
      infos.push(await benchScale(db, scale, options, rows));
    }
  } finally {
    await db.stop();
  }
  failedChecks = infos.reduce((n, i) => n + i.checks.filter((c) => !c.ok).length, 0);
  const tables = renderTables(rows, infos);
  const minutes = (Date.now() - started) / 60_000;
  const header =
    `ccm-graph benchmark ${stamp}: ${machine.cpus} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${db.version}; ` +
    `${options.connections} connections, ${options.duration} s cells, ${options.rounds} A/B round(s) at 1x, ${options.scaledRounds} at larger scales; ${fmt(minutes, 1)} min.`;
  process.stdout.write(`\n${header}\n\n${tables}\n`);
  const file = path.join(RESULTS, `${stamp}.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify({ stamp, machine, database: db.version, options, minutes, scales: infos, rows, markdown: `${header}\n\n${tables}` }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(RESULTS, `${stamp}.md`), `${header}\n\n${tables}\n`);
  log(`wrote ${path.relative(process.cwd(), file)} (and .md)`);
  const failures = rows.reduce((n, r) => n + (r.ccm?.failures ?? 0) + (r.postgraphile?.failures ?? 0), 0);
  if (failedChecks > 0 || failures > 0) {
    log(`${failedChecks} failed equivalence check(s), ${failures} failed response(s)`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
