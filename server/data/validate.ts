/**
 * Reads and validates dataset files: first the zod schema of ./format.ts, then the semantic
 * checks a schema cannot express (unique numbers and ids, contiguous numbering, references
 * between paragraphs, footnotes, findings and states, verbatim quotes and anchors).
 *
 * Every failure is a DatasetError naming the file and the JSON path of the offending value:
 *   server/data/x.json: $.findings[12].footnote: footnote 99 does not exist
 */
import { readFileSync } from "node:fs";
import { getAlpha3Codes } from "i18n-iso-countries";
import type { z } from "zod";
import { ASSERTION_MEANINGS, type AssertionMeanings } from "../vocabulary";
import { participantsSchema, reportDatasetSchema, type Participant, type ReportDataset } from "./format";

type JsonPath = (string | number)[];

export class DatasetError extends Error {
  /** The file as it was passed to the parser. */
  readonly file: string;
  /** JSON path of the offending value, e.g. "$.findings[12].assertions[0].state". */
  readonly path: string;
  /** The problem without file and path, e.g. "footnote 99 does not exist". */
  readonly detail: string;
  /** Every problem found (the first is the one in `message`). */
  readonly issues: { path: string; detail: string }[];

  constructor(file: string, issues: { path: string; detail: string }[]) {
    const [first] = issues;
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
    super(`${file}: ${first.path}: ${first.detail}${more}`);
    this.name = "DatasetError";
    this.file = file;
    this.path = first.path;
    this.detail = first.detail;
    this.issues = issues;
  }
}

/** ["findings", 12, "assertions", 0, "state"] -> "$.findings[12].assertions[0].state" */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${out}.${name}` : `${out}[${JSON.stringify(name)}]`;
  }, "$");
}

/** Collapses runs of whitespace to single spaces, for comparing quotes with texts. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Expands action references (numbers and "33-36" ranges) to sorted unique action numbers. */
export function expandActions(refs: readonly (number | string)[]): number[] {
  const out = new Set<number>();
  for (const ref of refs) {
    if (typeof ref === "number") {
      out.add(ref);
      continue;
    }
    const m = /^(\d+)-(\d+)$/.exec(ref);
    if (!m) throw new Error(`not an action reference: ${JSON.stringify(ref)}`);
    const [from, to] = [Number(m[1]), Number(m[2])];
    if (from > to) throw new Error(`action range ${ref} runs backwards`);
    for (let n = from; n <= to; n++) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (e) {
    throw new DatasetError(file, [{ path: "$", detail: `cannot read file: ${(e as Error).message}` }]);
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new DatasetError(file, [{ path: "$", detail: `invalid JSON: ${(e as Error).message}` }]);
  }
}

function schemaIssues(error: z.ZodError): { path: string; detail: string }[] {
  return error.issues.map((issue) => {
    const path: PropertyKey[] = [...issue.path];
    // Point at the unknown key itself rather than at the object holding it.
    if (issue.code === "unrecognized_keys" && issue.keys.length > 0) path.push(issue.keys[0]);
    return { path: jsonPath(path), detail: issue.message };
  });
}

function parseWith<T>(file: string, schema: z.ZodType<T>, check: (data: T, issue: Issue) => void): T {
  const json = readJson(file);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new DatasetError(file, schemaIssues(parsed.error));
  const issues: { path: string; detail: string }[] = [];
  check(parsed.data, (path, detail) => issues.push({ path: jsonPath(path), detail }));
  if (issues.length > 0) throw new DatasetError(file, issues);
  return parsed.data;
}

type Issue = (path: JsonPath, detail: string) => void;

/** Reports each value of `key` that occurs more than once in the list at `list` (at its second occurrence). */
function unique<T>(
  items: readonly T[],
  list: JsonPath,
  field: string,
  key: (item: T) => unknown,
  issue: Issue,
  what: string,
) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = JSON.stringify(key(item));
    const first = seen.get(k);
    if (first !== undefined)
      issue(
        [...list, i, field],
        `duplicate ${what} ${k.replace(/^"|"$/g, "")} (also at ${jsonPath([...list, first])})`,
      );
    else seen.set(k, i);
  });
}

/** Reports a list whose numbers are not exactly 1, 2, 3, ... in order. */
function contiguous(items: readonly { number: number }[], list: string, issue: Issue, what: string) {
  for (let i = 0; i < items.length; i++) {
    if (items[i].number !== i + 1) {
      issue(
        [list, i, "number"],
        `${what}s must be numbered 1..${items.length} in order: expected ${what} ${i + 1}, found ${items[i].number}`,
      );
      return;
    }
  }
}

const meanings: AssertionMeanings = ASSERTION_MEANINGS;

function checkReport(data: ReportDataset, issue: Issue): void {
  const alpha3 = getAlpha3Codes();

  // Unique keys.
  unique(data.sections, ["sections"], "key", (s) => s.key, issue, "section");
  unique(data.paragraphs, ["paragraphs"], "number", (p) => p.number, issue, "paragraph");
  unique(data.footnotes, ["footnotes"], "number", (f) => f.number, issue, "footnote");
  unique(data.states, ["states"], "code", (s) => s.code, issue, "state");
  unique(data.actions, ["actions"], "number", (a) => a.number, issue, "action");
  unique(data.findings, ["findings"], "id", (f) => f.id, issue, "finding");
  unique(data.discrepancies, ["discrepancies"], "id", (d) => d.id, issue, "discrepancy");
  unique(data.organisations, ["organisations"], "key", (o) => o.key, issue, "organisation");
  unique(data.useInstances, ["useInstances"], "id", (u) => u.id, issue, "use instance");
  unique(
    data.discussionQuestions,
    ["discussionQuestions"],
    "letter",
    (q) => [q.paragraph, q.letter, q.item],
    issue,
    "discussion question",
  );
  contiguous(data.paragraphs, "paragraphs", issue, "paragraph");
  contiguous(data.footnotes, "footnotes", issue, "footnote");

  const paragraphs = new Map(data.paragraphs.map((p) => [p.number, p]));
  const footnotes = new Map(data.footnotes.map((f) => [f.number, f]));
  const findings = new Set(data.findings.map((f) => f.id));
  const sections = new Map(data.sections.map((s, i) => [s.key, i]));

  // States: real ISO 3166-1 alpha-3 codes; a spelling names one state only.
  const spellings = new Map<string, string>();
  data.states.forEach((s, i) => {
    if (!(s.code in alpha3))
      issue(["states", i, "code"], `${s.code} is not an ISO 3166-1 alpha-3 country code`);
    if (s.spellings.length === 0 && s.note === null)
      issue(
        ["states", i, "note"],
        `${s.code} has no spelling: its note must say why a state the report never names is declared`,
      );
    s.spellings.forEach((sp, j) => {
      const other = spellings.get(sp);
      if (other !== undefined && other !== s.code)
        issue(["states", i, "spellings", j], `spelling "${sp}" is already used by ${other}`);
      spellings.set(sp, s.code);
    });
  });
  const states = new Set(data.states.map((s) => s.code));
  const state = (path: JsonPath, code: string | null) => {
    if (code !== null && !states.has(code)) issue(path, `state ${code} is not declared in $.states`);
  };
  const paragraph = (path: JsonPath, n: number) => {
    if (!paragraphs.has(n)) issue(path, `paragraph ${n} does not exist`);
  };
  const footnote = (path: JsonPath, n: number) => {
    if (!footnotes.has(n)) issue(path, `footnote ${n} does not exist`);
  };
  const actionRefs = (path: JsonPath, refs: readonly (number | string)[]) =>
    refs.forEach((ref, i) => {
      if (typeof ref === "number") return;
      const [from, to] = ref.split("-").map(Number);
      if (from < 1 || to > 66) issue([...path, i], `action range ${ref} is outside the actions #1-66`);
      else if (from > to) issue([...path, i], `action range ${ref} runs backwards`);
    });

  // Report metadata.
  state(["report", "submittedBy", "state"], data.report.submittedBy.state);
  state(["report", "preparedBy", "state"], data.report.preparedBy.state);
  if (data.report.preparedBy.footnote !== null)
    footnote(["report", "preparedBy", "footnote"], data.report.preparedBy.footnote);
  if (data.report.period.from > data.report.period.to)
    issue(
      ["report", "period", "to"],
      `period ends (${data.report.period.to}) before it starts (${data.report.period.from})`,
    );

  // Sections and sub-headings: each paragraph names an existing section, sections follow the
  // paragraphs' order, and each section's sub-heading lists cover exactly its paragraphs that
  // stand under a sub-heading (a paragraph is listed under the sub-heading it names; an outer
  // sub-heading such as "Actions #33-36" may list paragraphs whose own sub-heading is an inner one).
  let lastSection = 0;
  data.paragraphs.forEach((p, i) => {
    const at = sections.get(p.section);
    if (at === undefined) return issue(["paragraphs", i, "section"], `section ${p.section} does not exist`);
    if (at < lastSection)
      issue(
        ["paragraphs", i, "section"],
        `paragraph ${p.number} in section ${p.section} comes after section ${data.sections[lastSection].key}`,
      );
    lastSection = Math.max(lastSection, at);
    if (p.subheading === null) return;
    const listed = data.sections[at].subheadings.some(
      (s) => s.title === p.subheading && s.paragraphs.includes(p.number),
    );
    if (!listed)
      issue(
        ["paragraphs", i, "subheading"],
        `no sub-heading "${p.subheading}" of section ${p.section} lists paragraph ${p.number}`,
      );
  });
  data.sections.forEach((s, i) => {
    if ((s.key === "intro") !== (s.numeral === null) || (s.numeral !== null && s.numeral !== s.key))
      issue(
        ["sections", i, "numeral"],
        `section ${s.key} must have numeral ${s.key === "intro" ? "null" : s.key}`,
      );
    s.subheadings.forEach((sub, j) =>
      sub.paragraphs.forEach((n, k) => {
        const p = paragraphs.get(n);
        if (!p) issue(["sections", i, "subheadings", j, "paragraphs", k], `paragraph ${n} does not exist`);
        else if (p.section !== s.key)
          issue(
            ["sections", i, "subheadings", j, "paragraphs", k],
            `paragraph ${n} belongs to section ${p.section}, not ${s.key}`,
          );
        else if (p.subheading === null)
          issue(
            ["sections", i, "subheadings", j, "paragraphs", k],
            `paragraph ${n} stands under no sub-heading`,
          );
      }),
    );
  });

  // Footnotes: the marker's paragraph exists and the anchor is a verbatim part of its text.
  data.footnotes.forEach((f, i) => {
    const p = paragraphs.get(f.paragraph);
    if (!p) return issue(["footnotes", i, "paragraph"], `paragraph ${f.paragraph} does not exist`);
    if (!collapse(p.text).includes(collapse(f.anchor)))
      issue(
        ["footnotes", i, "anchor"],
        `anchor "${f.anchor}" is not in the text of paragraph ${f.paragraph}`,
      );
  });

  data.actions.forEach((a, i) =>
    a.paragraphs.forEach((n, j) => paragraph(["actions", i, "paragraphs", j], n)),
  );
  data.discussionQuestions.forEach((q, i) => paragraph(["discussionQuestions", i, "paragraph"], q.paragraph));

  // Findings.
  data.findings.forEach((f, i) => {
    const p = paragraphs.get(f.paragraph);
    if (!p) issue(["findings", i, "paragraph"], `paragraph ${f.paragraph} does not exist`);
    const fn = f.footnote === null ? undefined : footnotes.get(f.footnote);
    if (f.footnote !== null && !fn)
      issue(["findings", i, "footnote"], `footnote ${f.footnote} does not exist`);
    if (fn && fn.paragraph !== f.paragraph)
      issue(
        ["findings", i, "footnote"],
        `footnote ${fn.number} belongs to paragraph ${fn.paragraph}, not ${f.paragraph}`,
      );
    const quote = collapse(f.quote);
    if (p && !collapse(p.text).includes(quote) && !(fn && collapse(fn.text).includes(quote)))
      issue(
        ["findings", i, "quote"],
        `quote is not in the text of paragraph ${f.paragraph}${fn ? ` or footnote ${fn.number}` : ""}`,
      );
    if (f.statedCount !== null && f.statedCountText === null)
      issue(
        ["findings", i, "statedCountText"],
        `statedCount ${f.statedCount} needs the report's wording in statedCountText`,
      );
    if (f.listIsPartial && f.assertions.length === 0)
      issue(["findings", i, "listIsPartial"], "a partial list needs at least one listed state");
    f.assertions.forEach((a, j) => {
      state(["findings", i, "assertions", j, "state"], a.state);
      const extends_ = meanings[a.kind].deadline?.effect === "EXTENDED";
      if (extends_ && a.until === null)
        issue(["findings", i, "assertions", j, "until"], `${a.kind} needs the new deadline in until`);
      if (!extends_ && a.until !== null)
        issue(["findings", i, "assertions", j, "until"], `${a.kind} extends no deadline: until must be null`);
    });
    if (f.deadlineCheck && f.statedCount === null)
      issue(["findings", i, "deadlineCheck"], "a deadline check needs the report's count in statedCount");
    unique(f.assertions, ["findings", i, "assertions"], "kind", (a) => [a.state, a.kind], issue, "assertion");
    actionRefs(["findings", i, "actions"], f.actions);
  });

  // Discrepancies.
  data.discrepancies.forEach((d, i) => {
    d.paragraphs.forEach((n, j) => paragraph(["discrepancies", i, "paragraphs", j], n));
    d.footnotes.forEach((n, j) => footnote(["discrepancies", i, "footnotes", j], n));
    d.states.forEach((code, j) => state(["discrepancies", i, "states", j], code));
    d.findings.forEach((id, j) => {
      if (!findings.has(id)) issue(["discrepancies", i, "findings", j], `finding ${id} does not exist`);
    });
  });

  data.organisations.forEach((o, i) =>
    o.roles.forEach((r, j) =>
      r.paragraphs.forEach((n, k) => paragraph(["organisations", i, "roles", j, "paragraphs", k], n)),
    ),
  );

  data.useInstances.forEach((u, i) => {
    state(["useInstances", i, "user"], u.user);
    state(["useInstances", i, "territory"], u.territory);
    if (u.user === null && u.territory === null)
      issue(["useInstances", i], "a use instance needs a user or a territory");
    u.paragraphs.forEach((n, j) => paragraph(["useInstances", i, "paragraphs", j], n));
  });
}

function checkParticipants(data: Participant[], issue: Issue): void {
  const alpha3 = getAlpha3Codes();
  unique(data, [], "iso3", (p) => p.iso3, issue, "state");
  data.forEach((p, i) => {
    if (!(p.iso3 in alpha3)) issue([i, "iso3"], `${p.iso3} is not an ISO 3166-1 alpha-3 country code`);
    if (p.joined === null && p.joinedBy !== null) issue([i, "joinedBy"], "joinedBy without a joined date");
    if (p.joined !== null && p.joinedBy === null) issue([i, "joinedBy"], "a joined date needs joinedBy");
    if (p.signed === null && p.joined === null) issue([i], "a participant must have signed or joined");
    if (p.signed !== null && p.joined !== null && p.joined < p.signed)
      issue([i, "joined"], `joined ${p.joined} before signing ${p.signed}`);
    if (p.joinedBy === "accession" && p.signed !== null)
      issue([i, "joinedBy"], "a signatory joins by ratification, acceptance or approval, not accession");
    if (p.withdrawalEffective !== null && (p.joined === null || p.withdrawalEffective <= p.joined))
      issue([i, "withdrawalEffective"], "withdrawal must follow joining");
  });
}

/** Reads, validates and returns a report dataset; throws DatasetError naming the file and JSON path. */
export function parseReportFile(path: string): ReportDataset {
  return parseWith(path, reportDatasetSchema, checkReport);
}

/** Reads, validates and returns the treaty participation table (ccm-participants.json). */
export function parseParticipantsFile(path: string): Participant[] {
  return parseWith(path, participantsSchema, checkParticipants);
}
