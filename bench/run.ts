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
 *   --profile                          ccm-graph runs with --cpu-prof; profiles go to bench/results/profiles/{cached,uncached,cold}/
 *   --cold                             also the cold path: a third ccm-graph instance with
 *                                      RESPONSE_CACHE=off LOADER_CACHE=off, and its own table
 *                                      (ratio, SQL/req, CPU shares; bench/cold.ts)
 *   --paths cached,uncached,cold       which paths to measure (default cached,uncached; with --cold all three)
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { writeSyntheticReports } from "../scripts/generate-synthetic-report";
import { type BenchDatabase, countStatements, openBenchDatabase, resetStatements, runSql } from "./database";
import { attachShares, postmasterPid, renderColdTable, withCpu } from "./cold";
import { measureCell } from "./load";
import { type Options, parseOptions } from "./options";
import {
  canonical,
  checkEquivalence,
  loadDataContext,
  postGraphQL,
  type Scenario,
  scenarios,
} from "./scenarios";
import { POSTGRAPHILE_DIR, type RunningServer, startCcmGraph, startPostGraphile } from "./servers";
import {
  fmt,
  medianCell,
  type PathName,
  renderTables,
  type Row,
  type ScaleInfo,
  type ServerCell,
  type ServerName,
} from "./tables";

const ROOT = path.resolve(__dirname, "..");
const RESULTS = path.join(ROOT, "bench/results");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const BEIRUT_DIR = path.join(ROOT, "server/data/reports");

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
  /** Record the CPU the server and PostgreSQL spent (the cold path). */
  cpuOf?: { postmaster: number | null },
): Promise<ServerCell> {
  const side = which === "ccm" ? scenario.ccm : scenario.postgraphile;
  const variables =
    which === "ccm"
      ? scenario.ccm.variables
      : (i: number | null) => scenario.postgraphile.variables(scenario.ccm.variables(i));
  await resetStatements(db, database);
  const measure = () =>
    measureCell({
      url: server.url,
      query: side.query,
      variables,
      uncached,
      expect: side.expect,
      durationSeconds: seconds,
      connections,
      ...(warmup ? { minRequests: 0 } : {}),
    });
  const { result: cell, cpu } = cpuOf
    ? await withCpu(server.pid, cpuOf.postmaster, measure)
    : { result: await measure(), cpu: undefined };
  const statements = await countStatements(db, database, which);
  return {
    ...cell,
    sqlPerRequestPg: statements === null || cell.sent === 0 ? null : statements / cell.sent,
    ...(cpu ? { cpu } : {}),
  };
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
  // The cold instance's profile is read back per cell: it gets a folder of its own per scale.
  const coldProfileDir = options.profile
    ? path.join(RESULTS, "profiles", "cold", `${scale}x-${Date.now()}`)
    : null;
  const profileArgs = (pathName: PathName) => {
    if (!options.profile) return undefined;
    const dir = pathName === "cold" ? coldProfileDir! : path.join(RESULTS, "profiles", pathName);
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
  const ccmUncached = options.paths.includes("uncached")
    ? await startCcmGraph({
        databaseUrl: db.ccmUrl(database),
        datasetDir,
        serverDir: options.serverDir,
        nodeArgs: profileArgs("uncached"),
        env: { RESPONSE_CACHE: "off" },
      })
    : null;
  // The cold path: neither whole answers nor loader rows kept between requests.
  const ccmCold = options.paths.includes("cold")
    ? await startCcmGraph({
        databaseUrl: db.ccmUrl(database),
        datasetDir,
        serverDir: options.serverDir,
        nodeArgs: profileArgs("cold"),
        env: { RESPONSE_CACHE: "off", LOADER_CACHE: "off" },
      })
    : null;
  const instances: Record<PathName, RunningServer | null> = {
    cached: ccm,
    uncached: ccmUncached,
    cold: ccmCold,
  };
  const postmaster = postmasterPid(db.dataDir);
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
      // The cold instance answers through other code paths (no shared rows): it is checked too.
      for (const instance of pgl ? [ccm, ...(ccmCold ? [ccmCold] : [])] : []) {
        const check = await checkEquivalence(scenario, { ccm: instance.url, postgraphile: pgl!.url });
        info.checks.push(check);
        log(
          `${scale}x ${scenario.name}${instance === ccmCold ? " (cold)" : ""}: equivalence ${check.ok ? "ok" : "FAILED"} (${check.compared} variable sets)` +
            (check.ok ? "" : `\n  ${check.problems.join("\n  ")}`),
        );
      }
      for (const pathName of options.paths) {
        const uncached = pathName !== "cached";
        const servers: [ServerName, RunningServer][] = [["ccm", instances[pathName]!]];
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
              false,
              pathName === "cold" && which === "ccm" ? { postmaster } : undefined,
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
    await Promise.all([ccm.stop(), ccmUncached?.stop(), ccmCold?.stop(), pgl?.stop()]);
  }
  // The cold instance has written its profile on exit: split each cold cell's CPU by layer.
  attachShares(
    rows.filter((r) => r.scale === scale && r.path === "cold"),
    coldProfileDir,
  );

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
  const tables = [renderTables(rows, infos), renderColdTable(rows, infos)].join("\n");
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
