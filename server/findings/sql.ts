import { type SQL, sql } from "pg-sql2";

/**
 * Columns of a FindingRow for finding alias `f` (listed_count is stored at ingest). Without
 * `texts`, summary and note are NULL, unnamed: for JSON arrays of queries that ask for neither.
 */
export function findingColumns(f: SQL, texts = true): SQL {
  return sql`${f}.report_id, ${f}.id, ${f}.position, ${f}.paragraph_number, ${f}.footnote_number, ${f}."group",
    ${f}.theme, ${f}.stated_count, ${f}.stated_count_text, ${f}.unit, ${f}.list_is_partial, ${f}.articles,
    ${f}.actions, ${f}.quote, ${texts ? sql`${f}.summary, ${f}.note` : sql`NULL, NULL`}, ${f}.listed_count`;
}
