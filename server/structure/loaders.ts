/** How the report's structure is read in batches: sections, paragraphs, footnotes, questions. */
import { sql } from "pg-sql2";

import { oneRow, rowsPer } from "../graph/loaders";
import { footnoteColumns, paragraphColumns, q, QUESTION_SECTION, QUESTION_SELECT } from "./sql";
import type {
  DiscussionQuestionRow,
  FootnoteRow,
  ParagraphRow,
  SectionRow,
  SubheadingRow,
} from "./structure";

const p = sql.identifier("p");
const fn = sql.identifier("fn");

export const section = oneRow<SectionRow, string>(
  (reportId, keys) =>
    sql`SELECT * FROM section WHERE report_id = ${sql.value(reportId)} AND key = ANY(${sql.value(keys)})`,
  (row) => row.key,
);

export const subheadingsBySection = rowsPer<SubheadingRow, string>(
  (reportId, keys) =>
    sql`SELECT * FROM subheading WHERE report_id = ${sql.value(reportId)} AND section_key = ANY(${sql.value(keys)})
      ORDER BY position`,
  (row) => [row.section_key],
);

export const paragraph = oneRow<ParagraphRow, number>(
  (reportId, numbers) =>
    sql`SELECT ${paragraphColumns(p)} FROM paragraph ${p}
      WHERE ${p}.report_id = ${sql.value(reportId)} AND ${p}.number = ANY(${sql.value(numbers)}::int[])`,
  (row) => row.number,
);

/** Which of a paragraph's parts a statement brings with it. */
export type ParagraphParts = "section" | "footnotes" | "both";

/** A paragraph with its section's row and its footnotes' rows, when read together. */
export type ParagraphWithPartsRow = ParagraphRow & {
  section_row?: SectionRow | null;
  footnote_rows?: FootnoteRow[];
};

/**
 * Paragraphs with their section and footnotes (as JSON) in the same statement: for a finding's
 * `paragraph { section footnotes }` when none are at hand, one round trip instead of three.
 */
export function paragraphWithParts(parts: ParagraphParts) {
  const sec = sql.identifier("sec");
  const x = sql.identifier("x");
  const section =
    parts === "footnotes"
      ? sql.blank
      : sql`, (SELECT row_to_json(${sec}) FROM section ${sec}
          WHERE ${sec}.report_id = ${p}.report_id AND ${sec}.key = ${p}.section_key) AS section_row`;
  const footnotes =
    parts === "section"
      ? sql.blank
      : sql`, (SELECT coalesce(json_agg(${x} ORDER BY ${x}.number), '[]') FROM (SELECT ${footnoteColumns(fn)}
          FROM footnote ${fn} WHERE ${fn}.report_id = ${p}.report_id AND ${fn}.paragraph_number = ${p}.number) ${x}
        ) AS footnote_rows`;
  return oneRow<ParagraphWithPartsRow, number>(
    (reportId, numbers) =>
      sql`SELECT ${paragraphColumns(p)}${section}${footnotes} FROM paragraph ${p}
        WHERE ${p}.report_id = ${sql.value(reportId)} AND ${p}.number = ANY(${sql.value(numbers)}::int[])`,
    (row) => row.number,
  );
}

export const paragraphsBySection = rowsPer<ParagraphRow, string>(
  (reportId, keys) =>
    sql`SELECT ${paragraphColumns(p)} FROM paragraph ${p}
      WHERE ${p}.report_id = ${sql.value(reportId)} AND ${p}.section_key = ANY(${sql.value(keys)}) ORDER BY ${p}.number`,
  (row) => [row.section_key],
);

export const footnote = oneRow<FootnoteRow, number>(
  (reportId, numbers) =>
    sql`SELECT ${footnoteColumns(fn)} FROM footnote ${fn}
      WHERE ${fn}.report_id = ${sql.value(reportId)} AND ${fn}.number = ANY(${sql.value(numbers)}::int[])`,
  (row) => row.number,
);

export const footnotesByParagraph = rowsPer<FootnoteRow, number>(
  (reportId, numbers) =>
    sql`SELECT ${footnoteColumns(fn)} FROM footnote ${fn}
      WHERE ${fn}.report_id = ${sql.value(reportId)} AND ${fn}.paragraph_number = ANY(${sql.value(numbers)}::int[])
      ORDER BY ${fn}.number`,
  (row) => [row.paragraph_number],
);

export const questionsBySection = rowsPer<DiscussionQuestionRow, string>(
  (reportId, keys) =>
    sql`${QUESTION_SELECT} WHERE ${q}.report_id = ${sql.value(reportId)} AND ${QUESTION_SECTION} = ANY(${sql.value(keys)})
      ORDER BY ${q}.position`,
  (row) => [row.section_key],
);

export const questionsByParagraph = rowsPer<DiscussionQuestionRow, number>(
  (reportId, numbers) =>
    sql`${QUESTION_SELECT} WHERE ${q}.report_id = ${sql.value(reportId)}
      AND ${q}.paragraph_number = ANY(${sql.value(numbers)}::int[]) ORDER BY ${q}.position`,
  (row) => [row.paragraph_number],
);

/** A question's key in its report: paragraph, letter and item, e.g. "26ai". */
export const questionKey = (
  row: Pick<DiscussionQuestionRow, "paragraph_number" | "letter" | "item">,
): string => `${row.paragraph_number}${row.letter}${row.item}`;

export const question = oneRow<DiscussionQuestionRow, string>(
  (reportId, keys) =>
    sql`${QUESTION_SELECT} WHERE ${q}.report_id = ${sql.value(reportId)}
      AND (${q}.paragraph_number::text || ${q}.letter || ${q}.item) = ANY(${sql.value(keys)})`,
  questionKey,
);
