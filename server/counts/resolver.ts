import { LocalDateResolver } from "graphql-scalars";
import { sql } from "pg-sql2";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";

import type { Context } from "../context";
import { type FindingRow, toFinding } from "../findings/finding";
import { FindingFilter, findingCondition } from "../findings/filter";
import { findingColumns } from "../findings/sql";
import { deadlineCondition } from "../deadlines/filter";
import { reportInScope } from "../graph/scope";
import { StateFilter, stateCondition } from "../states/filter";
import { p, s, statusSql } from "../states/sql";
import {
  CountGroup,
  FACT_DIMENSIONS,
  FindingCountDimension,
  HeadlineFigure,
  StateCountDimension,
} from "./counts";

const reportArg = { nullable: true, description: "The report; the current report if omitted." } as const;

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
    const r = sql.value(scope.id);
    const date = sql.value(asOf ?? scope.finalised_on);
    const [m, x0] = [sql.identifier("m"), sql.identifier("x")];
    const matched = sql`SELECT ${s}.code, ${statusSql(date)} AS status
      FROM state ${s} LEFT JOIN participation ${p} ON ${p}.state_code = ${s}.code
      WHERE ${stateCondition(filter, { report: r, asOf: date })}`;
    if (groupBy === "STATUS") {
      return ctx.db.query<CountGroup>(
        sql`SELECT ${m}.status AS key, count(*) AS count FROM (${matched}) ${m} GROUP BY ${m}.status ORDER BY ${m}.status`,
      );
    }
    if (groupBy === "DEADLINE_YEAR") {
      const d = sql.identifier("d");
      return ctx.db.query<CountGroup>(
        sql`SELECT ${x0}.key, count(*) AS count
          FROM (SELECT DISTINCT ${d}.state_code, extract(year FROM ${d}.due_on)::int::text AS key FROM deadline ${d}
                WHERE ${d}.report_id = ${r} AND ${deadlineCondition(filter?.deadline, d, date)}) ${x0}
          JOIN (${matched}) ${m} ON ${m}.code = ${x0}.state_code
          GROUP BY 1 ORDER BY 1`,
      );
    }
    // The (state, group) pairs first, from the assertions whose kinds have the dimension (what
    // each kind means is read from the database, as filters and fields read it), then the
    // states that match: not every assertion of every matched state.
    const dimension = FACT_DIMENSIONS[groupBy];
    const [a, k, f, x] = ["a", "k", "f", "x"].map((name) => sql.identifier(name));
    const group = dimension.groupOf(k, f);
    const viaFinding = "viaFinding" in dimension;
    const withFinding = viaFinding
      ? sql`JOIN finding ${f} ON ${f}.report_id = ${a}.report_id AND ${f}.id = ${a}.finding_id`
      : sql.blank;
    // The kinds that have the dimension, read once for the statement: the assertions are then
    // found by kind on an index (assertion_by_kind_finding), not filtered one by one by meaning.
    const k2 = sql.identifier("k2");
    const ofKinds = viaFinding
      ? sql.blank
      : sql`AND ${a}.kind = ANY(ARRAY(SELECT ${k2}.kind FROM assertion_kind ${k2} WHERE ${dimension.groupOf(k2, f)} IS NOT NULL))`;
    return ctx.db.query<CountGroup>(
      sql`SELECT ${x}.key, count(*) AS count
        FROM (SELECT DISTINCT ${a}.state_code, ${group} AS key
              FROM assertion ${a}
              JOIN assertion_kind ${k} ON ${k}.kind = ${a}.kind
              ${withFinding}
              WHERE ${a}.report_id = ${r} ${ofKinds} AND ${group} IS NOT NULL) ${x}
        JOIN (${matched}) ${m} ON ${m}.code = ${x}.state_code
        GROUP BY 1 ORDER BY 1`,
    );
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
    const r = sql.value(scope.id);
    const [f, x, ka] = ["f", "x", "ka"].map((name) => sql.identifier(name));
    const condition = findingCondition(filter, { finding: f, report: r });
    // `once`: one row per finding, so count(*) counts findings (count(DISTINCT) sorts them all).
    const key = {
      THEME: { expr: sql`${f}.theme`, from: sql.blank, once: true },
      GROUP: { expr: sql`${f}."group"`, from: sql.blank, once: true },
      ARTICLE: {
        expr: sql`${x}.v::text`,
        from: sql`CROSS JOIN LATERAL unnest(${f}.articles) ${x}(v)`,
        once: false,
      },
      ACTION: { expr: sql`${x}.v`, from: sql`CROSS JOIN LATERAL unnest(${f}.actions) ${x}(v)`, once: false },
      ASSERTION_KIND: {
        expr: sql`${x}.kind`,
        from: sql`JOIN LATERAL (SELECT DISTINCT kind FROM assertion ${ka}
          WHERE ${ka}.report_id = ${f}.report_id AND ${ka}.finding_id = ${f}.id) ${x} ON true`,
        once: false,
      },
    }[groupBy];
    const count = key.once ? sql`count(*)` : sql`count(DISTINCT ${f}.id)`;
    const rows = await ctx.db.query<{ key: string | number; count: number }>(
      sql`SELECT ${key.expr} AS key, ${count} AS count FROM finding ${f} ${key.from}
        WHERE ${f}.report_id = ${r} AND ${condition} GROUP BY 1 ORDER BY 1`,
    );
    return rows.map((row) => ({ key: String(row.key), count: row.count }));
  }

  @Query(() => [HeadlineFigure], {
    description:
      "The report's headline figures: every count stated in its general trends (section I), in order, with sources.",
  })
  async headlineFigures(@Arg("report", () => ID, reportArg) report: string | undefined, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, report);
    const [f, par] = [sql.identifier("f"), sql.identifier("p")];
    const rows = await ctx.db.query<FindingRow>(
      sql`SELECT ${findingColumns(f)} FROM finding ${f}
        JOIN paragraph ${par} ON ${par}.report_id = ${f}.report_id AND ${par}.number = ${f}.paragraph_number
        WHERE ${f}.report_id = ${sql.value(scope.id)} AND ${par}.section_key = 'I' AND ${f}.stated_count IS NOT NULL
        ORDER BY ${f}.position`,
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
}
