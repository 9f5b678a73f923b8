/**
 * Shows, on the 100x synthetic data, whether each filter path of the API uses an index.
 *
 *   npx tsx scripts/explain-filters.ts [--scale 100] [--server-dir DIR] [--json FILE]
 *
 * Rather than rebuild the SQL by hand, it captures the statements ccm-graph really sends: it
 * starts an embedded PostgreSQL whose database loads auto_explain (log_analyze, JSON), starts
 * ccm-graph on it (the real ingest loads the synthetic report), runs ANALYZE, then asks one
 * GraphQL query per filter path and reads the EXPLAIN ANALYZE plan of every statement that
 * query caused from the PostgreSQL log. For each path it prints the scans of the tables that
 * are large at this scale: a sequential scan there means no index serves the filter.
 */
import fs from "node:fs";
import path from "node:path";

import { Client } from "pg";

import { openBenchDatabase } from "../bench/database";
import { startCcmGraph } from "../bench/servers";
import { writeSyntheticReports } from "./generate-synthetic-report";

const ROOT = path.resolve(__dirname, "..");

/** One GraphQL request per filter path: the argument it exercises, and the query. */
const PATHS: { path: string; query: string }[] = [
  ...[
    ["codeIn", `{ codeIn: ["LAO", "LBN"] }`],
    ["name", `{ name: "lao" }`],
    ["namedInReport", `{ namedInReport: true }`],
    ["status", `{ status: SIGNATORY }`],
    ["statusIn", `{ statusIn: [SIGNATORY, STATE_PARTY] }`],
    ["obligation", `{ obligation: { article: 4 } }`],
    ["stockpile", `{ stockpile: {} }`],
    ["assistanceNeed", `{ assistanceNeed: { areaIn: [VICTIM_ASSISTANCE] } }`],
    ["assistanceProvided", `{ assistanceProvided: {} }`],
    ["assistanceReceived", `{ assistanceReceived: {} }`],
    ["legislation", `{ legislation: {} }`],
    ["contaminated", `{ contaminated: true }`],
    ["hasDiscrepancy", `{ hasDiscrepancy: true }`],
    ["findings.some.themeIn", `{ findings: { some: { themeIn: [CLEARANCE] } } }`],
    ["findings.some.assertionKindIn", `{ findings: { some: { assertionKindIn: [PROVIDED_FUNDING] } } }`],
    ["findings.some.actionNumber", `{ findings: { some: { actionNumber: 21 } } }`],
    ["findings.some.article", `{ findings: { some: { article: 5 } } }`],
    ["findings.some.paragraph", `{ findings: { some: { paragraph: 3000 } } }`],
    ["findings.some.footnote", `{ findings: { some: { footnote: 1700 } } }`],
    ["findings.some.groupIn", `{ findings: { some: { groupIn: [SIGNATORIES] } } }`],
    ["findings.some.hasDiscrepancy", `{ findings: { some: { hasDiscrepancy: true } } }`],
    ["findings.none.themeIn", `{ findings: { none: { themeIn: [TRANSPARENCY] } } }`],
    [
      "and/or/not",
      `{ and: [{ status: STATE_PARTY }, { or: [{ stockpile: {} }, { not: { assistanceNeed: {} } }] }] }`,
    ],
  ].map(([name, filter]) => ({
    path: `states(filter: ${name})`,
    query: `{ states(filter: ${filter}, first: 100) { totalCount nodes { code } } }`,
  })),
  ...[
    ["themeIn", `{ themeIn: [CLEARANCE] }`],
    ["assertionKindIn", `{ assertionKindIn: [HAS_CLEARANCE_OBLIGATION] }`],
    ["actionNumber", `{ actionNumber: 21 }`],
    ["article", `{ article: 4 }`],
    ["paragraph", `{ paragraph: 3000 }`],
    ["footnote", `{ footnote: 1700 }`],
    ["groupIn", `{ groupIn: [SIGNATORIES] }`],
    ["stateCode", `{ stateCode: "LAO" }`],
    ["hasDiscrepancy", `{ hasDiscrepancy: true }`],
    ["countDiffers", `{ countDiffers: true }`],
  ].map(([name, filter]) => ({
    path: `findings(filter: ${name})`,
    query: `{ findings(filter: ${filter}, first: 100) { totalCount nodes { key } } }`,
  })),
  ...[
    ["kindIn", `{ kindIn: [COUNT_MISMATCH] }`],
    ["paragraph", `{ paragraph: 3000 }`],
    ["footnote", `{ footnote: 1700 }`],
    ["stateCode", `{ stateCode: "LAO" }`],
  ].map(([name, filter]) => ({
    path: `discrepancies(filter: ${name})`,
    query: `{ discrepancies(filter: ${filter}, first: 100) { totalCount nodes { key } } }`,
  })),
  {
    path: "State.findings(filter: themeIn)",
    query: `{ state(code: "LAO") { findings(filter: { themeIn: [CLEARANCE] }) { key } } }`,
  },
  { path: "stateCounts(groupBy: NEED_AREA)", query: `{ stateCounts(groupBy: NEED_AREA) { key count } }` },
  {
    path: "findingCounts(groupBy: ASSERTION_KIND)",
    query: `{ findingCounts(groupBy: ASSERTION_KIND) { key count } }`,
  },
  { path: "search(text)", query: `{ search(text: "stockpile destruction") { rank paragraph { number } } }` },
  { path: "stateByName(name)", query: `{ stateByName(name: "Lao PDR") { code } }` },
];

interface Scan {
  relation: string;
  node: string;
  index: string | null;
  /** Rows the scan read: returned plus removed by its filter, times its loops. */
  rowsRead: number;
}

/** Walks a JSON plan and lists every scan. */
function scansOf(plan: any, out: Scan[] = []): Scan[] {
  if (plan["Relation Name"] || plan["Index Name"]) {
    const loops = plan["Actual Loops"] ?? 1;
    out.push({
      relation: plan["Relation Name"] ?? "(index)",
      node: plan["Node Type"],
      index: plan["Index Name"] ?? null,
      rowsRead: Math.round(((plan["Actual Rows"] ?? 0) + (plan["Rows Removed by Filter"] ?? 0)) * loops),
    });
  }
  for (const child of plan.Plans ?? []) scansOf(child, out);
  return out;
}

/** The JSON objects that follow "plan:" in PostgreSQL log text (auto_explain, JSON format). */
function plansIn(log: string): any[] {
  const plans: any[] = [];
  let at = log.indexOf("plan:");
  while (at !== -1) {
    const start = log.indexOf("{", at);
    if (start === -1) break;
    let depth = 0;
    let inString = false;
    let end = -1;
    for (let i = start; i < log.length; i++) {
      const c = log[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end === -1) break;
    try {
      plans.push(JSON.parse(log.slice(start, end + 1)));
    } catch {
      // a log line cut in the middle: skip it
    }
    at = log.indexOf("plan:", end);
  }
  return plans;
}

async function main(argv: string[]) {
  let scale = 100;
  let serverDir = process.env.BENCH_CCM_DIR ? path.resolve(process.env.BENCH_CCM_DIR) : ROOT;
  let jsonFile: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--scale") scale = Number(argv[++i]);
    else if (argv[i] === "--server-dir") serverDir = path.resolve(argv[++i]);
    else if (argv[i] === "--json") jsonFile = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (process.env.DATABASE_URL) {
    console.error("explain-filters reads plans from the embedded PostgreSQL's log; unset DATABASE_URL");
    process.exit(2);
  }
  const datasetDir = path.join(ROOT, "bench/results/datasets", `${scale}x`);
  writeSyntheticReports([scale], datasetDir);

  let log = "";
  const db = await openBenchDatabase({
    databaseUrl: undefined,
    dataDir: path.join(ROOT, "bench/results", `postgres-explain-${Date.now()}`),
    log: (message) => {
      log += `${message}\n`;
    },
  });
  const database = "ccm_explain";
  const admin = new Client({ connectionString: db.adminUrl("postgres") });
  let ccm: Awaited<ReturnType<typeof startCcmGraph>> | undefined;
  try {
    await db.createDatabase(database);
    await admin.connect();
    for (const setting of [
      "session_preload_libraries = 'auto_explain'",
      "auto_explain.log_min_duration = 0",
      "auto_explain.log_analyze = on",
      "auto_explain.log_format = json",
      "auto_explain.log_timing = on",
    ])
      await admin.query(`ALTER DATABASE ${database} SET ${setting}`);
    ccm = await startCcmGraph({ databaseUrl: db.ccmUrl(database), datasetDir, serverDir });
    const analyze = new Client({ connectionString: db.adminUrl(database) });
    await analyze.connect();
    await analyze.query("ANALYZE");
    const sizes = new Map(
      (
        await analyze.query<{ relname: string; n: number }>(
          "SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace",
        )
      ).rows.map((r) => [r.relname, Number(r.n)]),
    );
    await analyze.end();
    const large = (relation: string) => (sizes.get(relation) ?? 0) >= 1000;

    const results = [];
    for (const { path: name, query } of PATHS) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      log = "";
      const res = await fetch(ccm.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const body = await res.text();
      await new Promise((resolve) => setTimeout(resolve, 400));
      const plans = plansIn(log).filter((p) => !/FROM report\b|pg_advisory/.test(p["Query Text"] ?? ""));
      const scans = plans.flatMap((p) => scansOf(p.Plan));
      const seqOnLarge = scans.filter((s) => s.node === "Seq Scan" && large(s.relation));
      const indexes = [...new Set(scans.filter((s) => s.index).map((s) => `${s.index}`))];
      const ms = plans.reduce((n, p) => n + (p.Plan?.["Actual Total Time"] ?? 0), 0);
      results.push({
        path: name,
        ok: res.status === 200 && !body.includes('"errors"'),
        statements: plans.length,
        executionMs: Number(ms.toFixed(2)),
        indexes,
        seqScansOnLargeTables: seqOnLarge.map(
          (s) => `${s.relation} (${s.rowsRead.toLocaleString("en-US")} rows read)`,
        ),
        error: res.status === 200 && !body.includes('"errors"') ? null : body.slice(0, 200),
      });
    }

    const sizeNote = ["assertion", "finding", "paragraph", "footnote", "discrepancy", "discussion_question"]
      .map((t) => `${t} ${(sizes.get(t) ?? 0).toLocaleString("en-US")}`)
      .join(", ");
    console.log(
      `\nFilter paths on the ${scale}x synthetic data (rows: ${sizeNote}); tables of 1,000+ rows count as large.\n`,
    );
    console.log("| filter path | index used | sequential scans of large tables | SQL | plan ms |");
    console.log("|---|---|---|--:|--:|");
    for (const r of results) {
      const verdict = r.error
        ? `error: ${r.error}`
        : r.seqScansOnLargeTables.length === 0
          ? "none"
          : `**${r.seqScansOnLargeTables.join("; ")}**`;
      console.log(
        `| ${r.path} | ${r.indexes.join(", ") || "-"} | ${verdict} | ${r.statements} | ${r.executionMs} |`,
      );
    }
    const missing = results.filter((r) => r.seqScansOnLargeTables.length > 0).map((r) => r.path);
    console.log(
      `\n${missing.length} of ${results.length} paths read a large table without an index: ${missing.join(", ") || "none"}`,
    );
    if (jsonFile)
      fs.writeFileSync(
        jsonFile,
        `${JSON.stringify({ scale, sizes: Object.fromEntries(sizes), results }, null, 2)}\n`,
      );
  } finally {
    await ccm?.stop();
    await admin.end().catch(() => {});
    await db.stop();
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
