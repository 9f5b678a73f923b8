/**
 * Test helpers: the dataset, the participation table, and a small reader of the report's source
 * text that is independent of scripts/extract-report.ts, so that the tests compare the dataset
 * with the source rather than with the extractor's own output.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportDataset } from "../../server/data/format";
import { parseParticipantsFile, parseReportFile } from "../../server/data/validate";

export const ROOT = join(__dirname, "../..");
export const REPORT_FILE = join(ROOT, "server/data/reports/beirut-progress-report-2011.json");
export const SOURCE_FILE = join(ROOT, "server/data/source/beirut-progress-report-2011.txt");
export const PARTICIPANTS_FILE = join(ROOT, "server/data/ccm-participants.json");
/** The report's cut-off date (paragraph 3). */
export const REPORT_DATE = "2011-08-20";

export const dataset: ReportDataset = parseReportFile(REPORT_FILE);
export const participants = parseParticipantsFile(PARTICIPANTS_FILE);
export const sourceText = readFileSync(SOURCE_FILE, "utf8");

export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Joins wrapped lines; a line ending in "-" continues without a space ("Guinea-" + "Bissau"). */
function join_(lines: string[]): string {
  return collapse(
    lines
      .map((l) => l.trim())
      .filter(Boolean)
      .join("\n")
      .replace(/-\n/g, "-")
      .replace(/\n/g, " "),
  );
}

const lines = sourceText.split("\n");
const isFootnoteStart = (line: string) => /^ \d+ \S/.test(line);

/**
 * Footnotes of the source: a block starts at " N text" (N the next footnote number) and runs over
 * blank and unindented lines; the first indented line after it is the top of the next page.
 */
export const sourceFootnotes: Map<number, string> = (() => {
  const out = new Map<number, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    const start = /^ (\d+) (.*)$/.exec(line);
    if (start && isFootnoteStart(line) && Number(start[1]) === out.size + 1) {
      current = [start[2]];
      out.set(Number(start[1]), current);
    } else if (current && (line.trim() === "" || !line.startsWith(" "))) {
      current.push(line);
    } else {
      current = null;
    }
  }
  return new Map([...out].map(([n, l]) => [n, join_(l)]));
})();

/**
 * The body of the report on one line: footnote blocks, headings and the title lines removed,
 * paragraphs and discussion items in reading order. Footnote markers are kept.
 */
export const sourceBodyWithMarkers: string = (() => {
  const body: string[] = [];
  let inFootnote = false;
  let started = false;
  let footnotes = 0;
  for (const line of lines) {
    const start = /^ (\d+) /.exec(line);
    if (start && Number(start[1]) === footnotes + 1) {
      footnotes++;
      inFootnote = true;
      continue;
    }
    if (inFootnote && (line.trim() === "" || !line.startsWith(" "))) continue;
    inFootnote = false;
    if (/^1\. /.test(line)) started = true;
    if (!started || line.trim() === "") continue;
    if (/^ {2,}\S/.test(line) || /^ ?[IVX]+\. /.test(line)) continue; // section and sub-headings
    body.push(line);
  }
  return join_(body);
})();

/**
 * Removes footnote markers (digits glued to a word). Paragraph 30 prints footnote 17's marker as
 * "states17s": the dataset reads the trailing "s" as a stray character of the marker.
 */
export function removeMarkers(text: string, keep?: number): string {
  return text
    .replace("states17s", "states17")
    .replace(/(?<=[A-Za-z’)])\d+/g, (m) => (keep !== undefined && Number(m) === keep ? m : ""));
}

export const sourceBody = removeMarkers(sourceBodyWithMarkers);

/** The text from "N. " up to "N+1. " (or the end), with or without footnote markers. */
export function paragraphSegment(n: number, withMarkers = false): string {
  const body = withMarkers ? sourceBodyWithMarkers : sourceBody;
  const start = new RegExp(`(?:^|\\s)${n}\\. `).exec(body);
  if (!start) throw new Error(`paragraph ${n} not found in the source`);
  const from = start.index + start[0].length;
  const next = new RegExp(`\\s${n + 1}\\. `).exec(body.slice(from));
  return body.slice(from, next ? from + next.index : undefined).trim();
}

/** The state names of a footnote's list, in order. */
export function footnoteNames(n: number, spellings: ReadonlySet<string>): string[] {
  let text = sourceFootnotes.get(n)!.replace(/\.$/, "");
  // Footnote 14 qualifies its last name: "Netherlands (which has begun to destroy its stockpiles)".
  text = text.replace(" (which has begun to destroy its stockpiles)", "");
  // Footnote 36 names two countries "in addition to" the two of footnote 35; all four are listed.
  text = text.replace(" in addition to ", ", ");
  // Footnote 64's list is partial: "i.a. Australia and Switzerland".
  text = text.replace(/^i\.a\. /, "");
  const names: string[] = [];
  for (const chunk of text.split(", ")) {
    // Split on " and " but keep names that contain it ("Bosnia and Herzegovina").
    const parts = chunk.split(" and ");
    let i = 0;
    while (i < parts.length) {
      let j = parts.length;
      while (j > i && !spellings.has(parts.slice(i, j).join(" and "))) j--;
      if (j === i) throw new Error(`footnote ${n}: no state is spelled "${parts.slice(i).join(" and ")}"`);
      names.push(parts.slice(i, j).join(" and "));
      i = j;
    }
  }
  return names;
}

export type Status = "STATE_PARTY" | "SIGNATORY" | "NOT_PARTY";

/** Status on a date per the depositary table: joined on or before it, signed only, or neither. */
export function statusOn(iso3: string, date: string): Status {
  const p = participants.find((x) => x.iso3 === iso3);
  if (p?.joined && p.joined <= date && !(p.withdrawalEffective && p.withdrawalEffective <= date))
    return "STATE_PARTY";
  if (p?.signed && p.signed <= date) return "SIGNATORY";
  return "NOT_PARTY";
}
