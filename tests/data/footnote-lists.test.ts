import { dataset, footnoteNames, sourceFootnotes } from "./report-source";

const spellingToCode = new Map(dataset.states.flatMap((s) => s.spellings.map((sp) => [sp, s.code] as const)));
const spellings = new Set(spellingToCode.keys());

/** Union of the states asserted by the findings that cite footnote n. */
function assertedStates(n: number): string[] {
  const codes = dataset.findings
    .filter((f) => f.footnote === n)
    .flatMap((f) => f.assertions.map((a) => a.state));
  return [...new Set(codes)].sort();
}

describe("Does every footnote's list of states in the dataset match the source text?", () => {
  it("the source has footnotes 1..77", () => {
    expect([...sourceFootnotes.keys()]).toEqual(Array.from({ length: 77 }, (_, i) => i + 1));
  });

  it("footnote 1 is prose naming Norway, asserted by the finding that cites it", () => {
    expect(sourceFootnotes.get(1)).toBe(
      "Prepared by Norway in its capacity as Friend of the President on matters pertaining to General Status and operation of the Convention.",
    );
    expect(assertedStates(1)).toEqual(["NOR"]);
  });

  const lists = Array.from({ length: 76 }, (_, i) => i + 2);
  it.each(lists)("footnote %i: the findings citing it assert exactly the states it names", (n) => {
    const names = footnoteNames(n, spellings);
    const codes = names.map((name) => spellingToCode.get(name)!);
    expect(new Set(codes).size).toBe(codes.length); // no footnote names a state twice
    expect(assertedStates(n)).toEqual([...codes].sort());
  });

  it("reads the three special footnotes as intended", () => {
    // 14: the parenthesis is not a name; the Netherlands gets a second assertion from it.
    expect(footnoteNames(14, spellings)).toEqual([
      "Bosnia and Herzegovina",
      "Chile",
      "Guinea-Bissau",
      "Netherlands",
    ]);
    const fn14 = dataset.findings.filter((f) => f.footnote === 14).flatMap((f) => f.assertions);
    expect(fn14.filter((a) => a.state === "NLD").map((a) => [a.kind, a.detail])).toEqual([
      ["DECLARED_STOCKPILE", null],
      ["BEGAN_DESTRUCTION", "which has begun to destroy its stockpiles"],
    ]);
    // 36: "Cambodia and Vietnam in addition to Iraq and Lao People’s Democratic Republic": all four.
    expect(footnoteNames(36, spellings)).toEqual([
      "Cambodia",
      "Vietnam",
      "Iraq",
      "Lao People’s Democratic Republic",
    ]);
    // 64: "i.a." marks a partial list.
    expect(footnoteNames(64, spellings)).toEqual(["Australia", "Switzerland"]);
    expect(dataset.findings.filter((f) => f.footnote === 64).map((f) => f.listIsPartial)).toEqual([true]);
    expect(dataset.findings.filter((f) => f.listIsPartial).map((f) => f.id)).toEqual([
      "p60-signatories-provided-funding",
    ]);
  });

  it('reads "Congo" and "Democratic Republic of the Congo" as two states (footnote 34 names both)', () => {
    expect(footnoteNames(34, spellings)).toContain("Congo");
    expect(footnoteNames(34, spellings)).toContain("Democratic Republic of the Congo");
    expect(assertedStates(34)).toEqual(["AFG", "AGO", "COD", "COG", "IRQ", "MRT", "TCD"]);
  });
});
