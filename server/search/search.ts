import { type SQL, sql } from "pg-sql2";
import { Field, Float, ObjectType, registerEnumType } from "type-graphql";

import { userError } from "../errors";

import { Footnote, Paragraph } from "../structure/structure";

export const SearchHitKind = { PARAGRAPH: "PARAGRAPH", FOOTNOTE: "FOOTNOTE" } as const;
export type SearchHitKind = keyof typeof SearchHitKind;
registerEnumType(SearchHitKind, {
  name: "SearchHitKind",
  description: "Where a search hit was found.",
  valuesConfig: {
    PARAGRAPH: { description: "In a paragraph's text." },
    FOOTNOTE: { description: "In a footnote's text." },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: "A paragraph or footnote matching a full-text search, ranked, with a highlighted snippet.",
})
export class SearchHit {
  @Field(() => SearchHitKind, { description: "Whether the hit is a paragraph or a footnote." })
  kind!: SearchHitKind;

  @Field(() => Float, { description: "PostgreSQL full-text rank (ts_rank); higher is better." })
  rank!: number;

  @Field(() => String, { description: "The matching passage with matches wrapped in <mark>...</mark>." })
  snippet!: string;

  @Field(() => Paragraph, { description: "The paragraph hit, or the paragraph of the footnote hit." })
  paragraph!: Paragraph;

  @Field(() => Footnote, { nullable: true, description: "The footnote hit, if the hit is a footnote." })
  footnote!: Footnote | null;
}

/** The search text, trimmed, once `text` and `first` are checked (a BAD_USER_INPUT error otherwise). */
export function searchText(text: string, first: number): string {
  const query = text.trim();
  if (query.length === 0 || query.length > 200) {
    throw userError("BAD_USER_INPUT", "search text must be 1 to 200 characters", { argument: "text" });
  }
  if (!Number.isInteger(first) || first < 1 || first > 100) {
    throw userError("BAD_USER_INPUT", `first must be between 1 and 100, got ${first}`, { argument: "first" });
  }
  return query;
}

/** How ts_headline cuts and marks a snippet. */
const HEADLINE_OPTIONS = sql.literal(
  'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "',
);

const [p, f, fn, h] = ["p", "f", "fn", "h"].map((name) => sql.identifier(name));

/**
 * The query `q` and its best `first` hits in report `report` (`hits`: kind, paragraph_number,
 * footnote_number, rank), as the WITH clause of a statement: ranked and cut to the page first,
 * so that only the hits returned are highlighted (ts_headline is costly).
 */
export function searchHits(query: string, first: number, report: SQL): SQL {
  return sql`WITH q AS (SELECT websearch_to_tsquery('english', ${sql.value(query)}) AS q),
    hits AS (
      SELECT * FROM (
        SELECT 'PARAGRAPH' AS kind, ${p}.number AS paragraph_number, NULL::int AS footnote_number,
          ts_rank(${p}.search, q.q) AS rank
        FROM paragraph ${p}, q WHERE ${p}.report_id = ${report} AND ${p}.search @@ q.q
        UNION ALL
        SELECT 'FOOTNOTE', ${f}.paragraph_number, ${f}.number, ts_rank(${f}.search, q.q)
        FROM footnote ${f}, q WHERE ${f}.report_id = ${report} AND ${f}.search @@ q.q
      ) ranked
      ORDER BY rank DESC, paragraph_number, footnote_number NULLS FIRST
      LIMIT ${sql.value(first)}
    )`;
}

/** The hits `h` with their paragraph `p` and footnote `fn` (a FROM clause after searchHits). */
export const HITS_WITH_PARTS = (report: SQL): SQL => sql`hits ${h} CROSS JOIN q
  JOIN paragraph ${p} ON ${p}.report_id = ${report} AND ${p}.number = ${h}.paragraph_number
  LEFT JOIN footnote ${fn} ON ${fn}.report_id = ${report} AND ${fn}.number = ${h}.footnote_number`;

/** A hit's snippet, from HITS_WITH_PARTS. */
export const SNIPPET = sql`ts_headline('english', coalesce(${fn}.text, ${p}.text), q.q, ${HEADLINE_OPTIONS}) AS snippet`;

/** Hits `hit` (of `hits`, or a row with its columns) best first, then in report order. */
export const hitOrder = (hit: SQL = h): SQL =>
  sql`${hit}.rank DESC, ${hit}.paragraph_number, ${hit}.footnote_number NULLS FIRST`;
