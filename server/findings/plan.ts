/** How PostgreSQL builds the JSON of findings, their assertions and citations (see graph/plan.ts). */
import { sql } from "pg-sql2";

import { column, globalId, type TypePlans } from "../graph/plan";
import { stateJson } from "../states/plan";
import { footnoteJson, paragraphJson } from "../structure/plan";

const fx = sql.identifier(Symbol("finding"));
const ax = sql.identifier(Symbol("assertion"));
const kx = sql.identifier(Symbol("kind"));

/** Fields of a `finding` row. */
export const FINDING_PLANS: TypePlans = {
  id: ({ row }) => globalId("Finding", sql`${row}.report_id || ':' || ${row}.id`),
  key: column("id"),
  paragraphNumber: column("paragraph_number"),
  footnoteNumber: column("footnote_number"),
  group: column("group"),
  theme: column("theme"),
  statedCount: column("stated_count"),
  statedCountText: column("stated_count_text"),
  listedCount: column("listed_count"),
  // The rule of toFinding (./finding.ts).
  countDiffers: ({ row }) =>
    sql`(${row}.stated_count IS NOT NULL AND ${row}.listed_count > 0 AND NOT ${row}.list_is_partial
      AND ${row}.stated_count <> ${row}.listed_count)`,
  unit: column("unit"),
  listIsPartial: column("list_is_partial"),
  articles: column("articles"),
  actionNumbers: column("actions"),
  quote: column("quote"),
  summary: column("summary"),
  note: column("note"),
  paragraph: paragraphJson,
  footnote: footnoteJson,
  assertions: ({ row, nodes, asOf, planner }) =>
    planner.list(
      "Assertion",
      nodes,
      sql`assertion ${ax} WHERE ${ax}.report_id = ${row}.report_id AND ${ax}.finding_id = ${row}.id`,
      ax,
      sql`${ax}.position`,
      asOf,
    ),
};

/** Fields of an `assertion` row. */
export const ASSERTION_PLANS: TypePlans = {
  kind: column("kind"),
  detail: column("detail"),
  description: ({ row }) =>
    sql`(SELECT ${kx}.description FROM assertion_kind ${kx} WHERE ${kx}.kind = ${row}.kind)`,
  state: ({ row, nodes, asOf, report, planner }) =>
    stateJson(planner, nodes, report, sql`${row}.state_code`, asOf, true),
  finding: ({ row, nodes, asOf, planner }) =>
    sql`(SELECT ${planner.object("Finding", nodes, fx, asOf)} FROM finding ${fx}
      WHERE ${fx}.report_id = ${row}.report_id AND ${fx}.id = ${row}.finding_id)`,
};

/** A citation of a `finding` row (citationOf, ./finding.ts). */
export const CITATION_PLANS: TypePlans = {
  reportId: column("report_id"),
  paragraph: column("paragraph_number"),
  footnote: column("footnote_number"),
  quote: column("quote"),
  findingKey: column("id"),
};
