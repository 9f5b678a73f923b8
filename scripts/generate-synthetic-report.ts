/**
 * Writes synthetic report files for the benchmark: the Beirut report repeated `scale` times, so
 * that a synthetic-10x report has 10x its paragraphs, footnotes, findings and state mentions
 * (assertions), all valid against server/data/format.ts and the checks of server/data/validate.ts.
 * The files are marked `synthetic: true` and say in their note that they are generated benchmark
 * data; they load through the real ingest path (`ingestReport`, run by the server at start).
 *
 *   npx tsx scripts/generate-synthetic-report.ts                    # 10x and 100x into bench/results/datasets
 *   npx tsx scripts/generate-synthetic-report.ts --scale 10 --out /tmp/reports
 *
 * Copy k of each paragraph keeps its text, section and sub-heading; paragraphs are renumbered
 * section by section so that numbering stays contiguous and sections stay in order. Findings,
 * discrepancies, discussion questions and use instances are repeated per copy (ids of copies
 * after the first get a `-x<k>` suffix) and point at the copied paragraphs and footnotes; the
 * states stay the 75 the report names, so each state is named `scale` times as often.
 */
import fs from "node:fs";
import path from "node:path";

import type { ReportDataset } from "../server/data/format";
import { parseReportFile } from "../server/data/validate";

/** The repository root. */
const PROJECT_ROOT = path.resolve(__dirname, "..");

export const SOURCE_REPORT = path.join(PROJECT_ROOT, "server/data/reports/beirut-progress-report-2011.json");
export const DEFAULT_OUT_DIR = path.join(PROJECT_ROOT, "bench/results/datasets");

/** The id of the synthetic report of a scale, e.g. "synthetic-10x". */
export const syntheticId = (scale: number) => `synthetic-${scale}x`;

/** Builds the synthetic dataset of `scale` copies of `source` (a parsed, valid report file). */
export function generateSyntheticReport(source: ReportDataset, scale: number): ReportDataset {
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`scale must be a positive integer, got ${scale}`);
  const copies = [...Array(scale).keys()];
  const suffix = (id: string, k: number) => (k === 0 ? id : `${id}-x${k}`);

  // Paragraphs: section by section, every copy of the section's paragraphs in turn.
  const paragraphNumber = new Map<string, number>();
  const paragraphs: ReportDataset["paragraphs"] = [];
  for (const section of source.sections) {
    const own = source.paragraphs.filter((p) => p.section === section.key);
    for (const k of copies) {
      for (const p of own) {
        const number = paragraphs.length + 1;
        paragraphNumber.set(`${k}:${p.number}`, number);
        paragraphs.push({ ...p, number });
      }
    }
  }
  const para = (k: number, n: number) => {
    const mapped = paragraphNumber.get(`${k}:${n}`);
    if (mapped === undefined) throw new Error(`paragraph ${n} is not in the source report`);
    return mapped;
  };
  const footnoteCount = source.footnotes.length;
  const note = (k: number, n: number) => k * footnoteCount + n;
  const allCopies = (numbers: number[]) => copies.flatMap((k) => numbers.map((n) => para(k, n)));

  const findings = copies
    .flatMap((k) =>
      source.findings.map((f, i) => ({
        order: [para(k, f.paragraph), i] as const,
        finding: {
          ...f,
          id: suffix(f.id, k),
          paragraph: para(k, f.paragraph),
          footnote: f.footnote === null ? null : note(k, f.footnote),
          assertions: f.assertions.map((a) => ({ ...a })),
        },
      })),
    )
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])
    .map((x) => x.finding);

  return {
    formatVersion: source.formatVersion,
    report: {
      ...source.report,
      id: syntheticId(scale),
      title: `Synthetic benchmark report: the Beirut Progress Report repeated ${scale} times`,
      synthetic: true,
      preparedBy: {
        ...source.report.preparedBy,
        footnote:
          source.report.preparedBy.footnote === null ? null : note(0, source.report.preparedBy.footnote),
      },
      source: null,
      note:
        `Generated benchmark data, not a real report: scripts/generate-synthetic-report.ts repeated the ` +
        `${source.report.id} dataset ${scale} times (paragraphs, footnotes, findings and state mentions), ` +
        `renumbering paragraphs and footnotes. Its findings say nothing about any state.`,
    },
    sections: source.sections.map((s) => ({
      ...s,
      subheadings: s.subheadings.map((h) => ({ ...h, paragraphs: allCopies(h.paragraphs) })),
    })),
    paragraphs,
    footnotes: copies.flatMap((k) =>
      source.footnotes.map((f) => ({ ...f, number: note(k, f.number), paragraph: para(k, f.paragraph) })),
    ),
    states: source.states,
    actions: source.actions.map((a) => ({ ...a, paragraphs: allCopies(a.paragraphs) })),
    findings,
    discussionQuestions: copies.flatMap((k) =>
      source.discussionQuestions.map((q) => ({ ...q, paragraph: para(k, q.paragraph) })),
    ),
    discrepancies: copies.flatMap((k) =>
      source.discrepancies.map((d) => ({
        ...d,
        id: suffix(d.id, k),
        paragraphs: d.paragraphs.map((n) => para(k, n)),
        footnotes: d.footnotes.map((n) => note(k, n)),
        findings: d.findings.map((id) => suffix(id, k)),
      })),
    ),
    organisations: source.organisations.map((o) => ({
      ...o,
      roles: o.roles.map((r) => ({ ...r, paragraphs: r.paragraphs.map((n) => para(0, n)) })),
    })),
    useInstances: copies.flatMap((k) =>
      source.useInstances.map((u) => ({
        ...u,
        id: suffix(u.id, k),
        paragraphs: u.paragraphs.map((n) => para(k, n)),
      })),
    ),
  };
}

/**
 * Writes `synthetic-<scale>x.json` for each scale into `outDir` (skipping files already there
 * with the same content) and validates each with parseReportFile. Returns the file paths.
 */
export function writeSyntheticReports(scales: number[], outDir = DEFAULT_OUT_DIR): string[] {
  const source = parseReportFile(SOURCE_REPORT);
  fs.mkdirSync(outDir, { recursive: true, mode: 0o755 });
  return scales.map((scale) => {
    const file = path.join(outDir, `${syntheticId(scale)}.json`);
    const text = `${JSON.stringify(generateSyntheticReport(source, scale), null, 1)}\n`;
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
    parseReportFile(file); // throws a DatasetError naming the JSON path if the generator is wrong
    return file;
  });
}

function main(argv: string[]): void {
  const scales: number[] = [];
  let outDir = DEFAULT_OUT_DIR;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--scale") scales.push(Number(argv[++i]));
    else if (argv[i] === "--out") outDir = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (use --scale N, --out DIR)`);
  }
  for (const file of writeSyntheticReports(scales.length > 0 ? scales : [10, 100], outDir)) {
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as ReportDataset;
    const assertions = data.findings.reduce((n, f) => n + f.assertions.length, 0);
    console.log(
      `${path.relative(process.cwd(), file)}: ${data.paragraphs.length} paragraphs, ${data.footnotes.length} footnotes, ` +
        `${data.findings.length} findings, ${assertions} state mentions (valid)`,
    );
  }
}

if (require.main === module) main(process.argv.slice(2));
