import { dataset } from "./report-source";

const listed = (f: (typeof dataset.findings)[number]) => new Set(f.assertions.map((a) => a.state)).size;
const inDiscrepancy = (id: string) => dataset.discrepancies.some((d) => d.findings.includes(id));

describe("Does every stated count equal the number of states listed, or is the mismatch recorded?", () => {
  const counted = dataset.findings.filter(
    (f) => f.statedCount !== null && f.assertions.length > 0 && !f.listIsPartial,
  );

  it("compares the counted lists (mixed wordings are separate findings)", () => {
    // one per footnote with a list (76), less footnote 64 ("i.a."), plus ¶31, ¶61, ¶64, ¶65 by reference to fn9+13, 56, 58, 60,
    // plus the initial-report sentences of ¶29 (fn9), ¶35 (fn26) and ¶60 (fn62)
    expect(counted.length).toBe(82);
  });

  it.each(counted.map((f) => [f.id, f] as const))("%s", (_id, f) => {
    if (listed(f) !== f.statedCount) expect(inDiscrepancy(f.id)).toBe(true);
    else expect(listed(f)).toBe(f.statedCount);
  });

  it("finds exactly two lists whose length differs from the stated count, both recorded as COUNT_MISMATCH", () => {
    const mismatched = counted
      .filter((f) => listed(f) !== f.statedCount)
      .map((f) => [f.id, f.statedCount, listed(f)]);
    expect(mismatched).toEqual([
      ["p17-joined-since-1msp", 14, 13],
      ["p18-ratification-close", 6, 7],
    ]);
    for (const [id] of mismatched) {
      expect(
        dataset.discrepancies.filter((d) => d.kind === "COUNT_MISMATCH" && d.findings.includes(id as string)),
      ).toHaveLength(1);
    }
  });

  it('keeps "Seven States Parties33 and seven signatories34" as two findings of seven', () => {
    const p38 = dataset.findings.filter((f) => f.footnote === 33 || f.footnote === 34);
    expect(p38.map((f) => [f.footnote, f.group, f.statedCount, listed(f)])).toEqual([
      [33, "STATES_PARTIES", 7, 7],
      [34, "SIGNATORIES", 7, 7],
    ]);
  });

  it("records the unfootnoted figures with their wording", () => {
    const figure = (id: string) => {
      const f = dataset.findings.find((x) => x.id === id)!;
      return [f.paragraph, f.statedCount, f.statedCountText, f.unit, f.assertions.length];
    };
    expect(figure("p4-membership-60-states-parties")).toEqual([4, 60, "60", null, 0]);
    expect(figure("p4-signatories-49")).toEqual([4, 49, "49", null, 0]);
    expect(figure("p4-nine-signatories-will-ratify")).toEqual([4, 9, "at least nine", null, 0]);
    expect(figure("p7-seven-of-eleven-started-destruction")).toEqual([7, 7, "seven of the 11", null, 0]);
    expect(figure("p8-fourteen-contaminated")).toEqual([
      8,
      14,
      "14 States Parties (7) and signatories (7)",
      null,
      0,
    ]);
    expect(figure("p11-six-need-assistance")).toEqual([11, 6, "only six", null, 0]);
    expect(figure("p20-nearly-90-states-responded")).toEqual([20, 90, "nearly 90", null, 0]);
    expect(figure("p24-civil-society-about-100-countries")).toEqual([24, 100, "about 100", "countries", 0]);
    expect(figure("p32-submunitions-destroyed")).toEqual([
      32,
      64448458,
      "64,448,458",
      "submunitions destroyed",
      0,
    ]);
    expect(figure("p38-cmc-28-states-contaminated")).toEqual([38, 28, "as many as 28", null, 0]);
    expect(figure("p43-none-included-communities")).toEqual([43, 0, "No", null, 0]);
    expect(figure("p53-no-survivors-in-delegations")).toEqual([53, 0, "No", null, 0]);
    expect(figure("p71-47-with-deadlines")).toEqual([71, 47, "47", null, 0]);
    expect(figure("p78-nine-late-reports")).toEqual([78, 9, "nine", null, 0]);
  });

  it("leaves statedCount null where the report gives no number", () => {
    const vague = dataset.findings
      .filter((f) => f.statedCount === null && f.statedCountText !== null)
      .map((f) => f.statedCountText);
    expect([...new Set(vague)].sort()).toEqual([
      "A number of",
      "All",
      "Many",
      "Several",
      "a number of",
      "all",
      "more than half",
      "some",
    ]);
  });
});
