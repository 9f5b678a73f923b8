import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";

import { sql } from "pg-sql2";

import type { Context } from "../context";
import { Finding, Theme, toFinding } from "../findings/finding";
import { inReport, present } from "../graph/loaders";
import { datedAll } from "../graph/dated";
import { maybeReport, reportInScope } from "../graph/scope";
import { statesOf } from "../states/objects";
import { State } from "../states/state";
import { Paragraph, toParagraph } from "../structure/structure";
import { Action, type ActionRow, toAction } from "./action";

@Resolver(() => Action)
export class ActionResolver {
  @Query(() => Action, {
    nullable: true,
    description:
      "A Vientiane Action Plan action by number (1-66); null when the report does not reference it.",
  })
  async action(
    @Arg("number", () => Int, { description: "The action number." }) number: number,
    @Arg("report", () => ID, { nullable: true, description: "The report; the current report if omitted." })
    report: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const scope = await maybeReport(ctx, report);
    const row = scope ? await ctx.loaders.action.load(inReport(scope.id, number)) : null;
    return row ? toAction(row) : null;
  }

  @Query(() => [Action], {
    description: "The actions the report references, by number; only one theme's when `theme` is given.",
  })
  async actions(
    @Arg("theme", () => Theme, { nullable: true, description: "Only actions of this theme." })
    theme: Theme | undefined,
    @Arg("report", () => ID, { nullable: true, description: "The report; the current report if omitted." })
    report: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const scope = await reportInScope(ctx, report);
    const ofTheme = theme == null ? sql.blank : sql`AND theme = ${sql.value(theme)}`;
    const rows = await ctx.db.query<ActionRow>(
      sql`SELECT * FROM action WHERE report_id = ${sql.value(scope.id)} ${ofTheme} ORDER BY number`,
    );
    return rows.map(toAction);
  }

  @FieldResolver(() => [Finding], { description: "The findings that concern the action, in report order." })
  async findings(@Root() action: Action, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.findingsByAction.load(inReport(action.reportId, action.number))).map(toFinding),
      action,
    );
  }

  @FieldResolver(() => [State], { description: "The states named by findings that concern the action." })
  async states(@Root() action: Action, @Ctx() ctx: Context) {
    return statesOf(
      ctx,
      action.reportId,
      ctx.loaders.statesByAction.load(inReport(action.reportId, action.number)),
      action.asOf,
    );
  }

  @FieldResolver(() => [Paragraph], { description: "The paragraphs that reference the action." })
  async paragraphs(@Root() action: Action, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.paragraph.loadMany(
      action.paragraphNumbers.map((n) => inReport(action.reportId, n)),
    );
    return datedAll(present(rows).map(toParagraph), action);
  }
}
