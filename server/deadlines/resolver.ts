import { LocalDateResolver } from "graphql-scalars";
import { sql } from "pg-sql2";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context";
import { Citation, citationOf, Finding, toFinding } from "../findings/finding";
import { Connection, PageArgs, pageSql, pageWindow, toPage } from "../graph/connection";
import { datedAll } from "../graph/dated";
import { inReport, present } from "../graph/loaders";
import { reportInScope } from "../graph/scope";
import { StateFilter, stateCondition } from "../states/filter";
import { stateObject } from "../states/objects";
import { p, s, stateJoins } from "../states/sql";
import { State, type StateRow } from "../states/state";
import { Deadline, type DeadlineRecord, DeadlineStatus, statusOf, toDeadline } from "./deadline";
import { DeadlineFilter, deadlineCondition } from "./filter";
import { deadlineColumns } from "./sql";

export const DeadlineConnection = Connection(Deadline, "Deadline", "deadline");

const asOfArg = {
  nullable: true,
  description: "The date statuses refer to (YYYY-MM-DD); default the query's date, else the report's date.",
} as const;

@ArgsType()
class DeadlinesArgs extends PageArgs {
  @Field(() => DeadlineFilter, { nullable: true, description: "Which deadlines; all if omitted." })
  filter?: DeadlineFilter;

  @Field(() => StateFilter, { nullable: true, description: "Only deadlines of states matching this." })
  states?: StateFilter;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "The date statuses and state conditions refer to (YYYY-MM-DD); default the report's date.",
  })
  asOf?: string;
}

@Resolver(() => Deadline)
export class DeadlineResolver {
  @Query(() => DeadlineConnection, {
    description:
      'Deadlines under the Convention, by due date, e.g. what is overdue on a date: `deadlines(asOf: "2012-06-01", filter: { statusIn: [DUE_NOT_REPORTED_MET] })`.',
  })
  async deadlines(@Args(() => DeadlinesArgs) args: DeadlinesArgs, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, args.report);
    const asOf = args.asOf ?? scope.finalised_on;
    const window = pageWindow(args.first, args.after);
    const report = sql.value(scope.id);
    const date = sql.value(asOf);
    const [d, page] = [sql.identifier("d"), sql.identifier("page_deadline")];
    const rows = await ctx.db.query<DeadlineRecord & { total: number; state_name: string }>(
      pageSql({
        matched: sql`SELECT ${deadlineColumns(d, p)}, ${s}.name AS state_name
          FROM deadline ${d} JOIN state ${s} ON ${s}.code = ${d}.state_code ${stateJoins(report)}
          WHERE ${d}.report_id = ${report} AND ${deadlineCondition(args.filter, d, date)}
            AND ${stateCondition(args.states, { report, asOf: date })}`,
        alias: page,
        order: sql`${page}.due_on, ${page}.state_name, ${page}.position`,
        window,
      }),
    );
    const deadlines = rows.filter((row) => row.rule !== null).map((row) => toDeadline(row, asOf));
    return toPage(deadlines, window.offset, rows[0]?.total ?? 0);
  }

  @FieldResolver(() => DeadlineStatus, { description: "Where the deadline stands on `asOf`." })
  status(
    @Root() deadline: Deadline,
    @Arg("asOf", () => LocalDateResolver, asOfArg) asOf?: string,
  ): DeadlineStatus {
    return statusOf(deadline, asOf ?? deadline.asOf);
  }

  @FieldResolver(() => State, { description: "The State Party the deadline binds." })
  async state(@Root() deadline: Deadline, @Ctx() ctx: Context): Promise<State> {
    const [row, report] = await Promise.all([
      ctx.loaders.state.load(inReport(deadline.reportId, deadline.stateCode)),
      ctx.reports.load(deadline.reportId),
    ]);
    return stateObject(ctx, row as StateRow, deadline.reportId, deadline.asOf, report!.finalised_on);
  }

  @FieldResolver(() => [Finding], { description: "The findings that say the obligation was met." })
  async metBy(@Root() deadline: Deadline, @Ctx() ctx: Context): Promise<Finding[]> {
    return findingsOf(deadline, deadline.metByKeys, ctx);
  }

  @FieldResolver(() => [Finding], { description: "The findings that say work to meet it has begun." })
  async begunBy(@Root() deadline: Deadline, @Ctx() ctx: Context): Promise<Finding[]> {
    return findingsOf(deadline, deadline.begunByKeys, ctx);
  }

  @FieldResolver(() => [Finding], {
    description:
      "The report's findings about the deadline: those that say it was met, then those that say work has begun.",
  })
  async findings(@Root() deadline: Deadline, @Ctx() ctx: Context): Promise<Finding[]> {
    return findingsOf(deadline, [...new Set([...deadline.metByKeys, ...deadline.begunByKeys])], ctx);
  }

  @FieldResolver(() => [Citation], { description: "Paragraph, footnote and quote for each of `findings`." })
  async sources(@Root() deadline: Deadline, @Ctx() ctx: Context): Promise<Citation[]> {
    return (await this.findings(deadline, ctx)).map(citationOf);
  }
}

async function findingsOf(deadline: Deadline, keys: string[], ctx: Context): Promise<Finding[]> {
  const rows = await ctx.loaders.finding.loadMany(keys.map((key) => inReport(deadline.reportId, key)));
  return datedAll(present(rows).map(toFinding), deadline);
}

@Resolver(() => State)
export class StateDeadlinesResolver {
  @FieldResolver(() => [Deadline], {
    description:
      "The deadlines the Convention sets the state (it must have deposited an instrument), computed from the depositary dates, each with its status and sources.",
  })
  async deadlines(
    @Root() state: State,
    @Ctx() ctx: Context,
    @Arg("asOf", () => LocalDateResolver, asOfArg) asOf?: string,
  ): Promise<Deadline[]> {
    const rows = await ctx.loaders.deadlinesOfState.load(inReport(state.reportId, state.code));
    return rows.map((row) => toDeadline(row, asOf ?? state.asOf));
  }
}
