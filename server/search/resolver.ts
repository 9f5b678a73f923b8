import { sql } from "pg-sql2";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";

import type { Context } from "../context";
import { userError } from "../errors";
import { reportInScope } from "../graph/scope";
import { inReport } from "../graph/loaders";
import {
  type FootnoteRow,
  type ParagraphRow,
  type SectionRow,
  toFootnote,
  toParagraph,
} from "../structure/structure";
import { SearchHit, type SearchHitKind } from "./search";

/** How ts_headline cuts and marks a snippet. */
const HEADLINE_OPTIONS = sql.literal(
  'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "',
);

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over paragraphs and footnotes (PostgreSQL, English stemming; supports "quoted phrases", OR and -exclusions), best first.',
  })
  async search(
    @Arg("text", () => String, { description: "What to look for, 1 to 200 characters." }) text: string,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: 10,
      description: "How many hits, 1 to 100 (default 10).",
    })
    first: number,
    @Arg("report", () => ID, { nullable: true, description: "The report; the current report if omitted." })
    report: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    const query = text.trim();
    if (query.length === 0 || query.length > 200) {
      throw userError("BAD_USER_INPUT", "search text must be 1 to 200 characters", { argument: "text" });
    }
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw userError("BAD_USER_INPUT", `first must be between 1 and 100, got ${first}`, {
        argument: "first",
      });
    }
    const scope = await reportInScope(ctx, report);
    const r = sql.value(scope.id);
    const [p, f, fn, h, sec] = ["p", "f", "fn", "h", "sec"].map((name) => sql.identifier(name));
    const rows = await ctx.db.query<
      ParagraphRow & {
        kind: SearchHitKind;
        rank: number;
        snippet: string;
        footnote_number: number | null;
        footnote_anchor: string | null;
        footnote_text: string | null;
        section_numeral: string | null;
        section_title: string;
        section_position: number;
      }
    >(
      // Rank and cut to the page first; highlight only the hits returned (ts_headline is costly).
      sql`WITH q AS (SELECT websearch_to_tsquery('english', ${sql.value(query)}) AS q),
       hits AS (
         SELECT * FROM (
           SELECT 'PARAGRAPH' AS kind, ${p}.number AS paragraph_number, NULL::int AS footnote_number,
             ts_rank(${p}.search, q.q) AS rank
           FROM paragraph ${p}, q WHERE ${p}.report_id = ${r} AND ${p}.search @@ q.q
           UNION ALL
           SELECT 'FOOTNOTE', ${f}.paragraph_number, ${f}.number, ts_rank(${f}.search, q.q)
           FROM footnote ${f}, q WHERE ${f}.report_id = ${r} AND ${f}.search @@ q.q
         ) ranked
         ORDER BY rank DESC, paragraph_number, footnote_number NULLS FIRST
         LIMIT ${sql.value(first)}
       )
       SELECT ${h}.kind, ${h}.rank, ts_headline('english', coalesce(${fn}.text, ${p}.text), q.q, ${HEADLINE_OPTIONS}) AS snippet,
         ${h}.footnote_number, ${p}.report_id, ${p}.number, ${p}.section_key, ${p}.subheading, ${p}.text,
         ${fn}.anchor AS footnote_anchor, ${fn}.text AS footnote_text,
         ${sec}.numeral AS section_numeral, ${sec}.title AS section_title, ${sec}.position AS section_position
       FROM hits ${h}
       CROSS JOIN q
       JOIN paragraph ${p} ON ${p}.report_id = ${r} AND ${p}.number = ${h}.paragraph_number
       JOIN section ${sec} ON ${sec}.report_id = ${r} AND ${sec}.key = ${p}.section_key
       LEFT JOIN footnote ${fn} ON ${fn}.report_id = ${r} AND ${fn}.number = ${h}.footnote_number
       ORDER BY ${h}.rank DESC, ${h}.paragraph_number, ${h}.footnote_number NULLS FIRST`,
    );
    // The hits' sections came along (a few small rows): `paragraph { section }` needs no statement.
    for (const row of rows) {
      const at = inReport(row.report_id, row.section_key);
      if (ctx.rows.shares("section", at)) continue;
      ctx.rows.prime("section", at, {
        report_id: row.report_id,
        key: row.section_key,
        numeral: row.section_numeral,
        title: row.section_title,
        position: row.section_position,
      } satisfies SectionRow);
    }
    return rows.map((row) =>
      Object.assign(new SearchHit(), {
        kind: row.kind,
        rank: row.rank,
        snippet: row.snippet,
        paragraph: toParagraph(row),
        footnote:
          row.footnote_number === null
            ? null
            : toFootnote({
                report_id: row.report_id,
                number: row.footnote_number,
                paragraph_number: row.number,
                anchor: row.footnote_anchor!,
                text: row.footnote_text!,
              } satisfies FootnoteRow),
      }),
    );
  }
}
