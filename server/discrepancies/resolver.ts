import { sql } from "pg-sql2";
import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context";
import { Finding, toFinding } from "../findings/finding";
import { Connection, PageArgs, pageSql, pageWindow, toPage } from "../graph/connection";
import { inReport, present } from "../graph/loaders";
import { datedAll } from "../graph/dated";
import { reportInScope } from "../graph/scope";
import { statesOf } from "../states/objects";
import { State, type StateRow } from "../states/state";
import { Footnote, Paragraph, toFootnote, toParagraph } from "../structure/structure";
import { Discrepancy, type DiscrepancyRow, toDiscrepancy } from "./discrepancy";
import { DiscrepancyFilter, discrepancyCondition } from "./filter";

export const DiscrepancyConnection = Connection(Discrepancy, "Discrepancy", "discrepancy");

@ArgsType()
class DiscrepanciesArgs extends PageArgs {
  @Field(() => DiscrepancyFilter, { nullable: true, description: "Which discrepancies; all if omitted." })
  filter?: DiscrepancyFilter;
}

@Resolver(() => Discrepancy)
export class DiscrepancyResolver {
  @Query(() => DiscrepancyConnection, {
    description:
      "Where the report disagrees with itself or the depositary record, by kind, paragraph, footnote or state.",
  })
  async discrepancies(@Args(() => DiscrepanciesArgs) args: DiscrepanciesArgs, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, args.report);
    const window = pageWindow(args.first, args.after);
    const d = sql.identifier("d");
    const rows = await ctx.db.query<DiscrepancyRow & { total: number }>(
      pageSql({
        matched: sql`SELECT ${d}.* FROM discrepancy ${d}
          WHERE ${d}.report_id = ${sql.value(scope.id)} AND ${discrepancyCondition(args.filter, d)}`,
        alias: d,
        order: sql`${d}.position`,
        window,
      }),
    );
    return toPage(rows.filter((r) => r.id !== null).map(toDiscrepancy), window.offset, rows[0]?.total ?? 0);
  }

  @FieldResolver(() => [Paragraph], { description: "The paragraphs involved." })
  async paragraphs(@Root() d: Discrepancy, @Ctx() ctx: Context) {
    return datedAll(
      present(
        await ctx.loaders.paragraph.loadMany(d.paragraphNumbers.map((n) => inReport(d.reportId, n))),
      ).map(toParagraph),
      d,
    );
  }

  @FieldResolver(() => [Footnote], { description: "The footnotes involved." })
  async footnotes(@Root() d: Discrepancy, @Ctx() ctx: Context) {
    return datedAll(
      present(await ctx.loaders.footnote.loadMany(d.footnoteNumbers.map((n) => inReport(d.reportId, n)))).map(
        toFootnote,
      ),
      d,
    );
  }

  @FieldResolver(() => [State], { description: "The states involved." })
  async states(@Root() d: Discrepancy, @Ctx() ctx: Context) {
    const rows = ctx.loaders.state.loadMany(d.stateCodes.map((c) => inReport(d.reportId, c)));
    return statesOf(
      ctx,
      d.reportId,
      rows.then((list) => present<StateRow>(list)),
      d.asOf,
    );
  }

  @FieldResolver(() => [Finding], { description: "The findings involved." })
  async findings(@Root() d: Discrepancy, @Ctx() ctx: Context) {
    return datedAll(
      present(await ctx.loaders.finding.loadMany(d.findingKeys.map((k) => inReport(d.reportId, k)))).map(
        toFinding,
      ),
      d,
    );
  }
}
