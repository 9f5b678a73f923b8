import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context";
import { Connection, PageArgs, pageSql, pageWindow, toPage } from "../domain/connection";
import { Discrepancy, type DiscrepancyRow, toDiscrepancy } from "../domain/discrepancy";
import { Finding, toFinding } from "../domain/finding";
import { State, type StateRow } from "../domain/state";
import { Footnote, Paragraph, toFootnote, toParagraph } from "../domain/structure";
import { discrepancyCondition, Params } from "../filters/compile";
import { DiscrepancyFilter } from "../filters/inputs";
import { present, scopedKey } from "../loaders";
import { statesOf } from "./finding";
import { datedAll, reportInScope } from "./scope";

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
    const { limit, offset } = pageWindow(args.first, args.after);
    const params = new Params();
    const report = params.add(scope.id);
    const condition = discrepancyCondition(args.filter, params);
    const rows = await ctx.sql.query<DiscrepancyRow & { total: number }>(
      pageSql({
        matched: `SELECT d.* FROM discrepancy d WHERE d.report_id = ${report} AND ${condition}`,
        alias: "d",
        order: "d.position",
        limit: params.add(limit),
        offset: params.add(offset),
      }),
      params.values,
    );
    return toPage(rows.filter((r) => r.id !== null).map(toDiscrepancy), offset, rows[0]?.total ?? 0);
  }

  @FieldResolver(() => [Paragraph], { description: "The paragraphs involved." })
  async paragraphs(@Root() d: Discrepancy, @Ctx() ctx: Context) {
    return datedAll(
      present(
        await ctx.loaders.paragraph.loadMany(d.paragraphNumbers.map((n) => scopedKey(d.reportId, n))),
      ).map(toParagraph),
      d,
    );
  }

  @FieldResolver(() => [Footnote], { description: "The footnotes involved." })
  async footnotes(@Root() d: Discrepancy, @Ctx() ctx: Context) {
    return datedAll(
      present(
        await ctx.loaders.footnote.loadMany(d.footnoteNumbers.map((n) => scopedKey(d.reportId, n))),
      ).map(toFootnote),
      d,
    );
  }

  @FieldResolver(() => [State], { description: "The states involved." })
  async states(@Root() d: Discrepancy, @Ctx() ctx: Context) {
    const rows = ctx.loaders.state.loadMany(d.stateCodes.map((c) => scopedKey(d.reportId, c)));
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
      present(await ctx.loaders.finding.loadMany(d.findingKeys.map((k) => scopedKey(d.reportId, k)))).map(
        toFinding,
      ),
      d,
    );
  }
}
