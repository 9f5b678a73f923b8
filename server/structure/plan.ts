/** How PostgreSQL builds the JSON of paragraphs, sections and footnotes (see graph/plan.ts). */
import { sql } from "pg-sql2";

import { column, type FieldPlan, globalId, type TypePlans } from "../graph/plan";

const px = sql.identifier(Symbol("paragraph"));
const sx = sql.identifier(Symbol("section"));
const fx = sql.identifier(Symbol("footnote"));

const key = (row: ReturnType<typeof sql.identifier>, local: string) =>
  sql`${row}.report_id || ':' || ${row}.${sql.identifier(local)}`;

export const PARAGRAPH_PLANS: TypePlans = {
  id: ({ row }) => globalId("Paragraph", key(row, "number")),
  number: column("number"),
  subheading: column("subheading"),
  text: column("text"),
  section: ({ row, nodes, asOf, planner }) =>
    sql`(SELECT ${planner.object("Section", nodes, sx, asOf)} FROM section ${sx}
      WHERE ${sx}.report_id = ${row}.report_id AND ${sx}.key = ${row}.section_key)`,
  footnotes: ({ row, nodes, asOf, planner }) =>
    planner.list(
      "Footnote",
      nodes,
      sql`footnote ${fx} WHERE ${fx}.report_id = ${row}.report_id AND ${fx}.paragraph_number = ${row}.number`,
      fx,
      sql`${fx}.number`,
      asOf,
    ),
};

export const SECTION_PLANS: TypePlans = {
  id: ({ row }) => globalId("Section", key(row, "key")),
  key: column("key"),
  numeral: column("numeral"),
  title: column("title"),
  position: column("position"),
};

export const FOOTNOTE_PLANS: TypePlans = {
  id: ({ row }) => globalId("Footnote", key(row, "number")),
  number: column("number"),
  text: column("text"),
  anchor: column("anchor"),
  paragraphNumber: column("paragraph_number"),
};

/** A paragraph of the report, by number, as JSON (for a finding's `paragraph`). */
export const paragraphJson: FieldPlan = ({ row, nodes, asOf, planner }) =>
  sql`(SELECT ${planner.object("Paragraph", nodes, px, asOf)} FROM paragraph ${px}
    WHERE ${px}.report_id = ${row}.report_id AND ${px}.number = ${row}.paragraph_number)`;

/** A footnote by number, as JSON or null (for a finding's `footnote`). */
export const footnoteJson: FieldPlan = ({ row, nodes, asOf, planner }) =>
  sql`(SELECT ${planner.object("Footnote", nodes, fx, asOf)} FROM footnote ${fx}
    WHERE ${fx}.report_id = ${row}.report_id AND ${fx}.number = ${row}.footnote_number)`;
