import { type SQL, sql } from "pg-sql2";

/** Columns of a FindingRow for finding alias `f` (listed_count is stored at ingest). */
export function findingColumns(f: SQL): SQL {
  return sql`${f}.report_id, ${f}.id, ${f}.position, ${f}.paragraph_number, ${f}.footnote_number, ${f}."group",
    ${f}.theme, ${f}.stated_count, ${f}.stated_count_text, ${f}.unit, ${f}.list_is_partial, ${f}.articles,
    ${f}.actions, ${f}.quote, ${f}.summary, ${f}.note, ${f}.listed_count`;
}
