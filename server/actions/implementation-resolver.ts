import { LocalDateResolver } from "graphql-scalars";
import { sql } from "pg-sql2";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context";
import { Citation, citationOf, Finding, toFinding } from "../findings/finding";
import { dated, datedAll } from "../graph/dated";
import { inReport, present } from "../graph/loaders";
import { reportInScope } from "../graph/scope";
import { StateFilter, stateCondition } from "../states/filter";
import { stateObject } from "../states/objects";
import { s, stateJoins } from "../states/sql";
import { State, type StateRow } from "../states/state";
import { Action, toAction } from "./action";
import { actionCondition, ImplementationFilter, strongestLinkIn } from "./filter";
import {
  ActionImplementation,
  type ActionLinkRecord,
  cellsOf,
  ImplementationEvidence,
} from "./implementation";

@Resolver(() => ActionImplementation)
export class ActionImplementationResolver {
  @Query(() => [ActionImplementation], {
    description:
      "The state-by-action matrix for dashboards: one cell per state and action the report links, by action then state name, each with its strongest link and sources. E.g. the victim-assistance actions' cells: `actionMatrix(filter: { theme: VICTIM_ASSISTANCE })`.",
  })
  async actionMatrix(
    @Arg("filter", () => ImplementationFilter, {
      nullable: true,
      description: "Which actions and links; every cell if omitted.",
    })
    filter: ImplementationFilter | undefined,
    @Arg("states", () => StateFilter, {
      nullable: true,
      description: "Only the cells of states matching this.",
    })
    states: StateFilter | undefined,
    @Arg("asOf", () => LocalDateResolver, {
      nullable: true,
      description: "The date state conditions refer to; default the report's date.",
    })
    asOf: string | undefined,
    @Arg("report", () => ID, { nullable: true, description: "The report; the current report if omitted." })
    report: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<ActionImplementation[]> {
    const scope = await reportInScope(ctx, report);
    const r = sql.value(scope.id);
    const date = sql.value(asOf ?? scope.finalised_on);
    const [al, ac, lf] = ["al", "ac", "lf"].map((name) => sql.identifier(name));
    const which = filter ?? {};
    // The cells that match (their strongest link among `linkIn`), then all their links.
    const rows = await ctx.db.query<ActionLinkRecord>(
      sql`WITH cell AS (
          SELECT ${al}.state_code, ${al}.action_number FROM action_link ${al}
          JOIN action ${ac} ON ${ac}.report_id = ${al}.report_id AND ${ac}.number = ${al}.action_number
          JOIN state ${s} ON ${s}.code = ${al}.state_code ${stateJoins(r)}
          WHERE ${al}.report_id = ${r} AND ${actionCondition(which, ac)}
            AND ${stateCondition(states, { report: r, asOf: date })}
          GROUP BY ${al}.state_code, ${al}.action_number HAVING ${strongestLinkIn(which, al)})
        SELECT ${al}.* FROM action_link ${al}
        JOIN cell USING (state_code, action_number)
        JOIN finding ${lf} ON ${lf}.report_id = ${al}.report_id AND ${lf}.id = ${al}.finding_id
        JOIN state ${s} ON ${s}.code = ${al}.state_code
        WHERE ${al}.report_id = ${r}
        ORDER BY ${al}.action_number, ${s}.name, ${al}.strength, ${lf}.position`,
    );
    return cellsOf(rows, asOf ?? scope.finalised_on);
  }

  @FieldResolver(() => State, { description: "The state." })
  async state(@Root() cell: ActionImplementation, @Ctx() ctx: Context): Promise<State> {
    const [row, report] = await Promise.all([
      ctx.loaders.state.load(inReport(cell.reportId, cell.stateCode)),
      ctx.reports.load(cell.reportId),
    ]);
    const date = report!.finalised_on;
    return stateObject(ctx, row as StateRow, cell.reportId, cell.asOf ?? date, date);
  }

  @FieldResolver(() => Action, { description: "The action." })
  async action(@Root() cell: ActionImplementation, @Ctx() ctx: Context): Promise<Action> {
    return toAction((await ctx.loaders.action.load(inReport(cell.reportId, cell.actionNumber)))!);
  }

  @FieldResolver(() => [Finding], {
    description: "The findings behind the cell's links, strongest link first.",
  })
  async findings(@Root() cell: ActionImplementation, @Ctx() ctx: Context): Promise<Finding[]> {
    const keys = [...new Set(cell.evidence.map((e) => e.findingKey))];
    const rows = await ctx.loaders.finding.loadMany(keys.map((key) => inReport(cell.reportId, key)));
    return datedAll(present(rows).map(toFinding), cell);
  }

  @FieldResolver(() => [Citation], { description: "Paragraph, footnote and quote for each of `findings`." })
  async sources(@Root() cell: ActionImplementation, @Ctx() ctx: Context): Promise<Citation[]> {
    return (await this.findings(cell, ctx)).map(citationOf);
  }
}

/** Cells of one state or one action, kept to those matching `filter`. */
function matching(
  cells: ActionImplementation[],
  filter: ImplementationFilter | undefined,
  actionOf: (n: number) => Action | undefined,
) {
  if (!filter) return cells;
  return cells.filter((cell) => {
    const action = actionOf(cell.actionNumber);
    return (
      (!filter.linkIn || filter.linkIn.includes(cell.link)) &&
      (!filter.actionIn || filter.actionIn.includes(cell.actionNumber)) &&
      (!filter.theme || action?.theme === filter.theme) &&
      (filter.timeBound == null || action?.timeBound === filter.timeBound)
    );
  });
}

async function actionsOf(ctx: Context, reportId: string, cells: ActionImplementation[]) {
  const rows = await ctx.loaders.action.loadMany(cells.map((c) => inReport(reportId, c.actionNumber)));
  const actions = new Map(present(rows).map((row) => [row.number, toAction(row)]));
  return (n: number) => actions.get(n);
}

@Resolver(() => State)
export class StateImplementationResolver {
  @FieldResolver(() => [ActionImplementation], {
    description:
      "The state's implementation of each action the report links it to, by action number: the strongest link and the sources of every link.",
  })
  async actionImplementation(
    @Root() state: State,
    @Ctx() ctx: Context,
    @Arg("filter", () => ImplementationFilter, { nullable: true, description: "Only cells matching this." })
    filter?: ImplementationFilter,
  ): Promise<ActionImplementation[]> {
    const rows = await ctx.loaders.implementationOfState.load(inReport(state.reportId, state.code));
    const cells = cellsOf(rows, state.asOf);
    return matching(cells, filter, await actionsOf(ctx, state.reportId, cells));
  }
}

@Resolver(() => Action)
export class ActionImplementationsResolver {
  @FieldResolver(() => [ActionImplementation], {
    description: "Each state's implementation of the action as the report gives it, by state code.",
  })
  async implementation(
    @Root() action: Action,
    @Ctx() ctx: Context,
    @Arg("filter", () => ImplementationFilter, { nullable: true, description: "Only cells matching this." })
    filter?: ImplementationFilter,
  ): Promise<ActionImplementation[]> {
    const rows = await ctx.loaders.implementationOfAction.load(inReport(action.reportId, action.number));
    return matching(cellsOf(rows, action.asOf), filter, () => action);
  }
}

@Resolver(() => ImplementationEvidence)
export class ImplementationEvidenceResolver {
  @FieldResolver(() => Finding, { description: "The finding that gives the link." })
  async finding(@Root() evidence: ImplementationEvidence, @Ctx() ctx: Context): Promise<Finding> {
    const row = await ctx.loaders.finding.load(inReport(evidence.reportId, evidence.findingKey));
    return dated(toFinding(row!), evidence);
  }
}
