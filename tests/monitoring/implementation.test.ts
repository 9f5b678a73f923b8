/**
 * Who reported what: each state's implementation of each Vientiane Action Plan action, as the
 * report gives it. Expected answers are worked out from the report's paragraphs and footnotes.
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

const codes = (nodes: { code: string }[]) => nodes.map((n) => n.code);

describe("Which States Parties have not reported implementing any time-bound victim-assistance action?", () => {
  it("answers Montenegro, Mozambique and Sierra Leone: paragraph 49's three", async () => {
    // ¶47 fn44: eight States Parties with Article 5 (1) obligations (ALB BIH HRV LAO LBN MNE MOZ
    // SLE). ¶48 fn49: five of them (ALB BIH HRV LAO LBN) reported Actions #21 and #22. ¶49: "three
    // have not reported implementation of any of the time bound actions". The time-bound actions
    // are #20-23 and #26 (¶57 (e) for #26; ¶49's sub-heading for the others). The report names the
    // three only by leaving them out: fn44 minus fn49.
    const data = await ask(`{ states(orderBy: CODE, filter: { and: [
      { status: STATE_PARTY },
      { obligation: { article: 5 } },
      { not: { implementation: { theme: VICTIM_ASSISTANCE, timeBound: true, linkIn: [REPORTED] } } }
    ] }) { nodes { code } } }`);
    expect(codes(data.states.nodes)).toEqual(["MNE", "MOZ", "SLE"]);
  });

  it("marks which actions the report treats as time-bound, with where it says so", async () => {
    const data = await ask(`{ actions(theme: VICTIM_ASSISTANCE) { number timeBound note } }`);
    const timeBound = data.actions.filter((a: any) => a.timeBound);
    expect(timeBound.map((a: any) => a.number)).toEqual([20, 21, 22, 23, 26]);
    expect(timeBound.find((a: any) => a.number === 26).note).toMatch(/time bound Action #26/);
  });
});

describe("How does the report link one state to the actions?", () => {
  it("gives Lebanon REPORTED for the coordination it set up (#21) and IN_SCOPE for the victim-assistance actions it has not reported", async () => {
    const data =
      await ask(`{ state(code: "LBN") { actionImplementation(filter: { theme: VICTIM_ASSISTANCE }) {
      link action { number } evidence { link basis citedAs finding { key } } sources { paragraph footnote } } } }`);
    const cells = new Map(data.state.actionImplementation.map((c: any) => [c.action.number, c]));
    // ¶48: coordinating mechanisms "in line with Action #21" (fn49 names Lebanon).
    expect((cells.get(21) as any).link).toBe("REPORTED");
    expect((cells.get(21) as any).evidence[0]).toMatchObject({
      link: "REPORTED",
      basis: "ASSERTION",
      citedAs: "21",
    });
    // ¶49: "one has not reported implementation of Actions #23 and #26" — Lebanon (fn49 minus
    // fn50): in scope through its Article 5 obligation (¶47 fn44), not reported.
    expect((cells.get(26) as any).link).toBe("IN_SCOPE");
    expect((cells.get(26) as any).evidence.map((e: any) => e.basis)).toContain("OBLIGATION");
    expect((cells.get(26) as any).sources).toContainEqual({ paragraph: 47, footnote: 44 });
  });

  it("ties a finding's content to the actions the report ties it to, not its sub-heading's whole range", async () => {
    // ¶50 stands under "Actions #20-23 and #26", but data collection is Action #22 (¶48): Angola
    // and Iraq (signatories) reported it and nothing else of that range.
    const data = await ask(
      `{ state(code: "AGO") { actionImplementation(filter: { linkIn: [REPORTED] }) { action { number } } } }`,
    );
    expect(data.state.actionImplementation.map((c: any) => c.action.number)).toEqual([22]);
  });
});

describe("The state-by-action matrix", () => {
  it("has one cell per state and action, each with its strongest link and its sources", async () => {
    const data = await ask(
      `{ actionMatrix(filter: { actionIn: [35] }) { link state { code } action { number } evidence { citedAs } sources { paragraph footnote } } }`,
    );
    // Action #35 is cited by the sub-heading "Actions #33-36" (¶61-65) and by ¶62 for Guinea-Bissau
    // ("in line with Action #35 had identified another State Party with practical experience").
    const gnb = data.actionMatrix.find((c: any) => c.state.code === "GNB");
    expect(gnb.link).toBe("REPORTED");
    expect(gnb.evidence.map((e: any) => e.citedAs)).toContain("35");
    expect(gnb.sources).toContainEqual({ paragraph: 62, footnote: 67 });
    for (const cell of data.actionMatrix) expect(cell.sources.length).toBeGreaterThan(0);
  });

  it("keeps only the cells whose strongest link is asked, for the states asked", async () => {
    // ¶48: fn49's five (ALB BIH HRV LAO LBN) reported #21 and #22; fn50's four (not Lebanon)
    // reported #23 and #26. Montenegro, Mozambique and Sierra Leone reported none (¶49).
    const reported = await ask(
      `{ actionMatrix(filter: { actionIn: [21, 22, 23, 26], linkIn: [REPORTED] }, states: { status: STATE_PARTY }) { link action { number } state { code } } }`,
    );
    const byAction = (n: number) =>
      reported.actionMatrix
        .filter((c: any) => c.action.number === n)
        .map((c: any) => c.state.code)
        .sort();
    expect(reported.actionMatrix.every((c: any) => c.link === "REPORTED")).toBe(true);
    expect(byAction(21)).toEqual(["ALB", "BIH", "HRV", "LAO", "LBN"]);
    expect(byAction(22)).toEqual(["ALB", "BIH", "HRV", "LAO", "LBN"]);
    expect(byAction(23)).toEqual(["ALB", "BIH", "HRV", "LAO"]);
    expect(byAction(26)).toEqual(["ALB", "BIH", "HRV", "LAO"]);
    // The action's own view gives the same cells.
    const action = await ask(
      `{ action(number: 23) { implementation(filter: { linkIn: [REPORTED] }) { state { code } } } }`,
    );
    expect(codes(action.action.implementation.map((c: any) => c.state))).toEqual([
      "ALB",
      "BIH",
      "HRV",
      "LAO",
    ]);
  });
});
