import { LocalDateResolver } from "graphql-scalars";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";

import type { Context } from "../context";
import {
  CountGroup,
  FindingCountDimension,
  HeadlineFigure,
  SearchHit,
  type SearchHitKind,
  StateCountDimension,
} from "../domain/counts";
import { findingColumns, type FindingRow, toFinding } from "../domain/finding";
import { statusSql } from "../domain/state";
import { type FootnoteRow, type ParagraphRow, toFootnote, toParagraph } from "../domain/structure";
import { userError } from "../errors";
import { findingCondition, Params, stateCondition } from "../filters/compile";
import { FindingFilter, StateFilter } from "../filters/inputs";
import { reportInScope } from "./scope";

const reportArg = { nullable: true, description: "The report; the current report if omitted." } as const;

/** The assertion_kind column each fact dimension groups by. */
const FACT_COLUMN: Partial<Record<StateCountDimension, string>> = {
  OBLIGATION_ARTICLE: "CASE WHEN k.obligation_status = 'OPERATIVE' THEN k.article::text END",
  STOCKPILE_STATUS: "k.stockpile_status",
  NEED_AREA: "k.need_area",
  ASSISTANCE_PROVIDED: "k.assistance_kind",
  LEGISLATION_STATUS: "k.legislation_status",
  FINDING_THEME: "f.theme",
};

@Resolver()
export class CountsResolver {
  @Query(() => [CountGroup], {
    description:
      'How many states fall in each group of a dimension, under an optional filter and date. E.g. `stateCounts(groupBy: STATUS, asOf: "2011-08-20")` gives 60 STATE_PARTY and 49 SIGNATORY.',
  })
  async stateCounts(
    @Arg("groupBy", () => StateCountDimension, { description: "The dimension to group by." })
    groupBy: StateCountDimension,
    @Arg("filter", () => StateFilter, { nullable: true, description: "Only states matching this." })
    filter: StateFilter | undefined,
    @Arg("asOf", () => LocalDateResolver, {
      nullable: true,
      description: "The date for status (default: the report's date).",
    })
    asOf: string | undefined,
    @Arg("report", () => ID, reportArg) report: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<CountGroup[]> {
    const scope = await reportInScope(ctx, report);
    const params = new Params();
    const r = params.lazy(scope.id);
    const date = params.lazy(asOf ?? scope.finalised_on);
    const condition = stateCondition(filter, { params, report: r, asOf: date });
    const matched = `SELECT s.code, ${statusSql(date)} AS status FROM state s LEFT JOIN participation p ON p.state_code = s.code WHERE ${condition}`;
    const sql =
      groupBy === "STATUS"
        ? `SELECT m.status AS key, count(*) AS count FROM (${matched}) m GROUP BY m.status ORDER BY m.status`
        : // The (state, group) pairs first, from the assertions of the kinds that have the dimension
          // (an index range per kind), then the states that match: not every assertion of every
          // matched state.
          `SELECT x.key, count(*) AS count
           FROM (SELECT DISTINCT a.state_code, ${FACT_COLUMN[groupBy]} AS key
                 FROM assertion a
                 JOIN assertion_kind k ON k.kind = a.kind
                 ${groupBy === "FINDING_THEME" ? "JOIN finding f ON f.report_id = a.report_id AND f.id = a.finding_id" : ""}
                 WHERE a.report_id = ${r} AND ${FACT_COLUMN[groupBy]} IS NOT NULL) x
           JOIN (${matched}) m ON m.code = x.state_code
           GROUP BY 1 ORDER BY 1`;
    return ctx.sql.query<CountGroup>(sql, params.values);
  }

  @Query(() => [CountGroup], {
    description: "How many findings fall in each group of a dimension, under an optional filter.",
  })
  async findingCounts(
    @Arg("groupBy", () => FindingCountDimension, { description: "The dimension to group by." })
    groupBy: FindingCountDimension,
    @Arg("filter", () => FindingFilter, { nullable: true, description: "Only findings matching this." })
    filter: FindingFilter | undefined,
    @Arg("report", () => ID, reportArg) report: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<CountGroup[]> {
    const scope = await reportInScope(ctx, report);
    const params = new Params();
    const r = params.add(scope.id);
    const condition = findingCondition(filter, { params, report: r });
    // `once`: one row per finding, so count(*) counts findings (count(DISTINCT) sorts them all).
    const key = {
      THEME: { expr: "f.theme", from: "", once: true },
      GROUP: { expr: `f."group"`, from: "", once: true },
      ARTICLE: { expr: "x.v::text", from: "CROSS JOIN LATERAL unnest(f.articles) x(v)" },
      ACTION: { expr: "x.v", from: "CROSS JOIN LATERAL unnest(f.actions) x(v)" },
      ASSERTION_KIND: {
        expr: "x.kind",
        from: "JOIN LATERAL (SELECT DISTINCT kind FROM assertion ka WHERE ka.report_id = f.report_id AND ka.finding_id = f.id) x ON true",
      },
    }[groupBy];
    const rows = await ctx.sql.query<{ key: string | number; count: number }>(
      `SELECT ${key.expr} AS key, ${"once" in key ? "count(*)" : "count(DISTINCT f.id)"} AS count FROM finding f ${key.from}
       WHERE f.report_id = ${r} AND ${condition} GROUP BY 1 ORDER BY 1`,
      params.values,
    );
    return rows.map((row) => ({ key: String(row.key), count: row.count }));
  }

  @Query(() => [HeadlineFigure], {
    description:
      "The report's headline figures: every count stated in its general trends (section I), in order, with sources.",
  })
  async headlineFigures(@Arg("report", () => ID, reportArg) report: string | undefined, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, report);
    const rows = await ctx.sql.query<FindingRow>(
      `SELECT ${findingColumns("f")} FROM finding f
       JOIN paragraph p ON p.report_id = f.report_id AND p.number = f.paragraph_number
       WHERE f.report_id = $1 AND p.section_key = 'I' AND f.stated_count IS NOT NULL
       ORDER BY f.position`,
      [scope.id],
    );
    return rows.map((row) =>
      Object.assign(new HeadlineFigure(), {
        value: row.stated_count!,
        text: row.stated_count_text ?? String(row.stated_count),
        summary: row.summary,
        unit: row.unit,
        finding: toFinding(row),
      }),
    );
  }

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
    @Arg("report", () => ID, reportArg) report: string | undefined,
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
    const headline = `'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "'`;
    const rows = await ctx.sql.query<
      ParagraphRow & {
        kind: SearchHitKind;
        rank: number;
        snippet: string;
        footnote_number: number | null;
        footnote_anchor: string | null;
        footnote_text: string | null;
      }
    >(
      // Rank and cut to the page first; highlight only the hits returned (ts_headline is costly).
      `WITH q AS (SELECT websearch_to_tsquery('english', $2) AS q),
       hits AS (
         SELECT * FROM (
           SELECT 'PARAGRAPH' AS kind, p.number AS paragraph_number, NULL::int AS footnote_number,
             ts_rank(p.search, q.q) AS rank
           FROM paragraph p, q WHERE p.report_id = $1 AND p.search @@ q.q
           UNION ALL
           SELECT 'FOOTNOTE', f.paragraph_number, f.number, ts_rank(f.search, q.q)
           FROM footnote f, q WHERE f.report_id = $1 AND f.search @@ q.q
         ) ranked
         ORDER BY rank DESC, paragraph_number, footnote_number NULLS FIRST
         LIMIT $3
       )
       SELECT h.kind, h.rank, ts_headline('english', coalesce(fn.text, p.text), q.q, ${headline}) AS snippet,
         h.footnote_number, p.report_id, p.number, p.section_key, p.subheading, p.text,
         fn.anchor AS footnote_anchor, fn.text AS footnote_text
       FROM hits h
       CROSS JOIN q
       JOIN paragraph p ON p.report_id = $1 AND p.number = h.paragraph_number
       LEFT JOIN footnote fn ON fn.report_id = $1 AND fn.number = h.footnote_number
       ORDER BY h.rank DESC, h.paragraph_number, h.footnote_number NULLS FIRST`,
      [scope.id, query, first],
    );
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
