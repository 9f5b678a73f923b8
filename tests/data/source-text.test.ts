import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  REPORT_FILE,
  SOURCE_FILE,
  collapse,
  dataset,
  paragraphSegment,
  removeMarkers,
  sourceBody,
  sourceFootnotes,
  sourceText,
} from "./report-source";

/** A paragraph as printed: its lead-in text, then its discussion items "(a) ...", "(i) ...". */
function rendered(n: number): string {
  const p = dataset.paragraphs.find((x) => x.number === n)!;
  const items = dataset.discussionQuestions
    .filter((q) => q.paragraph === n)
    .map((q) => `(${q.item ?? q.letter}) ${q.text}`);
  return collapse([p.text, ...items].join(" "));
}

describe("Does every paragraph, footnote and quote match the source text?", () => {
  it("points at the source copy by path and SHA-256", () => {
    expect(dataset.report.source).not.toBeNull();
    expect(join(dirname(REPORT_FILE), dataset.report.source!.file)).toBe(SOURCE_FILE);
    expect(dataset.report.source!.sha256).toBe(
      createHash("sha256").update(readFileSync(SOURCE_FILE)).digest("hex"),
    );
  });

  it("has paragraphs 1..80 and footnotes 1..77", () => {
    expect(dataset.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(dataset.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 77 }, (_, i) => i + 1));
  });

  it.each(Array.from({ length: 80 }, (_, i) => i + 1))(
    "paragraph %i and its discussion items read as in the source",
    (n) => {
      expect(rendered(n)).toBe(paragraphSegment(n));
    },
  );

  it.each(Array.from({ length: 77 }, (_, i) => i + 1))(
    "footnote %i reads as in the source, and its marker follows its anchor in its paragraph",
    (n) => {
      const f = dataset.footnotes.find((x) => x.number === n)!;
      expect(f.text).toBe(sourceFootnotes.get(n));
      if (n === 1) {
        // The marker of footnote 1 stands on the "Submitted by" line above paragraph 1.
        expect(sourceText).toContain(`Submitted by ${f.anchor}1 `);
        expect(f.paragraph).toBe(1);
        return;
      }
      expect(removeMarkers(paragraphSegment(f.paragraph, true), n)).toContain(`${f.anchor}${n}`);
    },
  );

  it('reads the odd marker "states17s" as marker 17 and a stray "s"', () => {
    expect(sourceText).toContain("15 signatory states17s are");
    expect(dataset.paragraphs.find((p) => p.number === 30)!.text).toContain(
      "15 signatory states are reported to have existing stockpiles",
    );
  });

  it("keeps the lead-in of paragraphs with lettered items and the numbered headings 16 and 70", () => {
    const text = (n: number) => dataset.paragraphs.find((p) => p.number === n)!.text;
    expect(text(16)).toBe("Challenges and questions for discussion at the 2MSP");
    expect(text(70)).toBe("Challenges and questions for discussion at the 2MSP");
    expect(text(27)).toBe("Increasing the membership of the Convention:");
    const p26 = dataset.discussionQuestions
      .filter((q) => q.paragraph === 26)
      .map((q) => `${q.letter}${q.item ? `(${q.item})` : ""}`);
    expect(p26).toEqual(["a", "a(i)", "a(ii)", "a(iii)", "b", "b(i)", "b(ii)"]);
    expect(dataset.discussionQuestions).toHaveLength(48);
  });

  it("joins paragraphs interrupted by a footnote block across the page break", () => {
    const text = (n: number) => dataset.paragraphs.find((p) => p.number === n)!.text;
    expect(text(47)).toContain(
      "Of these, two States Parties and two signatories, together with two States not Party, are considered",
    );
    expect(text(56)).toContain("as barriers affect all persons with disabilities, regardless");
    expect(text(66)).toContain(
      "States and other actors providing support for implementation of the Convention should engage",
    );
    expect(text(75)).toContain("small states unaffected by cluster munitions – as well as a checklist");
    expect(dataset.discussionQuestions.find((q) => q.paragraph === 37 && q.letter === "d")!.text).toMatch(
      /^How can States Parties most efficiently/,
    );
    expect(dataset.discussionQuestions.find((q) => q.paragraph === 70 && q.letter === "b")!.text).toMatch(
      /^How should States Parties best implement/,
    );
  });

  it.each(dataset.findings.map((f) => [f.id, f] as const))("the quote of %s is in the source", (_id, f) => {
    const inBody = sourceBody.includes(collapse(f.quote));
    const inFootnote = f.footnote !== null && sourceFootnotes.get(f.footnote)!.includes(collapse(f.quote));
    expect(inBody || inFootnote).toBe(true);
  });

  it("uses only spellings found in the source (Senegal, which the report never names, has none)", () => {
    const unnamed = dataset.states.flatMap((s) =>
      s.spellings.filter((sp) => !sourceText.includes(sp)).map((sp) => `${s.code}:${sp}`),
    );
    expect(unnamed).toEqual([]);
    // Senegal is declared only for fn2's omission (¶17); the report never names it, so it has no spelling.
    expect(dataset.states.find((s) => s.code === "SEN")!.spellings).toEqual([]);
  });
});
