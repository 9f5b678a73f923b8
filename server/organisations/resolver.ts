import { sql } from "pg-sql2";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context";
import { inReport } from "../graph/loaders";
import { reportInScope } from "../graph/scope";
import { stateObject } from "../states/objects";
import { State } from "../states/state";
import { o, ORGANISATION_SELECT } from "./loaders";
import {
  Organisation,
  type OrganisationRow,
  toOrganisation,
  toUseInstance,
  UseInstance,
  type UseInstanceRow,
} from "./organisation";

const reportArg = { nullable: true, description: "The report; the current report if omitted." } as const;

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => [Organisation], {
    description: "Organisations and offices the report names, with their roles.",
  })
  async organisations(@Arg("report", () => ID, reportArg) report: string | undefined, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, report);
    const rows = await ctx.db.query<OrganisationRow>(
      sql`${ORGANISATION_SELECT} WHERE ${o}.report_id = ${sql.value(scope.id)} ORDER BY ${o}.position`,
    );
    return rows.map(toOrganisation);
  }
}

@Resolver(() => UseInstance)
export class UseInstanceResolver {
  @Query(() => [UseInstance], { description: "Reported instances of use of cluster munitions." })
  async useInstances(@Arg("report", () => ID, reportArg) report: string | undefined, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, report);
    const rows = await ctx.db.query<UseInstanceRow>(
      sql`SELECT * FROM use_instance WHERE report_id = ${sql.value(scope.id)} ORDER BY id`,
    );
    return rows.map(toUseInstance);
  }

  @FieldResolver(() => State, {
    nullable: true,
    description: "The state that used them, where the report names one.",
  })
  async user(@Root() use: UseInstance, @Ctx() ctx: Context) {
    return this.stateOf(use, use.userCode, ctx);
  }

  @FieldResolver(() => State, {
    nullable: true,
    description: "The state on whose territory they were used, where named.",
  })
  async territory(@Root() use: UseInstance, @Ctx() ctx: Context) {
    return this.stateOf(use, use.territoryCode, ctx);
  }

  private async stateOf(use: UseInstance, code: string | null, ctx: Context) {
    if (!code) return null;
    const [row, report] = await Promise.all([
      ctx.loaders.state.load(inReport(use.reportId, code)),
      ctx.reports.load(use.reportId),
    ]);
    return row && report
      ? stateObject(ctx, row, use.reportId, use.asOf ?? report.finalised_on, report.finalised_on)
      : null;
  }
}
