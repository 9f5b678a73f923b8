/**
 * The one ingest path (`ingestReport`, server/data/ingest.ts) on real PostgreSQL, each suite on
 * its own scratch database: idempotent, all-or-nothing, and able to hold a second report beside
 * the Beirut one without a schema change.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import http from "node:http";
import os from "node:os";
import path from "node:path";

import pino from "pino";
import type { DataSource } from "typeorm";

import { createApp } from "../../server/app";
import { loadConfig, PROJECT_ROOT } from "../../server/config";
import { DATA_TABLES, ingestReport } from "../../server/data/ingest";
import { DatasetError } from "../../server/data/validate";
import { createDataSource } from "../../server/db/data-source";
import { migrate } from "../../server/db/database";
import { createScratchDatabase } from "../helpers/database";

const BEIRUT_FILE = path.join(PROJECT_ROOT, "server/data/reports/beirut-progress-report-2011.json");
const PARTICIPANTS_FILE = path.join(PROJECT_ROOT, "server/data/ccm-participants.json");
const FIXTURE_FILE = path.join(PROJECT_ROOT, "tests/fixtures/second-report.json");
const BEIRUT = "beirut-progress-report-2011";
const FIXTURE = "synthetic-test-report-2012";

type Json = any;
const readJson = (file: string): Json => JSON.parse(fs.readFileSync(file, "utf8"));

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-ingest-"))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let fileCounter = 0;
/** Writes `content` (a JSON value, or raw text) to a fresh temp file and returns its path. */
function writeTemp(content: Json | string): string {
  const file = path.join(tmp, `dataset-${++fileCounter}.json`);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

/** A scratch database with the schema migrated and nothing loaded. */
async function scratch(): Promise<{ dataSource: DataSource; drop(): Promise<void> }> {
  const db = await createScratchDatabase();
  const dataSource = createDataSource(db.url, { poolSize: 4 });
  await dataSource.initialize();
  await migrate(dataSource);
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}

async function tables(ds: DataSource): Promise<string[]> {
  const rows = await ds.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r: { table_name: string }) => r.table_name);
}

async function reportTables(ds: DataSource): Promise<string[]> {
  const rows = await ds.query(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'report_id' ORDER BY table_name`,
  );
  return rows.map((r: { table_name: string }) => r.table_name);
}

/**
 * Row count and md5 of every row of every table (rows as text, sorted), computed in SQL. With
 * `reportId`, only that report's rows of the report-scoped tables (and its `report` row).
 */
async function checksums(ds: DataSource, reportId?: string): Promise<Record<string, string>> {
  const scoped = await reportTables(ds);
  const out: Record<string, string> = {};
  for (const table of await tables(ds)) {
    let where = "";
    if (reportId && table === "report") where = "WHERE t.id = $1";
    else if (reportId && scoped.includes(table)) where = "WHERE t.report_id = $1";
    else if (reportId) continue;
    const [row] = await ds.query(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum
       FROM "${table}" t ${where}`,
      where ? [reportId] : [],
    );
    out[table] = `${row.n} ${row.sum}`;
  }
  return out;
}

/** Rows per report-scoped table for one report. */
async function rowCounts(ds: DataSource, reportId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of await reportTables(ds)) {
    const [row] = await ds.query(`SELECT count(*) AS n FROM "${table}" WHERE report_id = $1`, [reportId]);
    out[table] = row.n;
  }
  return out;
}

/** The real app over `dataSource` on a real port (no response cache: the data changes under it). */
async function serve(dataSource: DataSource) {
  const logger = pino({ level: "silent" });
  const app = await createApp({
    dataSource,
    logger,
    config: { ...loadConfig({}), responseCache: false },
    isDatasetLoaded: () => true,
  });
  const server = http.createServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The dataset version the server's shared loader rows belong to. */
    sharedRowsVersion: () => app.sharedRows?.currentVersion,
    async ask(query: string): Promise<any> {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
    },
  };
}

describe("Loading the Beirut report twice", () => {
  let db: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => (db = await scratch()));
  afterAll(async () => db?.drop());

  it("writes it once, then changes nothing: changed false and every table's checksum the same", async () => {
    const first = await ingestReport(db.dataSource, BEIRUT_FILE, PARTICIPANTS_FILE);
    expect(first).toMatchObject({ reportId: BEIRUT, changed: true });
    const before = await checksums(db.dataSource);
    const second = await ingestReport(db.dataSource, BEIRUT_FILE, PARTICIPANTS_FILE);
    expect(second).toEqual({ reportId: BEIRUT, datasetVersion: first.datasetVersion, changed: false });
    expect(await checksums(db.dataSource)).toEqual(before);
    // The report's sizes: 80 paragraphs, 77 footnotes, 139 findings (135 + ¶62's Action #35 clause (fn67) + the initial-report findings of ¶29 fn9, ¶35 fn26, ¶60 fn62), 75 declared states (74 named; Senegal only for fn2, ¶17).
    expect(await rowCounts(db.dataSource, BEIRUT)).toMatchObject({
      paragraph: 80,
      footnote: 77,
      finding: 139,
      assertion: 423, // 369 + Guinea-Bissau's two ¶62 assertions (fn67) + 24 by reference (¶31 fn9+fn13's 15, ¶61 fn56, ¶64 fn58, ¶65 fn60) + 28 initial reports (fn9's 7, fn26's 6, fn62's 15)
      report_state: 75,
      // 12 conflicts + 21 summary (¶¶7, 8, 36, 52), misprint (e.g. ¶30 "states17s") and partial-list
      // (e.g. fn64 "i.a.") items, + ¶71's "47" checked against the Article 7(1) rule (42) at ingest.
      discrepancy: 34,
    });
    // Every table was compared, the global ones included.
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(["state", "participation", "assertion_kind", "report", "finding", "assertion"]),
    );
  });

  it("leaves the planner fresh statistics of every table it wrote, so the first questions are planned for the real sizes", async () => {
    // Every table of the schema but the migration log is one the ingest writes, and analyses.
    expect([...DATA_TABLES].sort()).toEqual((await tables(db.dataSource)).filter((t) => t !== "migrations"));
    // reltuples is -1 until a table is first analysed; ANALYZE sets it to the rows it counted.
    const rows: { relname: string; reltuples: number }[] = await db.dataSource.query(
      `SELECT relname, reltuples FROM pg_class
       WHERE relname = ANY($1) AND relkind = 'r' AND relnamespace = 'public'::regnamespace`,
      [DATA_TABLES],
    );
    const estimated = Object.fromEntries(rows.map((r) => [r.relname, Number(r.reltuples)]));
    expect(estimated).toMatchObject({ finding: 139, assertion: 423, paragraph: 80, footnote: 77 });
    for (const table of DATA_TABLES) expect([table, estimated[table] >= 0]).toEqual([table, true]);
  });

  it("reproduces 46 States Parties at 1MSP, and 60 States Parties and 49 signatories on 20 August 2011, from the dates", async () => {
    // Status from the depositary dates alone (¶17: 46 at 1MSP, 60 by 20 August 2011; ¶4: 49
    // signatories): a deposit on or before the date makes a State Party (¶2 counts states for which
    // the Convention has not yet entered into force); a signature alone, a signatory.
    const counts = async (date: string) =>
      (
        await db.dataSource.query(
          `SELECT count(*) FILTER (WHERE joined <= $1::date AND (withdrawal_effective IS NULL OR withdrawal_effective > $1::date)) AS parties,
                  count(*) FILTER (WHERE signed <= $1::date AND (joined IS NULL OR joined > $1::date)) AS signatories
           FROM participation`,
          [date],
        )
      )[0];
    expect(await counts("2010-11-09")).toEqual({ parties: 46, signatories: 62 });
    expect(await counts("2011-08-20")).toEqual({ parties: 60, signatories: 49 });
  });
});

describe("Refusing invalid dataset files", () => {
  let db: Awaited<ReturnType<typeof scratch>>;
  let before: Record<string, string>;
  beforeAll(async () => {
    db = await scratch();
    await ingestReport(db.dataSource, BEIRUT_FILE, PARTICIPANTS_FILE);
    await ingestReport(db.dataSource, FIXTURE_FILE, PARTICIPANTS_FILE);
    before = await checksums(db.dataSource);
  });
  afterAll(async () => db?.drop());

  const beirut: Json = readJson(BEIRUT_FILE);
  const fixture: Json = readJson(FIXTURE_FILE);
  const at = (id: string) => beirut.findings.findIndex((f: Json) => f.id === id);
  const P29 = at("p29-destruction-obligations"); // footnote 9
  const P4 = at("p4-membership-60-states-parties"); // no footnote

  /** [what, the file's content (a mutated copy of a real file, or raw text), JSON path, detail]. */
  const cases: [string, () => Json | string, string, RegExp][] = [
    [
      "a value of the wrong type",
      () => ({ ...fixture, paragraphs: [fixture.paragraphs[0], { ...fixture.paragraphs[1], number: "2" }] }),
      "$.paragraphs[1].number",
      /expected number/i,
    ],
    [
      "an unknown state code in an assertion",
      () => {
        const d = structuredClone(beirut);
        d.findings[P29].assertions[0].state = "FIN";
        return d;
      },
      `$.findings[${P29}].assertions[0].state`,
      /state FIN is not declared in \$\.states/,
    ],
    [
      "a declared state that is not an ISO 3166 code",
      () => ({
        ...fixture,
        states: [...fixture.states, { code: "ZZZ", spellings: ["Zedland"], note: null }],
      }),
      "$.states[5].code",
      /ZZZ is not an ISO 3166-1 alpha-3/,
    ],
    [
      "a footnote out of range",
      () => {
        const d = structuredClone(beirut);
        d.findings[P4].footnote = 99;
        return d;
      },
      `$.findings[${P4}].footnote`,
      /footnote 99 does not exist/,
    ],
    [
      "duplicate finding ids",
      () => {
        const d = structuredClone(fixture);
        d.findings[2].id = d.findings[0].id;
        return d;
      },
      "$.findings[2].id",
      /duplicate finding t2-clearance-needs/,
    ],
    [
      "a missing paragraph (numbering with a gap)",
      () => {
        const d = structuredClone(beirut);
        d.paragraphs.splice(40, 1); // paragraph 41
        return d;
      },
      "$.paragraphs[40].number",
      /expected paragraph 41, found 42/,
    ],
    [
      "a finding in a paragraph that does not exist",
      () => {
        const d = structuredClone(fixture);
        d.findings[0].paragraph = 4;
        return d;
      },
      "$.findings[0].paragraph",
      /paragraph 4 does not exist/,
    ],
    [
      "a quote that is not in the report's text",
      () => {
        const d = structuredClone(fixture);
        d.findings[1].quote = "Three States Parties have a specific test law";
        return d;
      },
      "$.findings[1].quote",
      /quote is not in the text of paragraph 3 or footnote 2/,
    ],
    [
      "an unknown key",
      () => ({ ...fixture, report: { ...fixture.report, publisher: "nobody" } }),
      "$.report.publisher",
      /unrecognized key/i,
    ],
    [
      "a date that is not YYYY-MM-DD",
      () => ({ ...fixture, report: { ...fixture.report, finalisedOn: "1 August 2012" } }),
      "$.report.finalisedOn",
      /date/i,
    ],
    [
      "a discrepancy naming a finding that does not exist",
      () => {
        const d = structuredClone(beirut);
        d.discrepancies[0].findings[0] = "p99-nothing";
        return d;
      },
      "$.discrepancies[0].findings[0]",
      /finding p99-nothing does not exist/,
    ],
    [
      "a footnote anchor that is not in its paragraph",
      () => {
        const d = structuredClone(fixture);
        d.footnotes[0].anchor = "Three States Parties";
        return d;
      },
      "$.footnotes[0].anchor",
      /anchor "Three States Parties" is not in the text of paragraph 2/,
    ],
    [
      "an unsupported format version",
      () => ({ ...beirut, formatVersion: 2 }),
      "$.formatVersion",
      /expected 1/i,
    ],
    ["a file that is not JSON", () => '{ "formatVersion": 1, "report": ', "$", /invalid JSON/],
  ];

  it.each(cases)(
    "rejects %s with its JSON path and leaves the database as it was",
    async (_what, make, jsonPath, detail) => {
      const file = writeTemp(make());
      const error = await ingestReport(db.dataSource, file, PARTICIPANTS_FILE).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatasetError);
      const datasetError = error as DatasetError;
      expect(datasetError.path).toBe(jsonPath);
      expect(datasetError.detail).toMatch(detail);
      expect(datasetError.message).toContain(`${file}: ${jsonPath}: `);
      expect(await checksums(db.dataSource)).toEqual(before);
    },
  );
});

describe("A second report beside the Beirut report", () => {
  let db: Awaited<ReturnType<typeof scratch>>;
  let api: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    db = await scratch();
    await ingestReport(db.dataSource, BEIRUT_FILE, PARTICIPANTS_FILE);
    api = await serve(db.dataSource);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it("loads without a schema change and without touching the Beirut rows", async () => {
    const schemaBefore = await db.dataSource.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY 1, 2`,
    );
    const beirutBefore = await checksums(db.dataSource, BEIRUT);
    const migrationsBefore = await db.dataSource.query(`SELECT name FROM migrations ORDER BY id`);

    const result = await ingestReport(db.dataSource, FIXTURE_FILE, PARTICIPANTS_FILE);
    expect(result).toMatchObject({ reportId: FIXTURE, changed: true });

    expect(
      await db.dataSource.query(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
         WHERE table_schema = 'public' ORDER BY 1, 2`,
      ),
    ).toEqual(schemaBefore);
    expect(await db.dataSource.query(`SELECT name FROM migrations ORDER BY id`)).toEqual(migrationsBefore);
    expect(await checksums(db.dataSource, BEIRUT)).toEqual(beirutBefore);
    // Exactly the fixture's content: 3 paragraphs, 3 footnotes, 3 findings, 4 assertions, 5 states;
    // and what the ingest derives for it: the two needs cited under Action #34 (HRV, LBN: in
    // scope), and every depositing state's two reporting deadlines (113 states x Art. 7(1), 7(2)).
    expect(await rowCounts(db.dataSource, FIXTURE)).toEqual({
      action: 1,
      action_link: 2,
      assertion: 4,
      deadline: 226,
      discrepancy: 0,
      discussion_question: 0,
      finding: 3,
      footnote: 3,
      organisation: 0,
      organisation_role: 0,
      paragraph: 3,
      report_state: 5,
      section: 2,
      subheading: 1,
      use_instance: 0,
    });
  });

  it("keeps the Beirut report the default, because a synthetic report is never current", async () => {
    // The fixture is finalised on 2012-08-01, later than Beirut's 2011-08-20, but synthetic.
    const data = await api.ask(`{
      report { key synthetic }
      reports { key synthetic finalisedOn }
      findings { totalCount }
      fixture: findings(report: "${FIXTURE}") { totalCount }
    }`);
    expect(data).toEqual({
      report: { key: BEIRUT, synthetic: false },
      reports: [
        { key: BEIRUT, synthetic: false, finalisedOn: "2011-08-20" },
        { key: FIXTURE, synthetic: true, finalisedOn: "2012-08-01" },
      ],
      findings: { totalCount: 139 }, // 135 + ¶62's Action #35 clause (fn67) + the initial-report findings of ¶29 fn9, ¶35 fn26, ¶60 fn62
      fixture: { totalCount: 3 },
    });
  });

  it("keeps each report's facts about a state apart", async () => {
    const data = await api.ask(`{
      beirutLao: state(code: "LAO") { legislation { status sources { reportId paragraph footnote } } obligations { article } }
      fixtureLao: state(code: "LAO", report: "${FIXTURE}") {
        legislation { status sources { reportId paragraph footnote } } obligations { article } findings { key }
      }
      beirutHrv: state(code: "HRV") { assistanceNeeds { area } }
      fixtureHrv: state(code: "HRV", report: "${FIXTURE}") { assistanceNeeds { area sources { reportId paragraph footnote } } }
      funders: states(report: "${FIXTURE}", filter: { assistanceProvided: { kindIn: [FUNDING] } }) { nodes { code } }
      usaInBeirut: state(code: "USA") { namedInReport assistanceProvided { kind } }
    }`);
    // Beirut: Lao PDR is adopting legislation (¶74, fn75) and has Article 4 and 5 obligations
    // (fn33, fn44), and one whose article ¶58 leaves open (fn54); the fixture gives it a specific
    // law (its ¶3, fn2) and no obligation.
    expect(data.beirutLao).toEqual({
      legislation: [{ status: "IN_PROGRESS", sources: [{ reportId: BEIRUT, paragraph: 74, footnote: 75 }] }],
      obligations: [{ article: 4 }, { article: 5 }, { article: null }],
    });
    expect(data.fixtureLao).toEqual({
      legislation: [
        { status: "SPECIFIC_LEGISLATION", sources: [{ reportId: FIXTURE, paragraph: 3, footnote: 2 }] },
      ],
      obligations: [],
      findings: [{ key: "t3-specific-law" }],
    });
    // Beirut: Croatia needs stockpile destruction help (¶33 fn21), some help (¶58 fn55) and
    // clearance help (¶59 fn58); the fixture only the clearance need.
    expect(data.beirutHrv.assistanceNeeds).toEqual([
      { area: "STOCKPILE_DESTRUCTION" },
      { area: "UNSPECIFIED" },
      { area: "CLEARANCE_AND_RISK_REDUCTION" },
    ]);
    expect(data.fixtureHrv.assistanceNeeds).toEqual([
      {
        area: "CLEARANCE_AND_RISK_REDUCTION",
        sources: [{ reportId: FIXTURE, paragraph: 2, footnote: 1 }],
      },
    ]);
    expect(data.funders.nodes).toEqual([{ code: "USA" }]);
    expect(data.usaInBeirut).toEqual({ namedInReport: false, assistanceProvided: [] });
  });

  it("replaces the report as a unit when a changed version is ingested: no leftover rows", async () => {
    // Version 2 drops paragraph 3's funding finding (and with it footnote 3 and the only state
    // no other source names, the USA), and keeps only Croatia in the clearance finding.
    const v2 = structuredClone(readJson(FIXTURE_FILE));
    v2.paragraphs[2].text = "One State Party has reported having a specific test law.";
    v2.footnotes = v2.footnotes.slice(0, 2);
    v2.states = v2.states.filter((s: Json) => s.code !== "USA");
    v2.findings = v2.findings.filter((f: Json) => f.id !== "t3-funding");
    v2.findings[0].assertions = [v2.findings[0].assertions[0]];
    v2.findings[0].statedCount = 1;
    v2.findings[0].statedCountText = "One";
    v2.paragraphs[1].text =
      "One State Party has reported assistance needs for clearance of synthetic test areas.";
    v2.footnotes[0].anchor = "One State Party";
    v2.footnotes[0].text = "Croatia.";
    v2.findings[0].quote = "One State Party has reported assistance needs for clearance";
    const file = writeTemp(v2);

    const beirutBefore = await checksums(db.dataSource, BEIRUT);
    const result = await ingestReport(db.dataSource, file, PARTICIPANTS_FILE);
    expect(result).toMatchObject({ reportId: FIXTURE, changed: true });

    // Croatia's need alone is left under Action #34.
    expect(await rowCounts(db.dataSource, FIXTURE)).toEqual({
      action: 1,
      action_link: 1,
      assertion: 2,
      deadline: 226,
      discrepancy: 0,
      discussion_question: 0,
      finding: 2,
      footnote: 2,
      organisation: 0,
      organisation_role: 0,
      paragraph: 3,
      report_state: 4,
      section: 2,
      subheading: 1,
      use_instance: 0,
    });
    expect(
      await db.dataSource.query(
        `SELECT finding_id, state_code, kind FROM assertion WHERE report_id = $1 ORDER BY finding_id, position`,
        [FIXTURE],
      ),
    ).toEqual([
      {
        finding_id: "t2-clearance-needs",
        state_code: "HRV",
        kind: "NEEDS_ASSISTANCE_CLEARANCE_AND_RISK_REDUCTION",
      },
      { finding_id: "t3-specific-law", state_code: "LAO", kind: "ADOPTED_SPECIFIC_LEGISLATION" },
    ]);
    expect(
      (
        await db.dataSource.query(`SELECT text FROM paragraph WHERE report_id = $1 AND number = 3`, [FIXTURE])
      )[0].text,
    ).toBe("One State Party has reported having a specific test law.");
    // The USA was known only through version 1: it is gone from the states, as if never loaded.
    expect(await db.dataSource.query(`SELECT code FROM state WHERE code = 'USA'`)).toEqual([]);
    expect(await checksums(db.dataSource, BEIRUT)).toEqual(beirutBefore);

    const data = await api.ask(`{
      all: states { totalCount }
      lebanon: state(code: "LBN", report: "${FIXTURE}") { assistanceNeeds { area } }
      usa: state(code: "USA") { code }
    }`);
    // 125 states in the depositary record + the 5 the Beirut report names outside it.
    expect(data).toEqual({ all: { totalCount: 130 }, lebanon: { assistanceNeeds: [] }, usa: null });

    // And loading version 2 again changes nothing.
    const everything = await checksums(db.dataSource);
    expect(await ingestReport(db.dataSource, file, PARTICIPANTS_FILE)).toMatchObject({ changed: false });
    expect(await checksums(db.dataSource)).toEqual(everything);
  });

  it("answers with the new text right after an ingest, though requests shared the old version's rows", async () => {
    // The findings page is read afresh by every request; the paragraphs under it come through a
    // loader whose rows the requests of one dataset version share. Asked twice, they are shared.
    const question = `{ findings(report: "${FIXTURE}") { nodes { key paragraph { number text } } } }`;
    const before = await api.ask(question);
    expect(await api.ask(question)).toEqual(before);
    const paragraphOf = (data: Json, key: string) =>
      data.findings.nodes.find((f: Json) => f.key === key).paragraph.text;
    expect(paragraphOf(before, "t3-specific-law")).toBe(
      "One State Party has reported having a specific test law.",
    );

    // Version 3 is version 1 again with a sentence added to paragraph 3: nothing else asked changes.
    const v3 = structuredClone(readJson(FIXTURE_FILE));
    const reworded = `${v3.paragraphs[2].text} Version 3 adds this sentence.`;
    v3.paragraphs[2].text = reworded;
    const oldVersion = api.sharedRowsVersion();
    expect(oldVersion).toEqual(expect.any(String));
    expect(await ingestReport(db.dataSource, writeTemp(v3), PARTICIPANTS_FILE)).toMatchObject({
      changed: true,
    });

    // As soon as the server hears of the ingest (its NOTIFY arrives on the LISTEN connection a few
    // milliseconds after the commit; a request in those milliseconds could still mix versions, see
    // BENCHMARKS.md), no old paragraph under the new findings page.
    for (let tries = 0; api.sharedRowsVersion() === oldVersion && tries < 200; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(api.sharedRowsVersion()).not.toBe(oldVersion);
    const after = await api.ask(question);
    expect(paragraphOf(after, "t3-specific-law")).toBe(reworded);
  });
});
