/**
 * What an assertion kind means is declared once (server/vocabulary/) and read, through the
 * database, by filters, State fields and counts alike. The dataset version covers it: a changed
 * meaning reloads the data at the next start, and every reader then answers with the new one.
 */
import path from "node:path";

import type { DataSource } from "typeorm";

import { PROJECT_ROOT } from "../../server/config";
import { ingestReport, versionOf } from "../../server/data/ingest";
import { createDataSource } from "../../server/db/data-source";
import { migrate } from "../../server/db/database";
import { ASSERTION_MEANINGS, type AssertionMeanings } from "../../server/vocabulary";
import { createScratchDatabase } from "../helpers/database";
import { startTestServer } from "../helpers/server";

const BEIRUT_FILE = path.join(PROJECT_ROOT, "server/data/reports/beirut-progress-report-2011.json");
const PARTICIPANTS_FILE = path.join(PROJECT_ROOT, "server/data/ccm-participants.json");

/** The vocabulary with one meaning changed: victim-assistance needs read as stockpile needs. */
const CHANGED: AssertionMeanings = {
  ...ASSERTION_MEANINGS,
  NEEDS_ASSISTANCE_VICTIM_ASSISTANCE: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Reported assistance needs for stockpile destruction (changed for this test).",
    need: "STOCKPILE_DESTRUCTION",
  },
};

const QUESTION = `{
  victimAssistanceNeeds: states(filter: { assistanceNeed: { areaIn: [VICTIM_ASSISTANCE] } }) { totalCount }
  stockpileNeeds: states(filter: { assistanceNeed: { areaIn: [STOCKPILE_DESTRUCTION] } }) { totalCount }
  stateCounts(groupBy: NEED_AREA) { key count }
  state(code: "LAO") { assistanceNeeds { area sources { paragraph footnote } } }
  finding(key: "p59-sp-needs-va-assistance") { assertions { kind description } }
}`;

/** Answers QUESTION from a server started on `dataSource` (as the next start would serve it). */
async function askAfterStart(dataSource: DataSource) {
  const server = await startTestServer({ dataSource, config: { responseCache: false, loaderCache: false } });
  try {
    const answer = await server.graphql(QUESTION);
    expect(answer.errors).toBeUndefined();
    return answer.data as any;
  } finally {
    await server.close();
  }
}

describe("Is an assertion kind's meaning one source, covered by the dataset version?", () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createScratchDatabase();
    drop = db.drop;
    dataSource = createDataSource(db.url, { poolSize: 4 });
    await dataSource.initialize();
    await migrate(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  it("gives the dataset another version when a meaning changes", () => {
    expect(versionOf(BEIRUT_FILE, PARTICIPANTS_FILE, CHANGED)).not.toBe(
      versionOf(BEIRUT_FILE, PARTICIPANTS_FILE),
    );
    expect(versionOf(BEIRUT_FILE, PARTICIPANTS_FILE, { ...ASSERTION_MEANINGS })).toBe(
      versionOf(BEIRUT_FILE, PARTICIPANTS_FILE),
    );
  });

  it("re-derives filters, fields and counts from a changed meaning at the next start, and back", async () => {
    expect((await ingestReport(dataSource, BEIRUT_FILE, PARTICIPANTS_FILE)).changed).toBe(true);
    const before = await askAfterStart(dataSource);
    // The report: ¶59 and footnote 60 name the States Parties with victim-assistance needs, Lao PDR among them.
    expect(before.victimAssistanceNeeds.totalCount).toBeGreaterThan(0);
    expect(before.state.assistanceNeeds).toContainEqual({
      area: "VICTIM_ASSISTANCE",
      // ¶65's "three States Parties with reported assistance needs to implement Article 5" are fn60's three.
      sources: [
        { paragraph: 59, footnote: 60 },
        { paragraph: 65, footnote: null },
      ],
    });
    expect(before.stateCounts.map((g: any) => g.key)).toContain("VICTIM_ASSISTANCE");

    // The next start with a changed vocabulary: the version differs, so the data is loaded again.
    expect((await ingestReport(dataSource, BEIRUT_FILE, PARTICIPANTS_FILE, CHANGED)).changed).toBe(true);
    const after = await askAfterStart(dataSource);
    // The filter, the field, the count and the description all read the changed meaning.
    expect(after.victimAssistanceNeeds.totalCount).toBe(0);
    // Lao PDR had no stockpile need before: it and others join those states now, and the
    // filter and the count agree on how many there are.
    expect(after.stockpileNeeds.totalCount).toBeGreaterThan(before.stockpileNeeds.totalCount);
    expect(after.stateCounts).toContainEqual({
      key: "STOCKPILE_DESTRUCTION",
      count: after.stockpileNeeds.totalCount,
    });
    expect(after.state.assistanceNeeds.map((n: any) => n.area)).not.toContain("VICTIM_ASSISTANCE");
    expect(after.state.assistanceNeeds).toContainEqual({
      area: "STOCKPILE_DESTRUCTION",
      // ¶65's "three States Parties with reported assistance needs to implement Article 5" are fn60's three.
      sources: [
        { paragraph: 59, footnote: 60 },
        { paragraph: 65, footnote: null },
      ],
    });
    expect(after.stateCounts.map((g: any) => g.key)).not.toContain("VICTIM_ASSISTANCE");
    expect(after.finding.assertions[0].description).toBe(
      "Reported assistance needs for stockpile destruction (changed for this test).",
    );

    // Back to the vocabulary as declared: loaded again, answers as before.
    expect((await ingestReport(dataSource, BEIRUT_FILE, PARTICIPANTS_FILE)).changed).toBe(true);
    expect(await askAfterStart(dataSource)).toEqual(before);
  });
});
