import { sql } from "pg-sql2";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";

import type { Context } from "../context";
import { reportInScope } from "../graph/scope";
import { inReport } from "../graph/loaders";
import {
  type FootnoteRow,
  type ParagraphRow,
  type SectionRow,
  toFootnote,
  toParagraph,
} from "../structure/structure";
import {
  hitOrder,
  HITS_WITH_PARTS,
  SearchHit,
  type SearchHitKind,
  searchHits,
  searchText,
  SNIPPET,
} from "./search";

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
    const query = searchText(text, first);
    const scope = await reportInScope(ctx, report);
    const r = sql.value(scope.id);
    const [p, fn, h, sec] = ["p", "fn", "h", "sec"].map((name) => sql.identifier(name));
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
      sql`${searchHits(query, first, r)}
       SELECT ${h}.kind, ${h}.rank, ${SNIPPET}, ${h}.footnote_number, ${p}.report_id, ${p}.number, ${p}.section_key,
         ${p}.subheading, ${p}.text, ${fn}.anchor AS footnote_anchor, ${fn}.text AS footnote_text,
         ${sec}.numeral AS section_numeral, ${sec}.title AS section_title, ${sec}.position AS section_position
       FROM ${HITS_WITH_PARTS(r)}
       JOIN section ${sec} ON ${sec}.report_id = ${r} AND ${sec}.key = ${p}.section_key
       ORDER BY ${hitOrder()}`,
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
