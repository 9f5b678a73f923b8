/**
 * Questions a civil-society researcher asks of the Beirut Progress Report, over real HTTP on the
 * run's real PostgreSQL. Every expected answer was worked out by hand from the report text
 * (server/data/source/beirut-progress-report-2011.txt) and, for treaty status, from the
 * depositary dates in server/data/ccm-participants.json; the comment beside each test gives the
 * paragraphs and footnotes read and the set operations done. "fnN" is footnote N, "¶N" paragraph N.
 */
import fs from "node:fs";
import path from "node:path";

import { PROJECT_ROOT } from "../../server/config";
import type { ReportDataset } from "../../server/data/format";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** Runs a query that must succeed and returns its data. */
async function ask<Data = any>(query: string, variables?: Record<string, unknown>): Promise<Data> {
  const response = await server.graphql<Data>(query, variables);
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data as Data;
}

/** Runs a query that must fail and returns its error codes. */
async function errorCodes(query: string, variables?: Record<string, unknown>): Promise<unknown[]> {
  const response = await server.graphql(query, variables);
  expect(response.errors?.length).toBeGreaterThan(0);
  return response.errors!.map((e) => e.extensions?.code);
}

/** The codes of a states(...) answer, in the order given. */
async function stateCodes(args: string): Promise<string[]> {
  const data = await ask(`{ states(${args}) { totalCount nodes { code } } }`);
  expect(data.states.totalCount).toBe(data.states.nodes.length);
  return data.states.nodes.map((n: { code: string }) => n.code);
}

const dataset: ReportDataset = JSON.parse(
  fs.readFileSync(path.join(PROJECT_ROOT, "server/data/reports/beirut-progress-report-2011.json"), "utf8"),
);
const sorted = (codes: string[]) => [...codes].sort();
const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

describe("Looking things up by their natural keys", () => {
  it("finds Lao PDR by its code, whatever the case, and nothing for an unknown code", async () => {
    // ¶1 names "Lao PDR"; fn5, fn7, fn33 ... spell it "Lao People’s Democratic Republic". The
    // depositary record: signed 2008-12-03, ratified 2009-03-18, so a State Party on 2011-08-20.
    const data = await ask(`{
      lao: state(code: "lao") { code name spellings status participation { signed joined joinedBy } }
      unknown: state(code: "XYZ") { code }
    }`);
    expect(data.lao).toEqual({
      code: "LAO",
      name: "Lao People's Democratic Republic",
      spellings: ["Lao People’s Democratic Republic", "Lao PDR"],
      status: "STATE_PARTY",
      participation: { signed: "2008-12-03", joined: "2009-03-18", joinedBy: "ratification" },
    });
    expect(data.unknown).toBeNull();
  });

  it("finds states by the spellings the report uses, with either apostrophe, and null for a made-up name", async () => {
    // "Luxemburg" is how fn62, fn72 and fn73 spell Luxembourg; "Lao PDR" is ¶1's; fn17 and fn57
    // print "Côte d’Ivoire" with a typographic apostrophe; a straight one and another case must
    // find the same state.
    const data = await ask(`{
      luxemburg: stateByName(name: "Luxemburg") { code name }
      laoPdr: stateByName(name: "Lao PDR") { code }
      typographic: stateByName(name: "Côte d’Ivoire") { code }
      straight: stateByName(name: "Côte d'Ivoire") { code }
      otherCase: stateByName(name: "  CÔTE D'IVOIRE ") { code }
      isoName: stateByName(name: "Luxembourg") { code }
      atlantis: stateByName(name: "Atlantis") { code }
    }`);
    expect(data).toEqual({
      luxemburg: { code: "LUX", name: "Luxembourg" },
      laoPdr: { code: "LAO" },
      typographic: { code: "CIV" },
      straight: { code: "CIV" },
      otherCase: { code: "CIV" },
      isoName: { code: "LUX" },
      atlantis: null,
    });
  });

  it("gives Action #21 with the paragraphs and findings that concern it; #1 is never referenced", async () => {
    // ¶47: Article 5 holders "are expected to implement Actions #20-29" (fn44, fn45). ¶48-50 stand
    // under the sub-heading "Actions #20-23 and #26"; ¶48 names Action #21 (coordinating mechanism),
    // ¶49 speaks of the time-bound actions, ¶50 of data collection under that heading. The report
    // starts its list at "Actions #2-7" (¶18 heading): Action #1 appears nowhere.
    const data = await ask(`{
      a21: action(number: 21) { number theme paragraphNumbers findings { key } }
      a1: action(number: 1) { number }
    }`);
    expect(data.a21).toEqual({
      number: 21,
      theme: "VICTIM_ASSISTANCE",
      paragraphNumbers: [47, 48, 49, 50],
      findings: [
        { key: "p47-states-parties-article-5" },
        { key: "p47-signatories-article-5" },
        { key: "p48-coordination-and-data-collection" },
        { key: "p49-three-no-time-bound-actions" },
        { key: "p49-eight-article-5-states-parties" }, // ¶49 "Of the eight States Parties ..." under "Actions #20-23 and #26"
        { key: "p50-signatories-data-collection" },
      ],
    });
    expect(data.a1).toBeNull();
  });

  it("gives paragraph 29 with its section and footnote markers, footnote 17 with its list, and null past the end", async () => {
    // ¶29 (section IV "Stockpile Destruction") carries the markers 9-13. fn17 stands in ¶30 and
    // lists 15 signatories in this order. The report has 80 paragraphs and 77 footnotes.
    const data = await ask(`{
      p29: paragraph(number: 29) { number section { key title } footnotes { number } }
      p81: paragraph(number: 81) { number }
      fn17: footnote(number: 17) { number paragraphNumber states { code } }
      fn78: footnote(number: 78) { number }
      fn0: footnote(number: 0) { number }
    }`);
    expect(data.p29).toEqual({
      number: 29,
      section: { key: "IV", title: "Stockpile Destruction" },
      footnotes: [9, 10, 11, 12, 13].map((number) => ({ number })),
    });
    expect(data.fn17).toEqual({
      number: 17,
      paragraphNumber: 30,
      // Angola, Canada, Côte d’Ivoire, Czech Republic, Guinea, Indonesia, Italy, Nigeria, Peru,
      // Congo, Rwanda, South Africa, Sweden, Switzerland and Uganda.
      states: [
        "AGO",
        "CAN",
        "CIV",
        "CZE",
        "GIN",
        "IDN",
        "ITA",
        "NGA",
        "PER",
        "COG",
        "RWA",
        "ZAF",
        "SWE",
        "CHE",
        "UGA",
      ].map((code) => ({ code })),
    });
    expect([data.p81, data.fn78, data.fn0]).toEqual([null, null, null]);
  });
});

describe("The questions the README promises", () => {
  it("lists signatories with stockpiles and assistance needs (stockpiles read as EXISTING only)", async () => {
    // Reading taken: "stockpiles" = stockpiles the state holds now (`stockpile: {}` defaults to
    // EXISTING). Existing stockpiles: fn9, fn14 (States Parties), fn15 (Canada) and fn17 (15
    // signatories). Assistance needs: fn55 (any area), fn56/fn57 (stockpile destruction: BIH HRV
    // GNB + CIV), fn58/fn59 (clearance: HRV LAO LBN + IRQ AFG), fn60/fn61 (victim assistance: ALB
    // LAO LBN + AFG). Signatories (depositary, 2011-08-20) with a need: CIV, IRQ, AFG. Of those,
    // only CIV is in fn17; IRQ had stockpiles previously (fn16); AFG has none.  -> [CIV]
    expect(await stateCodes("filter: { status: SIGNATORY, stockpile: {}, assistanceNeed: {} }")).toEqual([
      "CIV",
    ]);
  });

  it("lists signatories with current or previous stockpiles and assistance needs (the other reading)", async () => {
    // As above, counting fn16's "previous stockpiles" (AUS COL HND HUN IRQ) too: IRQ joins CIV.
    expect(
      await stateCodes(
        "orderBy: CODE, filter: { status: SIGNATORY, stockpile: { statusIn: [EXISTING, PREVIOUS] }, assistanceNeed: {} }",
      ),
    ).toEqual(["CIV", "IRQ"]);
  });

  it("lists States Parties with Article 4 obligations that reported no assistance needs", async () => {
    // Reading taken: "no assistance needs" = no need in any area. Article 4 States Parties: fn33
    // (BIH HRV DEU GNB LAO LBN NOR). Any need: fn55 (ALB BIH HRV GNB LAO LBN) ∪ fn56 ∪ fn58 ∪ fn60
    // = ALB BIH HRV GNB LAO LBN. fn33 − needs = DEU, NOR (both ratified well before 2011).
    expect(
      await stateCodes(
        "orderBy: CODE, filter: { and: [{ status: STATE_PARTY }, { obligation: { article: 4 } }, { not: { assistanceNeed: {} } }] }",
      ),
    ).toEqual(["DEU", "NOR"]);
  });

  it("lists States Parties with Article 4 obligations that reported no clearance assistance need (narrower reading)", async () => {
    // Only clearance needs (fn58: HRV LAO LBN) removed from fn33: BIH, DEU, GNB, NOR remain.
    expect(
      await stateCodes(
        "orderBy: CODE, filter: { status: STATE_PARTY, obligation: { article: 4 }, not: { assistanceNeed: { areaIn: [CLEARANCE_AND_RISK_REDUCTION] } } }",
      ),
    ).toEqual(["BIH", "DEU", "GNB", "NOR"]);
  });

  it("lists the states that provided funding and adopted specific legislation", async () => {
    // Funding (¶60): fn62's 15 States Parties (AUT BEL DNK FRA DEU VAT IRL JPN LTU LUX NZL NOR SVN
    // ESP GBR) ∪ fn64 (AUS CHE, "i.a."). Specific laws (¶74): fn73 (AUT BEL FRA DEU IRL JPN LUX NZL
    // NOR ESP GBR). fn73 ⊂ fn62, so the intersection is fn73: 11 states.
    const codes = await stateCodes(
      "orderBy: CODE, filter: { assistanceProvided: { kindIn: [FUNDING] }, legislation: { statusIn: [SPECIFIC_LEGISLATION] } }",
    );
    expect(codes).toEqual(["AUT", "BEL", "DEU", "ESP", "FRA", "GBR", "IRL", "JPN", "LUX", "NOR", "NZL"]);
  });
});

describe("Joining what different sections say", () => {
  it("finds which of the seven States Parties with Article 3 obligations have begun destroying", async () => {
    // fn9 (¶29): HRV DNK FRA DEU JPN SVN GBR. Begun: fn10 (FRA DEU GBR) and fn14's Netherlands
    // ("which has begun to destroy its stockpiles"). fn9 ∩ begun = DEU FRA GBR.
    expect(
      await stateCodes(
        "orderBy: CODE, filter: { findings: { some: { footnote: 9 } }, stockpile: { statusIn: [DESTRUCTION_BEGUN] } }",
      ),
    ).toEqual(["DEU", "FRA", "GBR"]);
  });

  it("finds the Article 5 States Parties that have victim assistance plans, survivors' cooperation and funding received", async () => {
    // fn44 (¶47): ALB BIH HRV LAO LBN MNE MOZ SLE; fn52 (¶51, plans): ALB BIH HRV LAO LBN; fn53
    // (¶53, survivors): the same five; fn63 (¶60, funding received): ALB LAO MDA. ∩ = ALB, LAO.
    expect(
      await stateCodes(
        `orderBy: CODE, filter: { obligation: { article: 5 }, assistanceReceived: { kindIn: [FUNDING_RECEIVED] },
          and: [{ findings: { some: { assertionKindIn: [DEVELOPED_VICTIM_ASSISTANCE_PLANS] } } },
                { findings: { some: { assertionKindIn: [COOPERATES_WITH_SURVIVORS] } } }] }`,
      ),
    ).toEqual(["ALB", "LAO"]);
  });

  it("walks from paragraph 74 to its footnotes and the states each lists", async () => {
    // ¶74 carries fn72-fn76, each a list of states in the order printed.
    const data = await ask(`{ paragraph(number: 74) { footnotes { number states { code } } } }`);
    expect(
      data.paragraph.footnotes.map((f: any) => [f.number, f.states.map((s: any) => s.code).join(" ")]),
    ).toEqual([
      [72, "AUT BEL FRA IRL JPN DEU VAT LTU LUX MLT MEX MNE NZL NOR MDA SMR SVN ESP GBR"],
      [73, "AUT BEL FRA DEU IRL JPN LUX NZL NOR ESP GBR"],
      [74, "VAT LTU MLT MEX MNE MDA SMR SVN"],
      [75, "ALB BFA HRV LAO MWI ZMB"],
      [76, "AUS CAN COD"],
    ]);
  });

  it("finds the states that submitted a voluntary transparency report", async () => {
    // ¶71: "Two initial reports have also been submitted on a voluntary basis" (fn71: Canada and
    // Democratic Republic of the Congo); ¶30 (fn15) also says Canada "provided a voluntary report".
    expect(
      await stateCodes(
        "orderBy: CODE, filter: { findings: { some: { assertionKindIn: [SUBMITTED_VOLUNTARY_REPORT] } } }",
      ),
    ).toEqual(["CAN", "COD"]);
    const data = await ask(
      `{ state(code: "CAN") { voluntaryReports { key paragraphNumber footnoteNumber } } }`,
    );
    expect(data.state.voluntaryReports).toEqual([
      { key: "p30-signatory-voluntary-report-stockpiles", paragraphNumber: 30, footnoteNumber: 15 },
      { key: "p71-voluntary-reports", paragraphNumber: 71, footnoteNumber: 71 },
    ]);
  });

  it("narrows a state's own findings with a filter", async () => {
    // Croatia under section IV's stockpile theme: fn9 (obligation), fn11 (plan), fn18 (numbers),
    // fn21 (needs assistance, ¶33), fn22 (finish early), fn25 (technical assistance), in report order.
    const data = await ask(
      `{ state(code: "HRV") { findings(filter: { themeIn: [STOCKPILE_DESTRUCTION] }) { key } } }`,
    );
    expect(data.state.findings.map((f: any) => f.key)).toEqual([
      "p29-destruction-obligations",
      "p29-planning-destruction",
      "p31-fifteen-took-steps-action-8", // ¶31 "All 15 States Parties that have declared ..." includes fn9's Croatia
      "p31-reported-stockpile-numbers",
      "p33-need-destruction-assistance",
      "p34-finish-destruction-early",
      "p34-received-technical-assistance",
    ]);
  });
});

describe("Article 3 obligations", () => {
  // ¶7: "the 11 States Parties with reported stockpiles" = fn9 (7 declared destruction obligations:
  // HRV, DNK, FRA, DEU, JPN, SVN, GBR) + fn14 (4 whose reports are not yet due: BIH, CHL, GNB,
  // NLD). Canada (fn15) declared stockpiles too, but as a signatory: under ¶7 its stockpiles have
  // to be destroyed only once it becomes a State Party, so it has no Article 3 obligation yet.
  it("lists the 11 states with Article 3 obligations, all States Parties, without any signatory", async () => {
    const data = await ask(`{
      states(filter: { obligation: { article: 3 } }, orderBy: CODE) { totalCount nodes { code status } }
    }`);
    expect(data.states.totalCount).toBe(11);
    expect(data.states.nodes.map((s: { code: string }) => s.code)).toEqual([
      "BIH",
      "CHL",
      "DEU",
      "DNK",
      "FRA",
      "GBR",
      "GNB",
      "HRV",
      "JPN",
      "NLD",
      "SVN",
    ]);
    expect(new Set(data.states.nodes.map((s: { status: string }) => s.status))).toEqual(
      new Set(["STATE_PARTY"]),
    );
  });
});

describe("Questions with a negation", () => {
  it("lists the signatories with Article 4 obligations using `not`", async () => {
    // Article 4 (¶38): fn33 (7 States Parties) ∪ fn34 (AFG AGO TCD COG COD IRQ MRT). `not
    // STATE_PARTY` keeps fn34: all seven were signatories on 2011-08-20 (Chad ratified 2013,
    // Mauritania 2012, Afghanistan 2011-09-08, ...). Seven, as ¶38 says.
    expect(
      await stateCodes("orderBy: CODE, filter: { obligation: { article: 4 }, not: { status: STATE_PARTY } }"),
    ).toEqual(["AFG", "AGO", "COD", "COG", "IRQ", "MRT", "TCD"]);
  });

  it("lists States Parties with operative obligations about which no finding reports a need for assistance", async () => {
    // Operative obligations of States Parties: Art. 3 fn9 ∪ fn14, Art. 4 fn33, Art. 5 fn44 =
    // ALB BIH CHL DEU DNK FRA GBR GNB HRV JPN LAO LBN MNE MOZ NLD NOR SLE SVN (18), and fn54's 19
    // "with obligations under Article 3, 4 and/or 5" add Bulgaria, which no article list names (a
    // recorded discrepancy): its obligation's article is left open, and `obligation: {}` counts it.
    // None of the findings asserting NEEDS_ASSISTANCE (fn55: ALB BIH HRV GNB LAO LBN) may name
    // them: 19 − 6 = 13.
    expect(
      await stateCodes(
        "orderBy: CODE, filter: { status: STATE_PARTY, obligation: {}, findings: { none: { assertionKindIn: [NEEDS_ASSISTANCE] } } }",
      ),
    ).toEqual(["BGR", "CHL", "DEU", "DNK", "FRA", "GBR", "JPN", "MNE", "MOZ", "NLD", "NOR", "SLE", "SVN"]);
  });

  it("keeps obligations whose article the report leaves open out of a filter by article", async () => {
    // Bulgaria's only obligation is fn54's "Article 3, 4 and/or 5": it has one, but none under a
    // named article.
    const bulgaria = await stateCodes(`filter: { codeIn: ["BGR"], obligation: {} }`);
    expect(bulgaria).toEqual(["BGR"]);
    for (const article of [3, 4, 5]) {
      expect(await stateCodes(`filter: { codeIn: ["BGR"], obligation: { article: ${article} } }`)).toEqual(
        [],
      );
    }
    const data = await ask(
      `{ state(code: "BGR") { obligations { article possibleArticles unspecified status sources { paragraph footnote } } } }`,
    );
    expect(data.state.obligations).toEqual([
      {
        article: null,
        possibleArticles: [3, 4, 5],
        unspecified: true,
        status: "OPERATIVE",
        sources: [{ paragraph: 58, footnote: 54 }],
      },
    ]);
  });

  it("lists the States Parties with fulfilled Article 4 obligations, not the operative ones", async () => {
    // ¶40: "Two States Parties (fn37: Albania and Zambia) have completed their obligations to
    // clear"; the default status OPERATIVE would give fn33 instead.
    expect(
      await stateCodes("orderBy: CODE, filter: { obligation: { article: 4, status: FULFILLED } }"),
    ).toEqual(["ALB", "ZMB"]);
  });
});

describe("Counting", () => {
  it("counts States Parties and signatories on the day of the First Meeting (46 and 62)", async () => {
    // ¶17: "46 states were Parties to the CCM at the time of the First Meeting" (9 November
    // 2010). Counting the depositary record (125 participants) by hand: 46 had deposited an
    // instrument by 2010-11-09 (Lebanon on 2010-11-05 the last), 62 had only signed, 17 had
    // done neither yet; the 5 states the report names that never signed (KHM LBY SDN THA VNM)
    // make NOT_PARTY 22.
    const data = await ask(`{ stateCounts(groupBy: STATUS, asOf: "2010-11-09") { key count } }`);
    expect(data.stateCounts).toEqual([
      { key: "NOT_PARTY", count: 22 },
      { key: "SIGNATORY", count: 62 },
      { key: "STATE_PARTY", count: 46 },
    ]);
  });

  it("counts 60 States Parties and 49 signatories on the report's date by default", async () => {
    // ¶4 and ¶17: 60 States Parties, "the 49 signatory states" on 20 August 2011. From the record:
    // 46 + 14 joiners (fn2's 13 + Senegal) = 60; 62 − 13 ratifying signatories = 49 (Grenada
    // acceded without signing); NOT_PARTY 17 − Grenada + 5 = 21.
    const data = await ask(`{ stateCounts(groupBy: STATUS) { key count } }`);
    expect(data.stateCounts).toEqual([
      { key: "NOT_PARTY", count: 21 },
      { key: "SIGNATORY", count: 49 },
      { key: "STATE_PARTY", count: 60 },
    ]);
  });

  it("counts States Parties with operative obligations by article (11, 7, 8)", async () => {
    // Art. 3: fn9 (7) + fn14 (4) = 11, as ¶7's "11 States Parties with reported stockpiles";
    // Art. 4: fn33 = 7 (¶38); Art. 5: fn44 = 8 (¶47).
    const data = await ask(
      `{ stateCounts(groupBy: OBLIGATION_ARTICLE, filter: { status: STATE_PARTY }) { key count } }`,
    );
    expect(data.stateCounts).toEqual([
      { key: "3", count: 11 },
      { key: "4", count: 7 },
      { key: "5", count: 8 },
      // ¶58: "19 States Parties (fn54) have reported to have obligations under Article 3, 4 and/or 5".
      { key: "UNSPECIFIED", count: 19 },
    ]);
  });

  it("counts the states adopting legislation (6 States Parties and 3 signatories)", async () => {
    // ¶74: "Six States Parties (fn75) and three signatory states (fn76) ... in the process of
    // adopting legislation": 9 states, 6 + 3 by status on 2011-08-20.
    const data = await ask(`{
      all: states(filter: { legislation: { statusIn: [IN_PROGRESS] } }) { totalCount }
      byStatus: stateCounts(groupBy: STATUS, filter: { legislation: { statusIn: [IN_PROGRESS] } }) { key count }
    }`);
    expect(data.all.totalCount).toBe(9);
    expect(data.byStatus).toEqual([
      { key: "SIGNATORY", count: 3 },
      { key: "STATE_PARTY", count: 6 },
    ]);
  });

  it("counts paragraph 59's findings by article", async () => {
    // ¶59 has six counted groups (SP and signatory for each area): stockpile destruction
    // (Art. 3), clearance (Art. 4), victim assistance (Art. 5); all six are Art. 6 needs.
    const data = await ask(`{ findingCounts(groupBy: ARTICLE, filter: { paragraph: 59 }) { key count } }`);
    expect(data.findingCounts).toEqual([
      { key: "3", count: 2 },
      { key: "4", count: 2 },
      { key: "5", count: 2 },
      { key: "6", count: 6 },
    ]);
  });

  it("gives group counts that agree with the lists the same filters give, for every dimension", async () => {
    // Each count, asked again as a filtered list: the two must name as many states (or findings).
    const stateDimensions: [string, (key: string) => string][] = [
      ["NEED_AREA", (key) => `assistanceNeed: { areaIn: [${key}] }`],
      ["STOCKPILE_STATUS", (key) => `stockpile: { statusIn: [${key}] }`],
      ["LEGISLATION_STATUS", (key) => `legislation: { statusIn: [${key}] }`],
      // The dimension groups assistance given and received (its description says so).
      [
        "ASSISTANCE_PROVIDED",
        (key) =>
          `${key.endsWith("_RECEIVED") ? "assistanceReceived" : "assistanceProvided"}: { kindIn: [${key}] }`,
      ],
      ["FINDING_THEME", (key) => `findings: { some: { themeIn: [${key}] } }`],
    ];
    for (const [dimension, filterFor] of stateDimensions) {
      const data = await ask(
        `{ stateCounts(groupBy: ${dimension}, filter: { status: STATE_PARTY }) { key count } }`,
      );
      expect([dimension, data.stateCounts.length > 0]).toEqual([dimension, true]);
      for (const { key, count } of data.stateCounts) {
        const list = await ask(
          `{ states(filter: { status: STATE_PARTY, ${filterFor(key)} }) { totalCount } }`,
        );
        expect([dimension, key, count]).toEqual([dimension, key, list.states.totalCount]);
      }
    }
    for (const [dimension, filter] of [
      ["THEME", "themeIn"],
      ["GROUP", "groupIn"],
    ]) {
      const data = await ask(
        `{ findingCounts(groupBy: ${dimension}) { key count } all: findings { totalCount } }`,
      );
      // One theme and one group per finding: the groups add up to all findings.
      const total = data.findingCounts.reduce((sum: number, g: { count: number }) => sum + g.count, 0);
      expect([dimension, total]).toEqual([dimension, data.all.totalCount]);
      for (const { key, count } of data.findingCounts) {
        const list = await ask(`{ findings(filter: { ${filter}: [${key}] }) { totalCount } }`);
        expect([dimension, key, count]).toEqual([dimension, key, list.findings.totalCount]);
      }
    }
  });

  it("finds the two findings whose stated count differs from the list", async () => {
    // ¶17 says 13 ratified and one acceded (14) but fn2 lists 13; ¶18 says "Six signatory states"
    // but fn3 lists seven. Every other footnoted count matches its list.
    const data = await ask(
      `{ findings(filter: { countDiffers: true }) { totalCount nodes { key statedCount listedCount } } }`,
    );
    expect(data.findings).toEqual({
      totalCount: 2,
      nodes: [
        { key: "p17-joined-since-1msp", statedCount: 14, listedCount: 13 },
        { key: "p18-ratification-close", statedCount: 6, listedCount: 7 },
      ],
    });
  });
});

describe("Status on a date (asOf)", () => {
  it("gives Lithuania's status before and after it ratified", async () => {
    // fn2 lists Lithuania among those who ratified after 1MSP; the depositary date is 2011-03-24.
    const data = await ask(`{
      state(code: "LTU") {
        atFirstMeeting: status(asOf: "2010-11-09")
        dayBefore: status(asOf: "2011-03-23")
        onTheDay: status(asOf: "2011-03-24")
        byDefault: status
      }
      asked: state(code: "LTU", asOf: "2010-11-09") { status }
    }`);
    expect(data.state).toEqual({
      atFirstMeeting: "SIGNATORY",
      dayBefore: "SIGNATORY",
      onTheDay: "STATE_PARTY",
      byDefault: "STATE_PARTY",
    });
    expect(data.asked.status).toBe("SIGNATORY");
  });

  it("applies asOf to status filters: none of fn2's joiners was a State Party at 1MSP, all were by 20 August 2011", async () => {
    // fn2's 13 states all deposited between 2010-11-29 (Guinea-Bissau) and 2011-06-29 (Grenada).
    const before = await stateCodes(
      `asOf: "2010-11-09", filter: { status: STATE_PARTY, findings: { some: { footnote: 2 } } }`,
    );
    const after = await stateCodes(
      `orderBy: CODE, asOf: "2011-08-20", filter: { status: STATE_PARTY, findings: { some: { footnote: 2 } } }`,
    );
    expect(before).toEqual([]);
    expect(after).toEqual([
      "BGR",
      "BWA",
      "CHL",
      "CRI",
      "GHA",
      "GNB",
      "GRD",
      "LTU",
      "MOZ",
      "NLD",
      "PAN",
      "PRT",
      "SLV",
    ]);
    const data = await ask(`{
      sp: states(asOf: "2010-11-09", filter: { status: STATE_PARTY }) { totalCount }
      sig: states(asOf: "2010-11-09", filter: { status: SIGNATORY }) { totalCount }
    }`);
    expect([data.sp.totalCount, data.sig.totalCount]).toEqual([46, 62]);
  });
});

describe("Where the report disagrees with itself or the depositary record", () => {
  it("lists the states the report calls both State Party and signatory", async () => {
    // Canada: "Five States Parties" (fn22) vs signatory in fn15, fn17, fn76. Switzerland: "Two
    // States Parties" (fn23, fn70) vs signatory in fn17, fn64.
    const data = await ask(
      `{ discrepancies(filter: { kindIn: [STATUS_CONFLICT] }) { totalCount nodes { key stateCodes footnoteNumbers } } }`,
    );
    expect(data.discrepancies).toEqual({
      totalCount: 2,
      nodes: [
        { key: "canada-state-party-and-signatory", stateCodes: ["CAN"], footnoteNumbers: [15, 17, 22, 76] },
        {
          key: "switzerland-state-party-and-signatory",
          stateCodes: ["CHE"],
          footnoteNumbers: [17, 23, 64, 70],
        },
      ],
    });
  });

  it("shows Switzerland was a signatory although the report counts it among States Parties", async () => {
    // Depositary: Switzerland signed 2008-12-03, ratified 2012-07-17 -> SIGNATORY on 2011-08-20.
    // The report places it in STATES_PARTIES (fn23 ¶34, fn70 ¶68) and SIGNATORIES (fn17 ¶30, fn64 ¶60).
    const data = await ask(`{ state(code: "CHE") {
      treatyStatus { status agreesWithReport reportedAs { group sources { paragraph footnote } } }
      discrepancies { key kind }
    } }`);
    expect(data.state.treatyStatus).toEqual({
      status: "SIGNATORY",
      agreesWithReport: false,
      reportedAs: [
        {
          group: "SIGNATORIES",
          sources: [
            { paragraph: 30, footnote: 17 },
            { paragraph: 60, footnote: 64 },
          ],
        },
        {
          group: "STATES_PARTIES",
          sources: [
            { paragraph: 34, footnote: 23 },
            { paragraph: 68, footnote: 70 },
          ],
        },
      ],
    });
    expect(data.state.discrepancies).toEqual([
      { key: "switzerland-state-party-and-signatory", kind: "STATUS_CONFLICT" },
      { key: "switzerland-not-a-state-party", kind: "DEPOSITARY_CONFLICT" },
      { key: "fn64-ia-signatories-funding", kind: "PARTIAL_LIST" }, // fn64 (¶60): "i.a. Australia and Switzerland"
    ]);
  });

  it("lists Canada's discrepancies by state code, case-insensitively", async () => {
    const data = await ask(`{ discrepancies(filter: { stateCode: "can" }) { nodes { key kind } } }`);
    expect(data.discrepancies.nodes).toEqual([
      { key: "canada-state-party-and-signatory", kind: "STATUS_CONFLICT" },
      { key: "canada-not-a-state-party", kind: "DEPOSITARY_CONFLICT" },
    ]);
  });

  it("shows Sudan, counted among signatories in fn39, never signed", async () => {
    // fn39 (¶41) names Sudan among "Five signatories"; it is not in the depositary record, and not
    // among fn34's Article 4 signatories either.
    const data = await ask(`{ state(code: "SDN") {
      status participation { signed }
      treatyStatus { agreesWithReport reportedAs { group sources { paragraph footnote } } }
      discrepancies { key kind }
    } }`);
    expect(data.state).toEqual({
      status: "NOT_PARTY",
      participation: null,
      treatyStatus: {
        agreesWithReport: false,
        reportedAs: [{ group: "SIGNATORIES", sources: [{ paragraph: 41, footnote: 39 }] }],
      },
      discrepancies: [
        { key: "sudan-not-a-signatory", kind: "DEPOSITARY_CONFLICT" },
        { key: "sudan-not-among-article-4-signatories", kind: "CROSS_REFERENCE_MISMATCH" },
        { key: "p41-steps-including-survey-and-warning", kind: "PARTIAL_LIST" }, // ¶41 fn39: steps "including survey and warning"
      ],
    });
  });

  it("lists the depositary conflicts, and the discrepancies about footnote 2", async () => {
    // Depositary conflicts: fn2 omits Senegal and includes Grenada (an accession); Canada and
    // Switzerland called States Parties; Sudan called a signatory.
    const data = await ask(`{
      depositary: discrepancies(filter: { kindIn: [DEPOSITARY_CONFLICT] }) { nodes { key stateCodes } }
      fn2: discrepancies(filter: { footnote: 2 }) { nodes { key kind } }
    }`);
    expect(data.depositary.nodes).toEqual([
      { key: "p17-fn2-omits-senegal", stateCodes: ["SEN", "GRD"] },
      { key: "canada-not-a-state-party", stateCodes: ["CAN"] },
      { key: "switzerland-not-a-state-party", stateCodes: ["CHE"] },
      { key: "sudan-not-a-signatory", stateCodes: ["SDN"] },
    ]);
    expect(data.fn2.nodes).toEqual([
      { key: "p17-fn2-lists-13-of-14-joiners", kind: "COUNT_MISMATCH" },
      { key: "p17-fn2-omits-senegal", kind: "DEPOSITARY_CONFLICT" },
    ]);
  });
});

describe("Full-text search", () => {
  it("finds the tendering process in paragraph 29 only, highlighted", async () => {
    // "tendering" occurs once in the report: ¶29, "one State Party has initiated a tendering process".
    const data = await ask(
      `{ search(text: "tendering process") { kind paragraph { number } footnote { number } snippet } }`,
    );
    expect(data.search).toHaveLength(1);
    expect(data.search[0]).toMatchObject({ kind: "PARAGRAPH", paragraph: { number: 29 }, footnote: null });
    expect(data.search[0].snippet).toContain("initiated a <mark>tendering</mark> <mark>process</mark>");
  });

  it("finds the report's spelling Luxemburg in footnotes 62, 72 and 73", async () => {
    // "Luxemburg" occurs in fn62 (¶60), fn72 and fn73 (¶74) and nowhere else.
    const data = await ask(
      `{ search(text: "Luxemburg") { kind paragraph { number } footnote { number } snippet } }`,
    );
    expect(data.search.map((h: any) => [h.kind, h.paragraph.number, h.footnote.number])).toEqual([
      ["FOOTNOTE", 60, 62],
      ["FOOTNOTE", 74, 72],
      ["FOOTNOTE", 74, 73],
    ]);
    for (const hit of data.search) expect(hit.snippet).toContain("<mark>Luxemburg</mark>");
  });

  it('ranks the paragraphs on "land release" best first', async () => {
    // The phrase stands twice in ¶45 and ¶46 and once in ¶8 and ¶43 (its other occurrence, in
    // question 46(b), is not paragraph text). More occurrences rank higher; the equal ranks of ¶8
    // and ¶43 are ordered by paragraph number.
    const data = await ask(`{ search(text: "\\"land release\\"") { kind rank paragraph { number } } }`);
    const numbers = data.search.map((h: any) => h.paragraph.number);
    expect(sorted(numbers.slice(0, 2).map(String))).toEqual(["45", "46"]);
    expect(numbers.slice(2)).toEqual([8, 43]);
    const ranks = data.search.map((h: any) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(ranks[1]).toBeGreaterThan(ranks[2]);
    expect(ranks[2]).toBe(ranks[3]);
  });

  it("returns nothing for a word the report does not use", async () => {
    expect((await ask(`{ search(text: "zebra") { kind } }`)).search).toEqual([]);
  });
});

describe("Global ids", () => {
  it("round-trips every kind of object through node(id:) and nodes(ids:), in the order asked", async () => {
    const data = await ask(`{
      report { id key }
      section(key: "iv") { id key }
      paragraph(number: 29) { id number }
      footnote(number: 17) { id number }
      finding(key: "p29-destruction-obligations") { id key }
      action(number: 8) { id number }
      discrepancies(first: 1) { nodes { id key } }
      organisations { id key }
      useInstances { id key }
      discussionQuestions(section: "III") { id label }
      state(code: "LAO") { id code }
    }`);
    const objects = [
      data.report,
      data.section,
      data.paragraph,
      data.footnote,
      data.finding,
      data.action,
      data.discrepancies.nodes[0],
      data.organisations[0],
      data.useInstances[0],
      data.discussionQuestions[0],
      data.state,
    ];
    const ids: string[] = objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Ids stay what they were: base64url of "Type:key", report-scoped keys "report:local".
    const report = data.report.key;
    expect(ids.map((id) => Buffer.from(id, "base64url").toString("utf8"))).toEqual([
      `Report:${report}`,
      `Section:${report}:IV`,
      `Paragraph:${report}:29`,
      `Footnote:${report}:17`,
      `Finding:${report}:p29-destruction-obligations`,
      `Action:${report}:8`,
      `Discrepancy:${report}:${data.discrepancies.nodes[0].key}`,
      `Organisation:${report}:${data.organisations[0].key}`,
      `UseInstance:${report}:${data.useInstances[0].key}`,
      `DiscussionQuestion:${report}:26a`,
      "State:LAO",
    ]);
    // A question with a sub-item, (a)(i): its key is paragraph, letter and item.
    expect(data.discussionQuestions[1].label).toBe("(a)(i)");
    expect(Buffer.from(data.discussionQuestions[1].id, "base64url").toString("utf8")).toBe(
      `DiscussionQuestion:${report}:26ai`,
    );
    const fetched = await ask(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
        ... on Report { key } ... on Section { key } ... on Paragraph { number } ... on Footnote { number }
        ... on Finding { key } ... on Action { number } ... on Discrepancy { key } ... on Organisation { key }
        ... on UseInstance { key } ... on DiscussionQuestion { label } ... on State { code } } }`,
      { ids: [...ids].reverse() },
    );
    expect(fetched.nodes.map((n: any) => n.__typename)).toEqual([
      "State",
      "DiscussionQuestion",
      "UseInstance",
      "Organisation",
      "Discrepancy",
      "Action",
      "Finding",
      "Footnote",
      "Paragraph",
      "Section",
      "Report",
    ]);
    expect(fetched.nodes.map(({ __typename: _t, ...rest }: any) => rest)).toEqual([...objects].reverse());
    for (const object of objects) {
      const one = await ask(`query($id: ID!) { node(id: $id) { id } }`, { id: object.id });
      expect(one.node).toEqual({ id: object.id });
    }
  });

  it("answers null for a well-formed id of nothing, and BAD_USER_INPUT for a malformed id", async () => {
    const missing = Buffer.from("Paragraph:beirut-progress-report-2011:99").toString("base64url");
    const data = await ask(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [missing, Buffer.from("State:LAO").toString("base64url")],
    });
    expect(data.nodes).toEqual([null, { id: Buffer.from("State:LAO").toString("base64url") }]);
    expect(await errorCodes(`{ node(id: "not an id") { id } }`)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("Paging through lists", () => {
  it("pages through the 49 signatories 20 at a time, with cursors and totalCount", async () => {
    const query = `query($after: String) { states(first: 20, after: $after, filter: { status: SIGNATORY }, orderBy: CODE) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code } } } }`;
    const pages: any[] = [];
    let after: string | null = null;
    do {
      const page: any = (await ask(query, { after })).states;
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages.length < 10);
    expect(
      pages.map((p) => [p.totalCount, p.edges.length, p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage]),
    ).toEqual([
      [49, 20, false, true],
      [49, 20, true, true],
      [49, 9, true, false],
    ]);
    for (const page of pages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    }
    const paged = pages.flatMap((p) => p.edges.map((e: any) => e.node.code));
    const whole = await stateCodes("first: 100, orderBy: CODE, filter: { status: SIGNATORY }");
    expect(paged).toEqual(whole);
    expect(whole).toHaveLength(49);
  });

  it("pages the 80 paragraphs and 77 footnotes", async () => {
    const data = await ask(`{
      paragraphs(first: 100) { totalCount nodes { number } pageInfo { hasNextPage } }
      footnotes(first: 70) { totalCount nodes { number } pageInfo { hasNextPage endCursor } }
    }`);
    expect(data.paragraphs.totalCount).toBe(80);
    expect(data.paragraphs.nodes.map((p: any) => p.number)).toEqual(
      Array.from({ length: 80 }, (_, i) => i + 1),
    );
    expect(data.paragraphs.pageInfo.hasNextPage).toBe(false);
    expect([
      data.footnotes.totalCount,
      data.footnotes.nodes.length,
      data.footnotes.pageInfo.hasNextPage,
    ]).toEqual([77, 70, true]);
    const rest = await ask(
      `query($after: String) { footnotes(first: 70, after: $after) { nodes { number } pageInfo { hasNextPage } } }`,
      {
        after: data.footnotes.pageInfo.endCursor,
      },
    );
    expect(rest.footnotes.nodes.map((f: any) => f.number)).toEqual([71, 72, 73, 74, 75, 76, 77]);
    expect(rest.footnotes.pageInfo.hasNextPage).toBe(false);
  });

  it("refuses an invalid cursor and page sizes of 0 and 101 with BAD_USER_INPUT", async () => {
    expect(await errorCodes(`{ states(after: "not-a-cursor") { totalCount } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await errorCodes(`{ findings(first: 0) { totalCount } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await errorCodes(`{ states(first: 101) { totalCount } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await errorCodes(`{ discrepancies(first: -1) { totalCount } }`)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("Where does the report say so? (provenance)", () => {
  it("cites paragraph 59, footnote 57 for Côte d'Ivoire's stockpile destruction need", async () => {
    // ¶59: "Three States Parties56 and one signatory57 have reported assistance needs for
    // Stockpile Destruction"; fn57: Côte d’Ivoire. Its stockpile: fn17 in ¶30.
    const data = await ask(`{ state(code: "CIV") {
      assistanceNeeds { area sources { paragraph footnote quote findingKey } }
      stockpile { status sources { paragraph footnote quote } }
    } }`);
    expect(data.state).toEqual({
      assistanceNeeds: [
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
      ],
      stockpile: [
        {
          status: "EXISTING",
          sources: [
            {
              paragraph: 30,
              footnote: 17,
              quote: "15 signatory states are reported to have existing stockpiles of cluster munitions",
            },
          ],
        },
      ],
    });
  });

  it("cites Lao PDR's obligations and needs to the right paragraphs and footnotes", async () => {
    // Article 4: ¶38 fn33; Article 5: ¶47 fn44. Needs: ¶58 fn55 (unspecified), ¶59 fn58
    // (clearance) and fn60 (victim assistance).
    const data = await ask(`{ state(code: "LAO") {
      obligations { article status sources { paragraph footnote findingKey } }
      assistanceNeeds { area sources { paragraph footnote } }
    } }`);
    expect(data.state.obligations).toEqual([
      {
        article: 4,
        status: "OPERATIVE",
        sources: [{ paragraph: 38, footnote: 33, findingKey: "p38-states-parties-article-4" }],
      },
      {
        article: 5,
        status: "OPERATIVE",
        sources: [{ paragraph: 47, footnote: 44, findingKey: "p47-states-parties-article-5" }],
      },
      // ¶58 counts Lao PDR among fn54's 19 with "obligations under Article 3, 4 and/or 5": the
      // article left open, listed after those the report names.
      {
        article: null,
        status: "OPERATIVE",
        sources: [{ paragraph: 58, footnote: 54, findingKey: "p58-operative-obligations" }],
      },
    ]);
    expect(data.state.assistanceNeeds).toEqual([
      { area: "UNSPECIFIED", sources: [{ paragraph: 58, footnote: 55 }] },
      // ¶64 and ¶65 speak of "the three States Parties with reported assistance needs" of fn58 and fn60.
      {
        area: "CLEARANCE_AND_RISK_REDUCTION",
        sources: [
          { paragraph: 59, footnote: 58 },
          { paragraph: 64, footnote: null },
        ],
      },
      {
        area: "VICTIM_ASSISTANCE",
        sources: [
          { paragraph: 59, footnote: 60 },
          { paragraph: 65, footnote: null },
        ],
      },
    ]);
  });

  it("backs every derived fact of every named state by a verbatim quote and a finding that names the state", async () => {
    const texts = await ask(`{
      states(first: 100, filter: { namedInReport: true }) { totalCount nodes { code } }
      paragraphs(first: 100) { nodes { number text } }
      footnotes(first: 100) { nodes { number paragraphNumber text } }
    }`);
    // The report names 74 states (all on one page); Senegal, declared for fn2's omission (¶17), is never named.
    expect(texts.states.totalCount).toBe(74);
    const paragraphText = new Map<number, string>(texts.paragraphs.nodes.map((p: any) => [p.number, p.text]));
    const footnotes = new Map<number, any>(texts.footnotes.nodes.map((f: any) => [f.number, f]));
    const value = (kind: string, fact: string): string | undefined =>
      (FACTS_OF_KIND[kind] as Record<string, string> | undefined)?.[fact];
    const facts = [
      "obligations",
      "stockpile",
      "assistanceNeeds",
      "assistanceProvided",
      "assistanceReceived",
      "legislation",
    ];
    const sourced = `findings { key assertions { kind state { code } } } sources { paragraph footnote quote findingKey reportId }`;
    // One state per request keeps each query within the server's cost limit.
    const query = `query($code: ID!) { state(code: $code) { code
      obligations { article possibleArticles status ${sourced} }
      stockpile { status ${sourced} }
      assistanceNeeds { area ${sourced} }
      assistanceProvided { kind ${sourced} }
      assistanceReceived { kind ${sourced} }
      legislation { status ${sourced} }
    } }`;
    let checked = 0;
    for (const { code } of texts.states.nodes) {
      const { state } = await ask(query, { code });
      for (const fact of facts) {
        for (const item of state[fact]) {
          const factValue =
            fact === "obligations"
              ? `${item.article ?? item.possibleArticles.join("/")}:${item.status}`
              : (item.status ?? item.area ?? item.kind);
          expect(item.sources.map((s: any) => s.findingKey)).toEqual(item.findings.map((f: any) => f.key));
          expect(item.sources.length).toBeGreaterThan(0);
          for (const [i, source] of item.sources.entries()) {
            const where = `${code} ${fact} ${factValue} ${source.findingKey}`;
            expect([where, source.reportId]).toEqual([where, "beirut-progress-report-2011"]);
            const inParagraph = collapse(paragraphText.get(source.paragraph) ?? "").includes(
              collapse(source.quote),
            );
            const footnote = source.footnote === null ? undefined : footnotes.get(source.footnote);
            const inFootnote = footnote ? collapse(footnote.text).includes(collapse(source.quote)) : false;
            expect([where, inParagraph || inFootnote]).toEqual([where, true]);
            if (source.footnote !== null)
              expect([where, footnote?.paragraphNumber]).toEqual([where, source.paragraph]);
            // The finding behind the source asserts, about this very state, a kind that yields this fact.
            const kinds = item.findings[i].assertions
              .filter((a: any) => a.state.code === code)
              .map((a: any) => value(a.kind, fact));
            expect([where, kinds]).toEqual([where, expect.arrayContaining([factValue])]);
            checked += 1;
          }
        }
      }
    }
    // Every (state, fact, finding) whose assertion kind yields a fact is one citation: counted
    // from the dataset file itself, so no fact is left out of the API's answers.
    const expected = new Set<string>();
    for (const finding of dataset.findings)
      for (const a of finding.assertions)
        for (const fact of facts) {
          const v = value(a.kind, fact);
          if (v) expected.add(`${a.state} ${fact} ${v} ${finding.id}`);
        }
    expect(checked).toBe(expected.size);
    expect(checked).toBeGreaterThan(200);
  });
});

/**
 * Which State fact each assertion kind yields, written out from the report's wording (not read
 * from the server's vocabulary, so that a wrong meaning there fails this test). Kinds not listed
 * yield none of these facts.
 */
const FACTS_OF_KIND: Record<string, Partial<Record<string, string>>> = {
  // ¶60: "provides funding for civil society to advocate" the Convention.
  FUNDED_CIVIL_SOCIETY_ADVOCACY: { assistanceProvided: "CIVIL_SOCIETY_FUNDING" },
  // ¶29: "declared to have an obligation to destroy" stockpiles (Article 3), so they hold them.
  DECLARED_DESTRUCTION_OBLIGATION: { obligations: "3:OPERATIVE", stockpile: "EXISTING" },
  // ¶30 and its footnotes: destruction begun, planned, or a tender initiated.
  BEGAN_DESTRUCTION: { stockpile: "DESTRUCTION_BEGUN" },
  PLANNING_DESTRUCTION: { stockpile: "DESTRUCTION_PLANNED" },
  INITIATED_DESTRUCTION_TENDER: { stockpile: "DESTRUCTION_PLANNED" },
  // ¶31: "declared completion of destruction": the Article 3 obligation is fulfilled.
  COMPLETED_DESTRUCTION: { obligations: "3:FULFILLED", stockpile: "DESTRUCTION_COMPLETED" },
  // ¶6-7: stockpiles "that will have to be destroyed".
  DECLARED_STOCKPILE: { obligations: "3:OPERATIVE", stockpile: "EXISTING" },
  // ¶30 (signatories): "previously had" / "existing stockpiles".
  HAS_PREVIOUS_STOCKPILE: { stockpile: "PREVIOUS" },
  HAS_EXISTING_STOCKPILE: { stockpile: "EXISTING" },
  // ¶31: reported "the number of cluster munitions" stockpiled.
  REPORTED_STOCKPILE_QUANTITIES: { stockpile: "QUANTITIES_REPORTED" },
  // ¶33: "ready to provide assistance" / "share knowledge and experience" on destruction.
  READY_TO_ASSIST_STOCKPILE_DESTRUCTION: { assistanceProvided: "STOCKPILE_DESTRUCTION_SUPPORT_OFFERED" },
  READY_TO_SHARE_DESTRUCTION_EXPERTISE: { assistanceProvided: "EXPERTISE_OFFERED" },
  // ¶33: "received technical assistance" to destroy: received, not given.
  RECEIVED_DESTRUCTION_TECHNICAL_ASSISTANCE: { assistanceReceived: "TECHNICAL_ASSISTANCE_RECEIVED" },
  // ¶34-36 (Article 3.6): retained munitions, their quantities, or inert items only.
  RETAINS_CLUSTER_MUNITIONS: { stockpile: "RETAINED" },
  REPORTED_RETAINED_QUANTITIES: { stockpile: "RETAINED_QUANTITIES_REPORTED" },
  RETAINS_INERT_ITEMS_ONLY: { stockpile: "RETAINED_INERT_ONLY" },
  // ¶38: "obligations under Article 4"; ¶38: clearance "completed" before entry into force.
  HAS_CLEARANCE_OBLIGATION: { obligations: "4:OPERATIVE" },
  COMPLETED_CLEARANCE: { obligations: "4:FULFILLED" },
  // ¶47: "obligations under Article 5".
  HAS_VICTIM_ASSISTANCE_OBLIGATION: { obligations: "5:OPERATIVE" },
  // ¶58: "obligations under Article 3, 4 and/or 5": the article is left open.
  HAS_OPERATIVE_OBLIGATIONS: { obligations: "3/4/5:OPERATIVE" },
  // ¶33: "assistance will be required to meet its stockpile destruction obligation".
  INDICATED_STOCKPILE_ASSISTANCE_REQUIRED: { assistanceNeeds: "STOCKPILE_DESTRUCTION" },
  // ¶58-59: assistance needs, in general or by area.
  NEEDS_ASSISTANCE: { assistanceNeeds: "UNSPECIFIED" },
  NEEDS_ASSISTANCE_STOCKPILE_DESTRUCTION: { assistanceNeeds: "STOCKPILE_DESTRUCTION" },
  NEEDS_ASSISTANCE_CLEARANCE_AND_RISK_REDUCTION: { assistanceNeeds: "CLEARANCE_AND_RISK_REDUCTION" },
  NEEDS_ASSISTANCE_VICTIM_ASSISTANCE: { assistanceNeeds: "VICTIM_ASSISTANCE" },
  // ¶60: "provided funding"; ¶60: "received" dedicated funding.
  PROVIDED_FUNDING: { assistanceProvided: "FUNDING" },
  RECEIVED_FUNDING: { assistanceReceived: "FUNDING_RECEIVED" },
  // ¶72-73 (Article 9): adopted or deems sufficient; a specific law; existing law adequate; in progress.
  ADOPTED_OR_DEEMS_LEGISLATION_SUFFICIENT: { legislation: "ADOPTED_OR_SUFFICIENT" },
  ADOPTED_SPECIFIC_LEGISLATION: { legislation: "SPECIFIC_LEGISLATION" },
  EXISTING_LEGISLATION_ADEQUATE: { legislation: "EXISTING_LEGISLATION_ADEQUATE" },
  LEGISLATION_IN_PROGRESS: { legislation: "IN_PROGRESS" },
};

describe("Nested states follow the date asked about", () => {
  // Lithuania ratified on 2011-03-24 (depositary record). Asked as of 2010-11-09 (1MSP), it is a
  // signatory both at the top level and wherever it appears nested under that query: here in
  // fn2's list of joiners, reached through its findings, their footnote and the footnote's states.
  it("gives Lithuania the same status at every level of a query with asOf", async () => {
    const data = await ask(`{
      states(asOf: "2010-11-09", filter: { codeIn: ["LTU"] }) {
        nodes {
          status
          findings(filter: { footnote: 2 }) { footnote { states { code status } } paragraph { states { code status } } }
        }
      }
    }`);
    const [lithuania] = data.states.nodes;
    expect(lithuania.status).toBe("SIGNATORY");
    const nested = lithuania.findings.flatMap((f: any) => [...f.footnote.states, ...f.paragraph.states]);
    expect(
      nested.filter((s: { code: string }) => s.code === "LTU").map((s: { status: string }) => s.status),
    ).toEqual(["SIGNATORY", "SIGNATORY"]);
    // Without asOf, the same walk answers for the report's date, when it had ratified.
    const later = await ask(
      `{ state(code: "LTU") { findings(filter: { footnote: 2 }) { footnote { states { code status } } } } }`,
    );
    const ltu = later.state.findings[0].footnote.states.find((s: { code: string }) => s.code === "LTU");
    expect(ltu.status).toBe("STATE_PARTY");
  });
});

describe("Edge cases of composition (found in review)", () => {
  // Five named states have no participation row (KHM, LBY, SDN, THA, VNM): a condition on their
  // depositary name is NULL, and `not` must keep them. 130 states are known in all.
  it("keeps states with no depositary record under `not`", async () => {
    const all = await ask(`{ states { totalCount } }`);
    const negated = await ask(`{ states(filter: { not: { name: "zzz" } }) { totalCount } }`);
    expect(negated.states.totalCount).toBe(all.states.totalCount);
    expect(all.states.totalCount).toBe(130);
  });

  // 58 of the 136 findings have no footnote: `not: { footnote: 999 }` must keep them all (135 + ¶62's Action #35 clause (fn67)).
  it("keeps findings without a footnote under `not`", async () => {
    const data = await ask(`{ findings(filter: { not: { footnote: 999 } }) { totalCount } }`);
    expect(data.findings.totalCount).toBe(139);
  });

  // ¶62 fn67 asserts two kinds about Guinea-Bissau (a need for stockpile destruction assistance
  // and an identified partner): a state's findings filtered with `and` over both kinds find it.
  it("matches a state's finding on two assertion kinds joined with `and`", async () => {
    const data = await ask(`{ state(code: "GNB") { findings(filter: { and: [
      { assertionKindIn: [NEEDS_ASSISTANCE_STOCKPILE_DESTRUCTION] },
      { assertionKindIn: [IDENTIFIED_DESTRUCTION_PARTNER] } ] }) { key paragraphNumber footnoteNumber } } }`);
    expect(data.state.findings).toEqual([
      expect.objectContaining({ paragraphNumber: 62, footnoteNumber: 67 }),
    ]);
  });

  // FUNDING_RECEIVED is assistance received (fn63: ALB, LAO, MDA), never assistance provided.
  it("never counts a recipient among providers", async () => {
    const provided = await ask(
      `{ states(filter: { assistanceProvided: { kindIn: [FUNDING_RECEIVED] } }) { totalCount } }`,
    );
    const received = await ask(
      `{ states(filter: { assistanceReceived: { kindIn: [FUNDING_RECEIVED] } }, orderBy: CODE) { nodes { code } } }`,
    );
    expect(provided.states.totalCount).toBe(0);
    expect(received.states.nodes.map((s: { code: string }) => s.code)).toEqual(["ALB", "LAO", "MDA"]);
  });
});
