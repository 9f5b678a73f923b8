/**
 * Extracts the structural part of the Beirut Progress Report dataset from the source text:
 * sections with their sub-headings, paragraphs, footnotes and discussion questions, and the
 * source file's SHA-256.
 *
 *   npx tsx scripts/extract-report.ts [--check]
 *
 * Writes server/data/reports/beirut-progress-report-2011.json. If the file exists, only
 * `report.source`, `sections`, `paragraphs`, `footnotes` and `discussionQuestions` are replaced;
 * everything hand-authored (metadata, states, actions, findings, discrepancies, organisations,
 * use instances) is kept. With --check nothing is written; the script exits 1 if the file's
 * structure differs from what the source text yields.
 *
 * Layout of the source text (a PDF-to-text rendering of the report):
 * - paragraphs start with "N. " (sometimes after one space, at the top of a page);
 * - discussion items start with "(a) " or, nested under a letter, "(i) ";
 * - section headings are " III. Universalization"; sub-headings are indented by two or more
 *   spaces ("  Scope", "   Actions #2-7");
 * - footnote blocks sit at the bottom of each page: a line holding only "  ", then " N text"
 *   lines with unindented continuation lines. The next line that starts with a space is the top
 *   of the next page, which may continue a paragraph in mid-sentence ("Parties46 and two ...");
 * - footnote markers are digits glued to the preceding word ("States Parties9", "imminent4.").
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const SOURCE = join(ROOT, "server/data/source/beirut-progress-report-2011.txt");
const OUT = join(ROOT, "server/data/reports/beirut-progress-report-2011.json");

interface Section {
  key: string;
  numeral: string | null;
  title: string;
  subheadings: { title: string; paragraphs: number[] }[];
}
interface Paragraph {
  number: number;
  section: string;
  subheading: string | null;
  text: string;
}
interface Footnote {
  number: number;
  paragraph: number;
  anchor: string;
  text: string;
}
interface Question {
  paragraph: number;
  letter: string;
  item: string | null;
  text: string;
}

/** Joins wrapped lines: single spaces, but a line ending in "-" joins without one ("Guinea-Bissau"). */
export function joinLines(lines: string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) out = line;
    else if (out.endsWith("-")) out += line;
    else out += " " + line;
  }
  return out.replace(/\s+/g, " ");
}

/**
 * The marker after "15 signatory states" in paragraph 30 is printed "17s". We read the "s" as a
 * stray character of the marker, not as part of the word ("states", not "statess").
 */
const STRAY_MARKER_SUFFIX: Record<number, string> = { 17: "s" };

/** Removes footnote markers from a block of text, returning the text and the markers in order. */
function stripMarkers(text: string): { text: string; markers: { number: number; at: number }[] } {
  const markers: { number: number; at: number }[] = [];
  let out = "";
  let last = 0;
  for (const m of text.matchAll(/(?<=[A-Za-z’)])(\d+)/g)) {
    const number = Number(m[1]);
    out += text.slice(last, m.index);
    markers.push({ number, at: out.length });
    last = m.index! + m[1].length;
    const stray = STRAY_MARKER_SUFFIX[number];
    if (stray && text.startsWith(stray, last)) last += stray.length;
    else if (/^[A-Za-z]/.test(text.slice(last))) throw new Error(`marker ${number} is followed by a letter`);
  }
  out += text.slice(last);
  return { text: out, markers };
}

/** The few words before a marker: up to three, not reaching back past the end of a sentence nor starting with "and". */
function anchorBefore(text: string, at: number): string {
  const words = text.slice(0, at).trimEnd().split(" ");
  const anchor: string[] = [];
  for (let i = words.length - 1; i >= 0 && anchor.length < 3; i--) {
    if (anchor.length > 0 && /[.:;]$/.test(words[i])) break;
    anchor.unshift(words[i]);
  }
  if (anchor.length > 1 && anchor[0] === "and") anchor.shift(); // "seven signatories", not "and seven signatories"
  return anchor.join(" ");
}

const ROMAN_HEADING = /^ +([IVX]+)\. (.+)$/;
const FOOTNOTE_START = /^ (\d+) (\S.*)$/;

export function extract(source: string) {
  const lines = source.split("\n").map((l) => l.replace(/\s+$/, ""));
  const sections: Section[] = [{ key: "intro", numeral: null, title: "Introduction", subheadings: [] }];
  const footnotes: { number: number; lines: string[] }[] = [];
  type Block =
    | { kind: "paragraph"; number: number; lines: string[] }
    | { kind: "question"; paragraph: number; letter: string; item: string | null; lines: string[] };
  const blocks: (Block & { section: string; subheading: string | null })[] = [];

  let section = "intro";
  let subheading: string | null = null;
  let nextParagraph = 1;
  let inFootnotes = false;
  let started = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inFootnotes) {
      if (!line.trim()) continue;
      const fn = FOOTNOTE_START.exec(line);
      if (fn && Number(fn[1]) === footnotes.length + 1) {
        footnotes.push({ number: Number(fn[1]), lines: [fn[2]] });
        continue;
      }
      if (!line.startsWith(" ")) {
        footnotes[footnotes.length - 1].lines.push(line);
        continue;
      }
      inFootnotes = false; // top of the next page: fall through and read the line as body text
    }
    if (!line.trim()) continue; // blank lines, and the whitespace-only separator above a footnote block
    const fnStart = FOOTNOTE_START.exec(line);
    if (fnStart && Number(fnStart[1]) === footnotes.length + 1) {
      inFootnotes = true;
      footnotes.push({ number: Number(fnStart[1]), lines: [fnStart[2]] });
      continue;
    }
    const para = /^ ?(\d+)\. (.*)$/.exec(line);
    if (para && Number(para[1]) === nextParagraph) {
      started = true;
      blocks.push({ kind: "paragraph", number: nextParagraph, lines: [para[2]], section, subheading });
      nextParagraph++;
      continue;
    }
    if (!started) continue; // title and "Submitted by" lines
    const roman = ROMAN_HEADING.exec(line);
    if (roman) {
      sections.push({ key: roman[1], numeral: roman[1], title: roman[2].trim(), subheadings: [] });
      section = roman[1];
      subheading = null;
      continue;
    }
    if (/^ {2,}\S/.test(line)) {
      subheading = line.trim();
      continue;
    }
    const current = blocks[blocks.length - 1];
    const item = /^ ?\(([a-z]+)\) (.*)$/.exec(line);
    if (item) {
      const paragraph = current.kind === "paragraph" ? current.number : current.paragraph;
      const lastLetter = current.kind === "question" ? current.letter : null;
      const lastItem = current.kind === "question" ? current.item : null;
      const roman = ["i", "ii", "iii", "iv", "v"];
      const isItem =
        lastLetter !== null &&
        roman.includes(item[1]) &&
        roman.indexOf(item[1]) === (lastItem ? roman.indexOf(lastItem) + 1 : 0);
      if (isItem) {
        blocks.push({
          kind: "question",
          paragraph,
          letter: lastLetter!,
          item: item[1],
          lines: [item[2]],
          section,
          subheading,
        });
        continue;
      }
      const expected = lastLetter ? String.fromCharCode(lastLetter.charCodeAt(0) + 1) : "a";
      if (item[1] === expected) {
        blocks.push({
          kind: "question",
          paragraph,
          letter: item[1],
          item: null,
          lines: [item[2]],
          section,
          subheading,
        });
        continue;
      }
    }
    current.lines.push(line);
  }

  // Paragraph texts, footnote markers and anchors.
  const paragraphs: Paragraph[] = [];
  const questions: Question[] = [];
  const markerAt = new Map<number, { paragraph: number; anchor: string }>();
  for (const block of blocks) {
    const { text, markers } = stripMarkers(joinLines(block.lines));
    const paragraph = block.kind === "paragraph" ? block.number : block.paragraph;
    for (const m of markers) {
      if (block.kind !== "paragraph")
        throw new Error(`marker ${m.number} inside a discussion item of paragraph ${paragraph}`);
      markerAt.set(m.number, { paragraph, anchor: anchorBefore(text, m.at) });
    }
    if (block.kind === "paragraph") {
      paragraphs.push({ number: block.number, section: block.section, subheading: block.subheading, text });
    } else {
      questions.push({ paragraph, letter: block.letter, item: block.item, text });
    }
  }
  // Footnote 1's marker stands on the "Submitted by the President of the First Meeting of States
  // Parties1" line above paragraph 1, which is not a paragraph; paragraph 1 repeats those words.
  markerAt.set(1, { paragraph: 1, anchor: "the President of the First Meeting of States Parties" });

  const fns: Footnote[] = footnotes.map((f, i) => {
    if (f.number !== i + 1) throw new Error(`footnote ${f.number} out of order (expected ${i + 1})`);
    const at = markerAt.get(f.number);
    if (!at) throw new Error(`no marker for footnote ${f.number}`);
    return { number: f.number, paragraph: at.paragraph, anchor: at.anchor, text: joinLines(f.lines) };
  });
  for (const n of markerAt.keys())
    if (!fns.some((f) => f.number === n)) throw new Error(`marker ${n} has no footnote`);

  // Sub-headings: a paragraph stands under the last sub-heading printed before it in its section.
  // The "Actions #33-36" sub-heading of section VII stands over three further sub-headings
  // ("Stockpile destruction", "Clearance and risk reduction", "Victim Assistance"); it is listed
  // with all the paragraphs 61-65 while each paragraph names its innermost sub-heading.
  for (const p of paragraphs) {
    if (!p.subheading) continue;
    const s = sections.find((x) => x.key === p.section)!;
    let sub = s.subheadings.find(
      (x) => x.title === p.subheading && x.paragraphs[x.paragraphs.length - 1] === p.number - 1,
    );
    if (!sub) s.subheadings.push((sub = { title: p.subheading, paragraphs: [] }));
    sub.paragraphs.push(p.number);
  }
  const vii = sections.find((s) => s.key === "VII")!;
  const inner = vii.subheadings.filter((s) =>
    ["Stockpile destruction", "Clearance and risk reduction", "Victim Assistance"].includes(s.title),
  );
  const at = vii.subheadings.indexOf(inner[0]);
  vii.subheadings.splice(at, 0, { title: "Actions #33-36", paragraphs: inner.flatMap((s) => s.paragraphs) });

  return { sections, paragraphs, footnotes: fns, discussionQuestions: questions };
}

function main() {
  const buf = readFileSync(SOURCE);
  const structure = extract(buf.toString("utf8"));
  const sha256 = createHash("sha256").update(buf).digest("hex");
  const existing = existsSync(OUT) ? JSON.parse(readFileSync(OUT, "utf8")) : null;
  const dataset = existing ?? {
    formatVersion: 1,
    report: {},
    sections: [],
    paragraphs: [],
    footnotes: [],
    states: [],
    actions: [],
    findings: [],
    discussionQuestions: [],
    discrepancies: [],
    organisations: [],
    useInstances: [],
  };
  const next = {
    ...dataset,
    report: { ...dataset.report, source: { file: "../source/beirut-progress-report-2011.txt", sha256 } },
    sections: structure.sections,
    paragraphs: structure.paragraphs,
    footnotes: structure.footnotes,
    discussionQuestions: structure.discussionQuestions,
  };
  const out = JSON.stringify(next, null, 2) + "\n";
  if (process.argv.includes("--check")) {
    const same = existing && JSON.stringify(next) === JSON.stringify(existing);
    console.log(same ? "structure up to date" : "structure differs from the source text");
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUT, out);
  console.log(
    `${structure.paragraphs.length} paragraphs, ${structure.footnotes.length} footnotes, ` +
      `${structure.discussionQuestions.length} discussion items, ${structure.sections.length} sections -> ${OUT}`,
  );
}

if (require.main === module) main();
