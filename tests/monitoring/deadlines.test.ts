/**
 * Who must do what by when: each State Party's deadlines under the Convention, computed from the
 * depositary dates (server/data/ccm-participants.json) by the rules of Articles 17, 3(2), 4(1)(a)
 * and 7, with their status on a date and their sources. Expected dates are worked out by hand
 * from the rules and the deposit dates, never from the code.
 */
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

async function ask<Data = any>(query: string, variables?: Record<string, unknown>): Promise<Data> {
  const response = await server.graphql<Data>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data as Data;
}

const DEADLINES = `query($code: ID!, $asOf: LocalDate) { state(code: $code) { deadlines(asOf: $asOf) {
  rule citation dueOn status extendedUntil
  trigger { date deposited entryIntoForce sources }
  metBy { key } begunBy { key } sources { paragraph footnote findingKey }
} } }`;

/** A state's deadlines as rule -> due date. */
async function dueDates(code: string): Promise<Record<string, string>> {
  const data = await ask(DEADLINES, { code });
  return Object.fromEntries(data.state.deadlines.map((d: any) => [d.rule, d.dueOn]));
}

describe("When are a State Party's obligations due?", () => {
  it("gives Lao PDR (deposited 18 March 2009) entry into force on 1 August 2010, clearance by 1 August 2020, its initial report by 28 January 2011", async () => {
    // Art. 17(1): the first 30 instruments (the 30th deposited 16 February 2010) entered into
    // force on 1 August 2010. Art. 4(1)(a): ten years. Art. 7(1): 180 days (1 Aug 2010 + 180 d).
    // Lao PDR has Article 4 obligations (¶38, fn33) but no stockpile (no Article 3 deadline).
    const data = await ask(DEADLINES, { code: "LAO" });
    const [initial] = data.state.deadlines.filter((d: any) => d.rule === "INITIAL_REPORT");
    expect(initial.trigger).toMatchObject({
      deposited: "2009-03-18",
      entryIntoForce: "2010-08-01",
      date: "2010-08-01",
    });
    expect(initial.trigger.sources.length).toBeGreaterThan(0);
    expect(await dueDates("LAO")).toEqual({
      CLEARANCE: "2020-08-01",
      INITIAL_REPORT: "2011-01-28",
      // Art. 7(2): the first annual update, the 30 April after the initial report's deadline.
      ANNUAL_REPORT: "2011-04-30",
    });
  });

  it("gives Bosnia and Herzegovina (deposited 7 September 2010) entry into force on 1 March 2011 and its three deadlines", async () => {
    // Art. 17(2): the first day of the sixth month after the month of deposit: 1 March 2011.
    // Art. 3(2) eight years: 1 March 2019 (it holds stockpiles, ¶30 fn14); Art. 4(1)(a) ten
    // years: 1 March 2021 (fn33); Art. 7(1): 1 March 2011 + 180 days = 28 August 2011.
    expect(await dueDates("BIH")).toEqual({
      STOCKPILE_DESTRUCTION: "2019-03-01",
      CLEARANCE: "2021-03-01",
      INITIAL_REPORT: "2011-08-28",
      ANNUAL_REPORT: "2012-04-30",
    });
  });

  it("gives Lebanon (deposited 5 November 2010) entry into force on 1 May 2011 and clearance by 1 May 2021", async () => {
    const data = await ask(DEADLINES, { code: "LBN" });
    expect(data.state.deadlines[0].trigger.entryIntoForce).toBe("2011-05-01");
    expect((await dueDates("LBN")).CLEARANCE).toBe("2021-05-01");
  });

  it("sets no deadline for a signatory, which has deposited nothing", async () => {
    // Canada signed on 3 December 2008 and ratified only on 16 March 2015: by the rules it has
    // deadlines from its later deposit (in force 1 September 2015), whatever the 2011 report says.
    expect((await dueDates("CAN")).INITIAL_REPORT).toBe("2016-02-28");
    // The Democratic Republic of the Congo signed and never ratified.
    expect(await dueDates("COD")).toEqual({});
  });
});

describe("Where does each deadline stand, and who says so?", () => {
  it("marks a stockpile destruction deadline met where the report says destruction was completed, with the finding", async () => {
    // ¶29, fn13: Austria declared the destruction of its stocks completed; ¶31 counts it among
    // the 15 that "have taken concrete steps in line with Action #8" (work begun).
    const data = await ask(DEADLINES, { code: "AUT" });
    const destruction = data.state.deadlines.find((d: any) => d.rule === "STOCKPILE_DESTRUCTION");
    expect(destruction).toMatchObject({
      citation: "Article 3(2)",
      dueOn: "2018-08-01",
      status: "MET",
      metBy: [{ key: "p29-completed-destruction" }],
      begunBy: [{ key: "p31-fifteen-took-steps-action-8" }],
      sources: [
        { paragraph: 29, footnote: 13, findingKey: "p29-completed-destruction" },
        { paragraph: 31, footnote: null, findingKey: "p31-fifteen-took-steps-action-8" },
      ],
    });
  });

  it("marks an initial report met where the report cites what the state declared in it", async () => {
    // ¶29: "In their initial Article 7 transparency reports, seven States Parties (fn9) declared":
    // Croatia among them, so its initial report (due 28 January 2011) was submitted.
    const data = await ask(DEADLINES, { code: "HRV", asOf: "2011-08-20" });
    const initial = data.state.deadlines.find((d: any) => d.rule === "INITIAL_REPORT");
    expect(initial.status).toBe("MET");
    expect(initial.sources.map((s: any) => [s.paragraph, s.footnote])).toContainEqual([29, 9]);
  });

  it("checks paragraph 71's count of Article 7 deadlines against the rule, and shows the computation", async () => {
    // ¶71: "47 States Parties have reporting Article 7 deadlines up to the 2MSP". Of the 60 States
    // Parties on 20 August 2011, those that deposited by 30 September 2010 (in force by 1 March
    // 2011, initial report due by 28 August 2011) are due before the 2MSP (12 September 2011):
    // 30 in force on 1 August 2010 plus 12 later, 42. The next deadlines fall on 28 September.
    const data = await ask(`{ discrepancies(filter: { kindIn: [DEADLINE_MISMATCH] }) { nodes {
      key reportSays otherSideSays reportFigure computedFigure paragraphNumbers note } } }`);
    expect(data.discrepancies.nodes).toHaveLength(1);
    const [mismatch] = data.discrepancies.nodes;
    expect(mismatch).toMatchObject({
      key: "p71-47-with-deadlines-deadline-mismatch",
      reportFigure: 47,
      computedFigure: 42,
      paragraphNumbers: [71],
    });
    expect(mismatch.reportSays).toContain("47 States Parties have reporting Article 7 deadlines");
    // The computation, by due date: 30 due 28 January 2011, ... Tunisia's due 28 August 2011.
    expect(mismatch.otherSideSays).toMatch(/2011-01-28: 30 \(/);
    expect(mismatch.otherSideSays).toMatch(/2011-08-28: \d+ \([A-Z, ]*TUN/);
    expect(mismatch.otherSideSays).toContain("Total 42.");
    expect(mismatch.note).toMatch(/12 September 2011/);
  });

  it("keeps a deadline not yet due before its date, and due and not reported met after it", async () => {
    // Bosnia and Herzegovina's initial report fell due on 28 August 2011, after the report's date.
    const before = await ask(DEADLINES, { code: "BIH", asOf: "2011-08-20" });
    const after = await ask(DEADLINES, { code: "BIH", asOf: "2011-09-01" });
    const initial = (data: any) => data.state.deadlines.find((d: any) => d.rule === "INITIAL_REPORT");
    expect(initial(before).status).toBe("NOT_YET_DUE");
    expect(initial(after).status).toBe("DUE_NOT_REPORTED_MET");
  });

  it("lists what is overdue on a date, across states, as a page", async () => {
    const data =
      await ask(`{ deadlines(asOf: "2019-03-02", first: 100, filter: { ruleIn: [STOCKPILE_DESTRUCTION], statusIn: [DUE_NOT_REPORTED_MET] }) {
      totalCount nodes { rule dueOn state { code } } } }`);
    // Article 3 obligations: fn9 (HRV DNK FRA DEU JPN SVN GBR), fn13 (eight, destruction
    // completed: met) and fn14 (BIH CHL GNB NLD). On 2 March 2019 due and not reported met:
    // those in force on 1 August 2010 (due 1 August 2018: DEU DNK FRA HRV JPN SVN), the United
    // Kingdom (deposited 4 May 2010, in force 1 November 2010, due 1 November 2018) and Bosnia and
    // Herzegovina (due 1 March 2019). Chile, Guinea-Bissau and the Netherlands fall due later.
    // (As far as this 2011 report says: it cannot know of later destruction.)
    expect(data.deadlines.nodes.map((d: any) => [d.dueOn, d.state.code])).toEqual([
      ["2018-08-01", "HRV"],
      ["2018-08-01", "DNK"],
      ["2018-08-01", "FRA"],
      ["2018-08-01", "DEU"],
      ["2018-08-01", "JPN"],
      ["2018-08-01", "SVN"],
      ["2018-11-01", "GBR"],
      ["2019-03-01", "BIH"],
    ]);
    expect(data.deadlines.totalCount).toBe(8);
  });
});

describe("Which states have deadlines in a range, and how many by year?", () => {
  it("filters states by a deadline's article and due dates", async () => {
    const data = await ask(
      `{ states(first: 100, orderBy: CODE, filter: { deadline: { article: 4, dueFrom: "2021-01-01", dueTo: "2021-12-31" } }) { nodes { code } } }`,
    );
    // Article 4 obligations (fn33, fn37) in force in 2011: Bosnia and Herzegovina (deposited
    // 7 Sep 2010, in force 1 Mar 2011), Lebanon (5 Nov 2010, 1 May 2011) and Guinea-Bissau
    // (29 Nov 2010, 1 May 2011): clearance due in 2021.
    expect(data.states.nodes.map((n: any) => n.code)).toEqual(["BIH", "GNB", "LBN"]);
  });

  it("counts states by the year their clearance deadlines fall due", async () => {
    const data = await ask(
      `{ stateCounts(groupBy: DEADLINE_YEAR, filter: { deadline: { ruleIn: [CLEARANCE] } }) { key count } }`,
    );
    // The states the report gives Article 4 obligations (fn33, fn34, fn37) that have deposited:
    // in force 1 Aug 2010 (ALB DEU HRV LAO NOR ZMB) -> 2020; BIH GNB LBN -> 2021; Afghanistan
    // (deposited 8 Sep 2011, in force 1 Mar 2012) and Mauritania (1 Feb 2012 -> 1 Aug 2012) -> 2022;
    // Iraq (14 May 2013 -> 1 Nov 2013) and Chad (26 Mar 2013 -> 1 Sep 2013) -> 2023; Congo
    // (2 Sep 2014 -> 1 Mar 2015) -> 2025. Angola and the DR Congo never deposited.
    expect(data.stateCounts).toEqual([
      { key: "2020", count: 6 },
      { key: "2021", count: 3 },
      { key: "2022", count: 2 },
      { key: "2023", count: 2 },
      { key: "2025", count: 1 },
    ]);
  });
});
