/**
 * Every question of the SDK catalogue, asked through the SDK over real HTTP on the run's real
 * PostgreSQL, with its answer checked. Expected answers come from the report (paragraph "¶N",
 * footnote "fnN") and the depositary record, and are cross-checked between operations where two
 * of them count the same thing.
 */
import "reflect-metadata";

import { type CcmGraphClient, createClient } from "../../sdk/index";
import catalogue from "../../sdk/generated/catalogue.json";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
let client: CcmGraphClient;
/** Operation names the SDK sent, seen through the `fetch` option. */
const sent = new Set<string>();

beforeAll(async () => {
  server = await startTestServer();
  client = createClient({
    url: server.graphqlUrl,
    fetch: (input, init) => {
      const body = JSON.parse(String(init?.body)) as { operationName?: string };
      if (body.operationName) sent.add(body.operationName);
      return fetch(input, init);
    },
  });
});
afterAll(async () => {
  await server?.close();
});

const sorted = (codes: string[]) => [...codes].sort();
const codesOf = (nodes: { code: string }[]) => sorted(nodes.map((n) => n.code));
const counts = (groups: { key: string; count: number }[]) =>
  Object.fromEntries(groups.map((g) => [g.key, g.count]));

describe("the headline question", () => {
  it("lists signatories with stockpiles and assistance needs: Côte d'Ivoire, with its sources", async () => {
    const { states } = await client.signatoriesWithStockpilesAndAssistanceNeeds();
    expect(states.totalCount).toBe(1);
    const [civ] = states.nodes;
    expect(civ.code).toBe("CIV");
    expect(civ.name).toBe("Côte d'Ivoire");
    // ¶30 fn17: 15 signatories have existing stockpiles; ¶59 fn57: one signatory needs help to destroy them.
    expect(civ.stockpile.map((s) => s.status)).toContain("EXISTING");
    expect(civ.stockpile.find((s) => s.status === "EXISTING")?.sources).toContainEqual(
      expect.objectContaining({
        paragraph: 30,
        footnote: 17,
        findingKey: "p30-signatories-existing-stockpiles",
      }),
    );
    expect(civ.assistanceNeeds).toEqual([
      {
        area: "STOCKPILE_DESTRUCTION",
        sources: [
          {
            paragraph: 59,
            footnote: 57,
            quote: "one signatory have reported assistance needs for Stockpile Destruction",
            findingKey: "p59-signatory-needs-stockpile-assistance",
          },
        ],
      },
    ]);
  });

  it("comes first in the catalogue", () => {
    expect(catalogue[0].name).toBe("SignatoriesWithStockpilesAndAssistanceNeeds");
  });
});

describe("states by status, obligation, need, assistance and legislation", () => {
  it("lists the 46 States Parties of the First Meeting's day, each joined by then", async () => {
    const { states } = await client.statesByStatus({ status: "STATE_PARTY", asOf: "2010-11-09" });
    expect(states.totalCount).toBe(46);
    expect(states.nodes).toHaveLength(46);
    expect(states.pageInfo.hasNextPage).toBe(false);
    for (const state of states.nodes) {
      expect(state.status).toBe("STATE_PARTY");
      expect(state.participation?.joined?.localeCompare("2010-11-09")).toBeLessThanOrEqual(0);
    }
    expect(codesOf(states.nodes)).toContain("LAO");
    // Canada signed in 2008 and ratified only in 2018.
    expect(codesOf(states.nodes)).not.toContain("CAN");
  });

  it("agrees with stateCounts on the report's date: 60 States Parties, 49 signatories", async () => {
    const { stateCounts } = await client.stateCounts({ groupBy: "STATUS" });
    expect(counts(stateCounts)).toEqual({ STATE_PARTY: 60, SIGNATORY: 49, NOT_PARTY: 21 });
    const parties = await client.statesByStatus({ status: "STATE_PARTY" });
    const signatories = await client.statesByStatus({ status: "SIGNATORY" });
    expect(parties.states.totalCount).toBe(60);
    expect(signatories.states.totalCount).toBe(49);
  });

  it("lists the 14 states with Article 4 (clearance) obligations, citing ¶38", async () => {
    const { states } = await client.statesWithObligation({ article: 4 });
    expect(states.totalCount).toBe(states.nodes.length);
    // ¶38: seven States Parties (fn33) and seven signatories (fn34).
    expect(codesOf(states.nodes)).toEqual(
      sorted([
        "BIH",
        "HRV",
        "DEU",
        "GNB",
        "LAO",
        "LBN",
        "NOR",
        "AFG",
        "AGO",
        "TCD",
        "COD",
        "IRQ",
        "MRT",
        "COG",
      ]),
    );
    for (const state of states.nodes) {
      const article4 = state.obligations.find((o) => o.article === 4);
      expect(article4?.status).toBe("OPERATIVE");
      expect(article4?.sources.map((s) => s.paragraph)).toContain(38);
    }
    const byArticle = counts((await client.stateCounts({ groupBy: "OBLIGATION_ARTICLE" })).stateCounts);
    expect(byArticle["4"]).toBe(14);
    for (const article of [3, 5]) {
      const { states: others } = await client.statesWithObligation({ article });
      expect(others.totalCount).toBe(byArticle[String(article)]);
    }
  });

  it("lists the four states that need help to destroy stockpiles (¶33, ¶59)", async () => {
    const { states } = await client.assistanceNeeds({ area: "STOCKPILE_DESTRUCTION" });
    expect(codesOf(states.nodes)).toEqual(sorted(["BIH", "HRV", "CIV", "GNB"]));
    for (const state of states.nodes) {
      const need = state.assistanceNeeds.find((n) => n.area === "STOCKPILE_DESTRUCTION");
      expect(need?.sources.map((s) => s.paragraph)).toContain(59);
    }
    const byArea = counts((await client.stateCounts({ groupBy: "NEED_AREA" })).stateCounts);
    for (const area of ["CLEARANCE_AND_RISK_REDUCTION", "VICTIM_ASSISTANCE", "UNSPECIFIED"] as const) {
      const { states: others } = await client.assistanceNeeds({ area });
      expect(others.totalCount).toBe(byArea[area]);
      expect(others.nodes.every((s) => s.assistanceNeeds.some((n) => n.area === area))).toBe(true);
    }
  });

  it("lists the 17 states that reported providing funding, each with a source", async () => {
    const { states } = await client.fundingProviders();
    expect(states.totalCount).toBe(17);
    expect(codesOf(states.nodes)).toEqual(
      sorted([
        "AUS",
        "AUT",
        "BEL",
        "DNK",
        "FRA",
        "DEU",
        "VAT",
        "IRL",
        "JPN",
        "LTU",
        "LUX",
        "NZL",
        "NOR",
        "SVN",
        "ESP",
        "CHE",
        "GBR",
      ]),
    );
    for (const state of states.nodes) {
      const funding = state.assistanceProvided.find((a) => a.kind === "FUNDING");
      expect(funding?.sources.length).toBeGreaterThan(0);
    }
  });

  it("finds the States Parties with clearance obligations and no reported needs: Germany and Norway", async () => {
    const { states } = await client.statesPartiesWithClearanceObligationsWithoutAssistanceNeeds();
    expect(codesOf(states.nodes)).toEqual(["DEU", "NOR"]);
    for (const state of states.nodes) expect(state.obligations.some((o) => o.article === 4)).toBe(true);
  });

  it("lists the 11 states with specific cluster munitions legislation", async () => {
    const { states } = await client.statesByLegislation({ status: "SPECIFIC_LEGISLATION" });
    expect(codesOf(states.nodes)).toEqual(
      sorted(["AUT", "BEL", "FRA", "DEU", "IRL", "JPN", "LUX", "NZL", "NOR", "ESP", "GBR"]),
    );
    for (const state of states.nodes) {
      const fact = state.legislation.find((l) => l.status === "SPECIFIC_LEGISLATION");
      expect(fact?.sources.length).toBeGreaterThan(0);
    }
  });

  it("lists the contaminated states, each with the finding that says so", async () => {
    const { states } = await client.contaminatedStates();
    expect(states.totalCount).toBe(17);
    // The 14 states with Article 4 obligations, plus three States not Party: Cambodia, Sudan, Viet Nam.
    const article4 = codesOf((await client.statesWithObligation({ article: 4 })).states.nodes);
    expect(codesOf(states.nodes)).toEqual(sorted([...article4, "KHM", "SDN", "VNM"]));
    for (const state of states.nodes) expect(state.contamination.length).toBeGreaterThan(0);
  });
});

describe("one state, one action, one section", () => {
  it("profiles Lao PDR: status, obligations, needs, legislation, contamination, with sources", async () => {
    const { state } = await client.stateProfile({ code: "LAO" });
    expect(state).not.toBeNull();
    const lao = state!;
    expect(lao.name).toBe("Lao People's Democratic Republic");
    expect(lao.spellings).toContain("Lao PDR");
    expect(lao.participation).toMatchObject({
      signed: "2008-12-03",
      joined: "2009-03-18",
      joinedBy: "ratification",
    });
    expect(lao.treatyStatus).toMatchObject({
      status: "STATE_PARTY",
      agreesWithReport: true,
      asOf: "2011-08-20",
    });
    // Articles 4 and 5 (fn33, fn44), then ¶58's "Article 3, 4 and/or 5" (fn54), its article left open.
    expect(lao.obligations.map((o) => [o.article, o.possibleArticles, o.unspecified])).toEqual([
      [4, [4], false],
      [5, [5], false],
      [null, [3, 4, 5], true],
    ]);
    expect(lao.stockpile).toEqual([]);
    expect(lao.assistanceNeeds.map((n) => n.area).sort()).toEqual([
      "CLEARANCE_AND_RISK_REDUCTION",
      "UNSPECIFIED",
      "VICTIM_ASSISTANCE",
    ]);
    expect(lao.legislation.map((l) => l.status)).toEqual(["IN_PROGRESS"]);
    expect(lao.contamination.map((f) => f.key)).toContain("p38-states-parties-article-4");
    for (const fact of [...lao.obligations, ...lao.assistanceNeeds, ...lao.legislation]) {
      expect(fact.sources.length).toBeGreaterThan(0);
      for (const source of fact.sources) expect(source.quote.length).toBeGreaterThan(0);
    }
    expect(lao.findings.length).toBeGreaterThan(10);
    expect(lao.findings.every((f) => f.assertions.some((a) => a.state.code === "LAO"))).toBe(true);
  });

  it("answers null for a state it does not know", async () => {
    expect(await client.stateProfile({ code: "XYZ" })).toEqual({ state: null });
  });

  it("resolves a state by any spelling the report uses", async () => {
    expect((await client.stateByName({ name: "Luxemburg" })).stateByName?.code).toBe("LUX");
    expect((await client.stateByName({ name: "Lao PDR" })).stateByName?.code).toBe("LAO");
    expect((await client.stateByName({ name: "Atlantis" })).stateByName).toBeNull();
  });

  it("gives Action #21's findings and the states they name", async () => {
    const { action } = await client.actionImplementation({ number: 21 });
    expect(action).toMatchObject({ number: 21, theme: "VICTIM_ASSISTANCE" });
    const coordination = action!.findings.find((f) => f.key === "p48-coordination-and-data-collection");
    // ¶48: five States Parties established a coordinating mechanism.
    expect(coordination?.paragraphNumber).toBe(48);
    expect(codesOf(coordination!.states)).toEqual(sorted(["ALB", "BIH", "HRV", "LAO", "LBN"]));
    const named = new Set(action!.findings.flatMap((f) => f.states.map((s) => s.code)));
    expect(sorted(action!.states.map((s) => s.code))).toEqual(sorted([...named]));
    expect((await client.actionImplementation({ number: 99 })).action).toBeNull();
  });

  it("gives section IV's six questions for discussion", async () => {
    const { section } = await client.sectionQuestions({ section: "IV" });
    expect(section?.title).toBe("Stockpile Destruction");
    expect(section?.discussionQuestions.map((q) => q.label)).toEqual([
      "(a)",
      "(b)",
      "(c)",
      "(d)",
      "(e)",
      "(f)",
    ]);
    expect(section?.discussionQuestions[0].text).toBe(
      "What are the main obstacles to start the destruction of cluster munitions?",
    );
    expect((await client.sectionQuestions({ section: "XX" })).section).toBeNull();
  });
});

describe("the report's text", () => {
  it("gives paragraph 29 with its footnotes and the seven States Parties with Article 3 obligations", async () => {
    const { paragraph } = await client.paragraph({ number: 29 });
    expect(paragraph?.section.key).toBe("IV");
    expect(paragraph?.text).toMatch(/^In their initial Article 7 transparency reports, seven States Parties/);
    expect(paragraph?.footnotes.map((f) => f.number)).toEqual([9, 10, 11, 12, 13]);
    const obligations = paragraph?.findings.find((f) => f.key === "p29-destruction-obligations");
    expect(codesOf(obligations!.states)).toEqual(sorted(["HRV", "DNK", "FRA", "DEU", "JPN", "SVN", "GBR"]));
  });

  it("gives footnote 57: Côte d'Ivoire, the signatory needing stockpile destruction help", async () => {
    const { footnote } = await client.footnote({ number: 57 });
    expect(footnote).toMatchObject({ number: 57, paragraphNumber: 59, text: "Côte d’Ivoire." });
    expect(footnote?.states.map((s) => s.code)).toEqual(["CIV"]);
    expect(footnote?.findings.map((f) => f.key)).toEqual(["p59-signatory-needs-stockpile-assistance"]);
  });

  it("gives one finding with its count, its states and what it asserts about each", async () => {
    const { finding } = await client.finding({ key: "p29-destruction-obligations" });
    expect(finding).toMatchObject({
      paragraphNumber: 29,
      footnoteNumber: 9,
      statedCount: 7,
      statedCountText: "seven",
      listedCount: 7,
      countDiffers: false,
      theme: "STOCKPILE_DESTRUCTION",
    });
    expect(finding?.articles).toContain(3);
    expect(finding?.assertions).toHaveLength(7);
    expect(finding?.assertions.every((a) => a.kind === "DECLARED_DESTRUCTION_OBLIGATION")).toBe(true);
  });

  it("finds where the report talks about stockpile destruction, best first, highlighted", async () => {
    const { search } = await client.searchReport({ text: "stockpile destruction" });
    expect(search.length).toBeGreaterThan(3);
    expect(search[0].paragraph.number).toBe(61);
    const ranks = search.map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(search.every((h) => h.snippet.includes("<mark>"))).toBe(true);
    expect(await client.searchReport({ text: "stockpile", first: 2 })).toMatchObject({
      search: [expect.anything(), expect.anything()],
    });
  });

  it("describes the report: Beirut, 2MSP, finalised 20 August 2011, prepared by Norway", async () => {
    const { report } = await client.report();
    expect(report).toMatchObject({
      key: "beirut-progress-report-2011",
      finalisedOn: "2011-08-20",
      meeting: { abbreviation: "2MSP", city: "Beirut" },
      period: { from: "2010-11-09", to: "2011-08-20", fromMeeting: { abbreviation: "1MSP" } },
      preparedBy: { code: "NOR" },
      submittedBy: { code: "LAO" },
    });
    expect(report?.datasetVersion).toMatch(/\w+/);
  });

  it("gives the table of contents: the introduction and sections I to XI", async () => {
    const { sections } = await client.tableOfContents();
    expect(sections.map((s) => s.key)).toEqual([
      "intro",
      "I",
      "II",
      "III",
      "IV",
      "V",
      "VI",
      "VII",
      "VIII",
      "IX",
      "X",
      "XI",
    ]);
    const stockpiles = sections.find((s) => s.key === "IV");
    expect(stockpiles?.subheadings).toEqual([
      { title: "Scope", paragraphNumbers: [29, 30] },
      { title: "Action #8-9", paragraphNumbers: [31, 32, 33, 34, 35, 36] },
      { title: "Challenges and questions for discussion at the 2MSP", paragraphNumbers: [37] },
    ]);
  });

  it("names the organisations, among them the ICRC and the Cluster Munition Coalition", async () => {
    const { organisations } = await client.organisations();
    const byKey = Object.fromEntries(organisations.map((o) => [o.key, o]));
    expect(byKey.icrc).toMatchObject({ abbreviation: "ICRC", kind: "INTERNATIONAL_ORGANISATION" });
    expect(byKey.cmc).toMatchObject({ abbreviation: "CMC", kind: "CIVIL_SOCIETY" });
    expect(organisations.every((o) => o.roles.length > 0)).toBe(true);
  });

  it("gives the two uses of cluster munitions in 2011: in Libya, and by Thailand", async () => {
    const { useInstances } = await client.useOfClusterMunitions();
    expect(useInstances.map((u) => [u.key, u.year, u.territory?.code ?? null, u.user?.code ?? null])).toEqual(
      [
        ["libya-2011", 2011, "LBY", null],
        ["thailand-2011", 2011, null, "THA"],
      ],
    );
  });
});

describe("figures, counts and discrepancies", () => {
  it("gives the headline figures, each with its finding: first, 60 States Parties (¶4)", async () => {
    const { headlineFigures } = await client.headlineFigures();
    expect(headlineFigures[0]).toMatchObject({ text: "60", value: 60, finding: { paragraphNumber: 4 } });
    expect(headlineFigures.find((f) => f.text === "49")?.value).toBe(49);
    expect(headlineFigures.every((f) => f.finding.quote.length > 0)).toBe(true);
  });

  it("counts states by status on the First Meeting's day", async () => {
    const { stateCounts } = await client.stateCounts({ groupBy: "STATUS", asOf: "2010-11-09" });
    expect(counts(stateCounts)).toEqual({ STATE_PARTY: 46, SIGNATORY: 62, NOT_PARTY: 22 });
    const filtered = await client.stateCounts({ groupBy: "STATUS", filter: { stockpile: {} } });
    expect(Object.values(counts(filtered.stateCounts)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it("counts the 139 findings by theme, matching the findings list", async () => {
    const { findingCounts } = await client.findingCounts({ groupBy: "THEME" });
    const byTheme = counts(findingCounts);
    // 135 + ¶62's Action #35 clause (fn67) + the initial-report findings of ¶29 fn9, ¶35 fn26, ¶60 fn62
    expect(Object.values(byTheme).reduce((a, b) => a + b, 0)).toBe(139);
    expect(byTheme.STOCKPILE_DESTRUCTION).toBe(25);
    const { findings } = await client.findings({ filter: { themeIn: ["STOCKPILE_DESTRUCTION"] }, first: 1 });
    expect(findings.totalCount).toBe(25);
  });

  it("keeps the 34 discrepancies, both sides of each", async () => {
    const { discrepancies } = await client.discrepancies();
    // 12 conflicts + 21 summary (¶¶7, 8, 36, 52), misprint (e.g. ¶30 "states17s") and partial-list
    // (e.g. fn64 "i.a.") items + ¶71's count of Article 7 deadlines checked against the rule.
    expect(discrepancies.totalCount).toBe(34);
    const canada = discrepancies.nodes.find((d) => d.key === "canada-not-a-state-party");
    expect(canada).toMatchObject({ kind: "DEPOSITARY_CONFLICT", stateCodes: ["CAN"] });
    expect(discrepancies.nodes.every((d) => d.reportSays && d.otherSideSays)).toBe(true);
    const mismatches = await client.discrepancies({ filter: { kindIn: ["COUNT_MISMATCH"] } });
    expect(mismatches.discrepancies.nodes.map((d) => d.key)).toEqual([
      "p17-fn2-lists-13-of-14-joiners",
      "p18-fn3-names-seven-of-six",
    ]);
  });
});

describe("the paged lists", () => {
  it("pages through the 49 signatories ten at a time, in the order of one big page", async () => {
    const first = await client.states({ filter: { status: "SIGNATORY" }, first: 10 });
    expect(first.states.totalCount).toBe(49);
    expect(first.states.nodes).toHaveLength(10);
    expect(first.states.pageInfo.hasNextPage).toBe(true);
    const all: string[] = [];
    for await (const page of client.pages("states", { filter: { status: "SIGNATORY" }, first: 10 })) {
      all.push(...page.states.nodes.map((s) => s.name));
    }
    expect(all).toHaveLength(49);
    expect(all.slice(0, 10)).toEqual(first.states.nodes.map((s) => s.name));
    const onePage = await client.states({ filter: { status: "SIGNATORY" }, first: 100 });
    expect(all).toEqual(onePage.states.nodes.map((s) => s.name));
  });

  it("walks every stockpile-destruction finding in report order", async () => {
    const keys: string[] = [];
    for await (const finding of client.items("findings", {
      filter: { themeIn: ["STOCKPILE_DESTRUCTION"] },
      first: 10,
    })) {
      expect(finding.theme).toBe("STOCKPILE_DESTRUCTION");
      keys.push(finding.key);
    }
    expect(keys).toHaveLength(25);
    expect(new Set(keys).size).toBe(25);
  });

  it("walks the 80 paragraphs and the 77 footnotes in order", async () => {
    const paragraphs: number[] = [];
    for await (const p of client.items("paragraphs", { first: 30 })) paragraphs.push(p.number);
    expect(paragraphs).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const footnotes: number[] = [];
    for await (const f of client.items("footnotes", { first: 30 })) footnotes.push(f.number);
    expect(footnotes).toEqual(Array.from({ length: 77 }, (_, i) => i + 1));
    const first = await client.paragraphs({ first: 1 });
    expect(first.paragraphs.nodes[0].text).toMatch(/\w/);
    const fn1 = await client.footnotes({ first: 1 });
    expect(fn1.footnotes.totalCount).toBe(77);
  });

  it("walks States Parties page by page with statesByStatus", async () => {
    const codes: string[] = [];
    for await (const s of client.items("statesByStatus", { status: "STATE_PARTY", first: 25 }))
      codes.push(s.code);
    expect(codes).toHaveLength(60);
    expect(new Set(codes).size).toBe(60);
  });
});

describe("the monitoring model", () => {
  it("gives Bosnia and Herzegovina's deadlines: in force 1 March 2011, stockpiles by 2019, clearance by 2021", async () => {
    // Deposited 7 September 2010 (depositary record); Art. 17(2), 3(2), 4(1)(a), 7(1), 7(2).
    const { state } = await client.stateDeadlines({ code: "BIH", asOf: "2011-08-20" });
    expect(state?.deadlines.map((d) => [d.citation, d.dueOn, d.status])).toEqual([
      ["Article 3(2)", "2019-03-01", "NOT_YET_DUE"],
      ["Article 4(1)(a)", "2021-03-01", "NOT_YET_DUE"],
      ["Article 7(1)", "2011-08-28", "NOT_YET_DUE"],
      ["Article 7(2)", "2012-04-30", "NOT_YET_DUE"],
    ]);
    expect(state?.deadlines[0].trigger).toMatchObject({
      deposited: "2010-09-07",
      entryIntoForce: "2011-03-01",
    });
  });

  it("lists the clearance deadlines due in 2021: the three States Parties in force in 2011", async () => {
    // Article 4 obligations (fn33) in force in 2011: BIH (1 March), GNB and LBN (1 May). (The
    // reporting deadlines of 2021 are those of states that joined in 2020.)
    const { deadlines } = await client.deadlinesDue({
      from: "2021-01-01",
      to: "2021-12-31",
      ruleIn: ["CLEARANCE"],
    });
    expect(deadlines.nodes.map((d) => [d.dueOn, d.rule, d.state.code])).toEqual([
      ["2021-03-01", "CLEARANCE", "BIH"],
      ["2021-05-01", "CLEARANCE", "GNB"],
      ["2021-05-01", "CLEARANCE", "LBN"],
    ]);
  });

  it("lists the initial reports overdue on the report's date, as far as the report says", async () => {
    // Due by 20 August 2011: the 39 States Parties in force by 1 February 2011; the report says
    // which submitted through what it cites from their initial reports (¶29 fn9, ¶35 fn26, ¶60 fn62).
    const { deadlines } = await client.overdueObligations({
      asOf: "2011-08-20",
      ruleIn: ["INITIAL_REPORT"],
      first: 100,
    });
    const codes = deadlines.nodes.map((d) => d.state.code);
    expect(codes).toContain("LAO");
    expect(codes).not.toContain("HRV"); // fn9: declared in its initial report
    expect(codes).not.toContain("BIH"); // due 28 August 2011
    expect(deadlines.nodes.every((d) => d.dueOn <= "2011-08-20" && d.status === "DUE_NOT_REPORTED_MET")).toBe(
      true,
    );
  });

  it("draws the victim-assistance matrix with a source for every cell", async () => {
    const { actionMatrix } = await client.actionMatrix({
      filter: { theme: "VICTIM_ASSISTANCE", linkIn: ["REPORTED"] },
    });
    // ¶48: five States Parties (fn49) set up coordination in line with Action #21.
    expect(
      actionMatrix
        .filter((c) => c.action.number === 21)
        .map((c) => c.state.code)
        .sort(),
    ).toEqual(["ALB", "BIH", "HRV", "LAO", "LBN"]);
    expect(actionMatrix.every((c) => c.sources.length > 0 && c.link === "REPORTED")).toBe(true);
  });
});

describe("the catalogue as a whole", () => {
  it("has at least 20 operations, and every one was asked above", () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(20);
    expect(sorted([...sent])).toEqual(sorted(catalogue.map((e) => e.name)));
  });

  it("answers every operation's example variables without errors", async () => {
    const methods = client as unknown as Record<
      string,
      (variables: unknown) => Promise<Record<string, unknown>>
    >;
    for (const entry of catalogue) {
      const data = await methods[entry.method](entry.variables);
      expect(Object.keys(data).length).toBeGreaterThan(0);
    }
  });
});
