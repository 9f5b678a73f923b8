import { type SQL, sql } from "pg-sql2";

/** The columns of a ParagraphRow of `p`: named, because the table also holds its search vector. */
export const paragraphColumns = (p: SQL): SQL =>
  sql`${p}.report_id, ${p}.number, ${p}.section_key, ${p}.subheading, ${p}.text`;

/** The columns of a FootnoteRow of `f` (the table also holds its search vector). */
export const footnoteColumns = (f: SQL): SQL =>
  sql`${f}.report_id, ${f}.number, ${f}.paragraph_number, ${f}.anchor, ${f}.text`;

export const q = sql.identifier("q");
const qp = sql.identifier("p");

/** Discussion questions (`q`) with the section of their paragraph. */
export const QUESTION_SELECT = sql`SELECT ${q}.*, ${qp}.section_key FROM discussion_question ${q}
  JOIN paragraph ${qp} ON ${qp}.report_id = ${q}.report_id AND ${qp}.number = ${q}.paragraph_number`;

/** The section key of a question of QUESTION_SELECT. */
export const QUESTION_SECTION = sql`${qp}.section_key`;
