import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context";
import { Action, type ActionRow, toAction } from "../domain/action";
import { Theme } from "../domain/enums";
import { Finding, toFinding } from "../domain/finding";
import { State } from "../domain/state";
import { Paragraph, toParagraph } from "../domain/structure";
import { present, scopedKey } from "../loaders";
import { statesOf } from "./finding";
import { datedAll, maybeReport, reportInScope } from "./scope";

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
    const row = scope ? await ctx.loaders.action.load(scopedKey(scope.id, number)) : null;
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
    const rows = await ctx.sql.query<ActionRow>(
      `SELECT * FROM action WHERE report_id = $1 AND ($2::text IS NULL OR theme = $2) ORDER BY number`,
      [scope.id, theme ?? null],
    );
    return rows.map(toAction);
  }

  @FieldResolver(() => [Finding], { description: "The findings that concern the action, in report order." })
  async findings(@Root() action: Action, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.findingsByAction.load(scopedKey(action.reportId, action.number))).map(toFinding),
      action,
    );
  }

  @FieldResolver(() => [State], { description: "The states named by findings that concern the action." })
  async states(@Root() action: Action, @Ctx() ctx: Context) {
    return statesOf(
      ctx,
      action.reportId,
      ctx.loaders.statesByAction.load(scopedKey(action.reportId, action.number)),
      action.asOf,
    );
  }

  @FieldResolver(() => [Paragraph], { description: "The paragraphs that reference the action." })
  async paragraphs(@Root() action: Action, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.paragraph.loadMany(
      action.paragraphNumbers.map((n) => scopedKey(action.reportId, n)),
    );
    return datedAll(present(rows).map(toParagraph), action);
  }
}
