import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";
import { LocalDateResolver } from "graphql-scalars";
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from "type-graphql";

import type { Context } from "../context";
import { Action, toAction } from "../domain/action";
import { Connection, PageArgs, pageSql, pageWindow, toPage } from "../domain/connection";
import { Discrepancy, toDiscrepancy } from "../domain/discrepancy";
import { NeedArea, SortDirection, TreatyStatus } from "../domain/enums";
import type {
  AssistanceKind,
  Group,
  LegislationStatus,
  ObligationStatus,
  StockpileStatus,
} from "../domain/enums";
import { RECEIVED_ASSISTANCE } from "../domain/facts";
import { Finding, findingColumns, type FindingRow, toFinding } from "../domain/finding";
import { State, stateColumns, stateJoins, type StateRow, statusOn, toState } from "../domain/state";
import {
  AssistanceNeed,
  AssistanceProvision,
  LegislationFact,
  Obligation,
  ReportedGroup,
  StockpileFact,
  TreatyStatusFact,
  withFindings,
} from "../domain/state-facts";
import { findingCondition, Params, stateCondition } from "../filters/compile";
import { FindingFilter, StateFilter } from "../filters/inputs";
import { many, present, type StateAssertionRow, stateAssertionsJson, scopedKey } from "../loaders";
import { dated, datedAll, maybeReport, reportInScope } from "./scope";

export const StateConnection = Connection(State, "State", "state");

export const StateOrderField = { CODE: "CODE", NAME: "NAME" } as const;
registerEnumType(StateOrderField, {
  name: "StateOrderField",
  description: "What to sort states by.",
  valuesConfig: {
    CODE: { description: "ISO alpha-3 code." },
    NAME: { description: "Canonical English name." },
  },
});

@ArgsType()
class StatesArgs extends PageArgs {
  @Field(() => StateFilter, {
    nullable: true,
    description: "Which states; all states known to the dataset if omitted.",
  })
  filter?: StateFilter;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      "The date status conditions and `status` fields refer to (YYYY-MM-DD). Defaults to the report's finalisation date.",
  })
  asOf?: string;

  @Field(() => StateOrderField, {
    nullable: true,
    defaultValue: "NAME",
    description: "Sort field (default NAME).",
  })
  orderBy?: keyof typeof StateOrderField;

  @Field(() => SortDirection, {
    nullable: true,
    defaultValue: "ASC",
    description: "Sort direction (default ASC).",
  })
  direction?: SortDirection;
}

/** The findings behind a state's assertion rows, each once, in report order. */
function distinctFindings(rows: StateAssertionRow[], state: State): Finding[] {
  const findings = new Map<string, Finding>();
  for (const row of rows) if (!findings.has(row.id)) findings.set(row.id, dated(toFinding(row), state));
  return [...findings.values()];
}

/** Groups a state's assertion rows by one fact value, keeping the findings behind each. */
function factsOf<V extends string | number, T>(
  state: State,
  rows: StateAssertionRow[],
  valueOf: (row: StateAssertionRow) => V | null,
  make: (value: V, findings: Finding[]) => T,
): T[] {
  const groups = new Map<V, Finding[]>();
  // A finding makes several assertions about one state: one Finding object for all of them.
  const made = new Map<string, Finding>();
  for (const row of rows) {
    const value = valueOf(row);
    if (value === null) continue;
    let finding = made.get(row.id);
    if (!finding) made.set(row.id, (finding = dated(toFinding(row), state)));
    const group = groups.get(value);
    // push, not spread: a state named 2,600 times (100x data) would copy its list 2,600 times.
    if (group) group.push(finding);
    else groups.set(value, [finding]);
  }
  return [...groups].map(([value, findings]) => make(value, findings));
}

const GROUP_STATUS: Partial<Record<Group, TreatyStatus>> = {
  STATES_PARTIES: "STATE_PARTY",
  SIGNATORIES: "SIGNATORY",
  STATES_NOT_PARTY: "NOT_PARTY",
};

@Resolver(() => State)
export class StateResolver {
  @Query(() => State, {
    nullable: true,
    description: 'A state by ISO 3166-1 alpha-3 code (e.g. "LAO"); null when unknown.',
  })
  async state(
    @Arg("code", () => ID, { description: "ISO alpha-3 code, case-insensitive." }) code: string,
    @Arg("asOf", () => LocalDateResolver, {
      nullable: true,
      description: "Date for `status` fields; default the report's date.",
    })
    asOf: string | undefined,
    @Arg("report", () => ID, { nullable: true, description: "The report; the current report if omitted." })
    report: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<State | null> {
    const scope = await maybeReport(ctx, report);
    if (!scope) return null;
    const upper = code.trim().toUpperCase();
    const key = scopedKey(scope.id, upper);
    let row: StateRow | null;
    if (selectsFacts(info, true) && !ctx.loaders.holdsShared("stateAssertions", key)) {
      // A profile asks for the state's facts, which no request of this dataset version has read
      // yet: bring its assertions in the same statement.
      const [found] = await ctx.sql.query<StateRow & { assertions: StateAssertionRow[] }>(
        `SELECT ${stateColumns("s")}, ${stateAssertionsJson("$1")} AS assertions
         FROM state s ${stateJoins("s", "$1")} WHERE s.code = $2`,
        [scope.id, upper],
      );
      if (found) {
        const { assertions, ...stateRow } = found;
        ctx.loaders.prime("state", key, stateRow);
        ctx.loaders.prime("stateAssertions", key, assertions);
      }
      row = found ?? null;
    } else {
      row = await ctx.loaders.state.load(key);
    }
    return row ? toState(row, scope.id, asOf ?? scope.finalised_on, scope.finalised_on) : null;
  }

  @Query(() => State, {
    nullable: true,
    description:
      'A state by any spelling the report uses ("Luxemburg", "Lao PDR", "Côte d\'Ivoire"), its ISO name or its depositary name. Case and apostrophe style do not matter. Null when no state matches.',
  })
  async stateByName(
    @Arg("name", () => String, { description: "A name as written in the report or the ISO list." })
    name: string,
    @Arg("asOf", () => LocalDateResolver, {
      nullable: true,
      description: "Date for `status` fields; default the report's date.",
    })
    asOf: string | undefined,
    @Arg("report", () => ID, { nullable: true, description: "The report; the current report if omitted." })
    report: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<State | null> {
    const scope = await maybeReport(ctx, report);
    if (!scope) return null;
    const rows = await ctx.sql.query<StateRow>(
      `SELECT ${stateColumns("s")} FROM state s ${stateJoins("s", "$1")}
       WHERE lower(translate(s.name, '’', '''')) = lower(translate($2, '’', ''''))
          OR lower(translate(p.depositary_name, '’', '''')) = lower(translate($2, '’', ''''))
          OR EXISTS (SELECT 1 FROM unnest(rs.spellings) sp WHERE lower(translate(sp, '’', '''')) = lower(translate($2, '’', '''')))
       ORDER BY (rs.spellings IS NULL), s.code LIMIT 1`,
      [scope.id, name.trim()],
    );
    return rows[0] ? toState(rows[0], scope.id, asOf ?? scope.finalised_on, scope.finalised_on) : null;
  }

  @Query(() => StateConnection, {
    description:
      "States matching a filter, e.g. signatories with stockpiles and assistance needs: `states(filter: {status: SIGNATORY, stockpile: {}, assistanceNeed: {}})`.",
  })
  async states(
    @Args(() => StatesArgs) args: StatesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const scope = await reportInScope(ctx, args.report);
    const asOf = args.asOf ?? scope.finalised_on;
    const { limit, offset } = pageWindow(args.first, args.after);
    const params = new Params();
    const report = params.add(scope.id);
    const condition = stateCondition(args.filter, { params, report, asOf: params.lazy(asOf) });
    const direction = args.direction === "DESC" ? "DESC" : "ASC";
    const order = args.orderBy === "CODE" ? `s.code ${direction}` : `s.name ${direction}, s.code`;
    // When the page's states will read their facts, bring them in this same statement, unless
    // requests of this dataset version already share them (then the page reads only the states,
    // and the few states not read yet are fetched in one statement).
    const withFacts = selectsFacts(info) && !ctx.loaders.holdsShared("stateAssertions");
    // Likewise the states' own rows: once shared, the page reads only which states, in order.
    const rowsShared = ctx.loaders.holdsShared("state");
    const rows = await ctx.sql.query<StateRow & { total: number; assertions?: StateAssertionRow[] }>(
      pageSql({
        matched: `SELECT ${stateColumns("s")} FROM state s ${stateJoins("s", report)} WHERE ${condition}`,
        alias: "s",
        select: `${rowsShared ? "s.code" : "s.*"}${withFacts ? `, ${stateAssertionsJson(report)} AS assertions` : ""}`,
        order,
        limit: params.add(limit),
        offset: params.add(offset),
      }),
      params.values,
    );
    const found = rows.filter((r) => r.code !== null);
    for (const { total: _total, assertions, ...row } of found) {
      const key = scopedKey(scope.id, row.code);
      if (assertions) ctx.loaders.prime("stateAssertions", key, assertions);
      if (!rowsShared) ctx.loaders.prime("state", key, row);
    }
    const stateRows = rowsShared
      ? present(await ctx.loaders.state.loadMany(found.map((r) => scopedKey(scope.id, r.code))))
      : found;
    const states = stateRows.map((r) => toState(r, scope.id, asOf, scope.finalised_on));
    return toPage(states, offset, rows[0]?.total ?? 0);
  }

  @FieldResolver(() => TreatyStatus, {
    description:
      "The state's treaty status on `asOf` (default: the query's date, else the report's date), from the depositary record.",
  })
  status(
    @Root() state: State,
    @Arg("asOf", () => LocalDateResolver, { nullable: true, description: "The date (YYYY-MM-DD)." })
    asOf?: string,
  ): TreatyStatus {
    return statusOn(state.participationDates, asOf ?? state.asOf);
  }

  @FieldResolver(() => TreatyStatusFact, {
    description:
      "The state's status with its provenance: the depositary dates and the groups the report places it in.",
  })
  async treatyStatus(
    @Root() state: State,
    @Ctx() ctx: Context,
    @Arg("asOf", () => LocalDateResolver, { nullable: true, description: "The date (YYYY-MM-DD)." })
    asOf?: string,
  ): Promise<TreatyStatusFact> {
    const rows = await this.assertions(state, ctx);
    const reportedAs = factsOf(
      state,
      rows,
      (row) => (GROUP_STATUS[row.group as Group] ? (row.group as Group) : null),
      (group, findings) => withFindings(Object.assign(new ReportedGroup(), { group }), findings),
    );
    const onReportDate = statusOn(state.participationDates, state.reportDate);
    return Object.assign(new TreatyStatusFact(), {
      status: statusOn(state.participationDates, asOf ?? state.asOf),
      asOf: asOf ?? state.asOf,
      participation: state.participation,
      reportedAs,
      agreesWithReport: reportedAs.every((r) => GROUP_STATUS[r.group] === onReportDate),
    });
  }

  @FieldResolver(() => [Finding], {
    description: "The findings that name the state, in report order, optionally filtered.",
  })
  async findings(
    @Root() state: State,
    @Ctx() ctx: Context,
    @Arg("filter", () => FindingFilter, { nullable: true, description: "Only findings matching this." })
    filter?: FindingFilter,
  ): Promise<Finding[]> {
    if (!filter) {
      const rows = await this.assertions(state, ctx);
      return distinctFindings(rows, state);
    }
    // A filtered list: one statement for all states of the request that ask with this filter.
    const loader = ctx.loaders.custom(`state-findings:${JSON.stringify(filter)}`, () =>
      ctx.loaders.scopedBy<FindingRow[]>(async (reportId, codes) => {
        const params = new Params();
        const report = params.add(reportId);
        const condition = findingCondition(filter, { params, report, assertion: "a" });
        const rows = await ctx.sql.query<FindingRow & { state_code: string }>(
          `SELECT DISTINCT ON (a.state_code, f.position) a.state_code, ${findingColumns("f")}
           FROM assertion a JOIN finding f ON f.report_id = a.report_id AND f.id = a.finding_id
           WHERE a.report_id = ${report} AND a.state_code = ANY(${params.add(codes)}) AND ${condition}
           ORDER BY a.state_code, f.position`,
          params.values,
        );
        return many(rows, (row) => [row.state_code]);
      }),
    );
    return datedAll((await loader.load(scopedKey(state.reportId, state.code))).map(toFinding), state);
  }

  @FieldResolver(() => [Obligation], {
    description: "Obligations the report attributes to the state (Articles 3, 4, 5), each with sources.",
  })
  async obligations(@Root() state: State, @Ctx() ctx: Context): Promise<Obligation[]> {
    return factsOf(
      state,
      await this.assertions(state, ctx),
      (row) => (row.article === null ? null : `${row.article}:${row.obligation_status}`),
      (value, findings) => {
        const [article, status] = value.split(":");
        return withFindings(
          Object.assign(new Obligation(), { article: Number(article), status: status as ObligationStatus }),
          findings,
        );
      },
    ).sort((a, b) => a.article - b.article);
  }

  @FieldResolver(() => [StockpileFact], {
    description: "What the report says about the state's stockpiles, each with sources.",
  })
  async stockpile(@Root() state: State, @Ctx() ctx: Context): Promise<StockpileFact[]> {
    return factsOf(
      state,
      await this.assertions(state, ctx),
      (row) => row.stockpile_status as StockpileStatus | null,
      (status, findings) => withFindings(Object.assign(new StockpileFact(), { status }), findings),
    );
  }

  @FieldResolver(() => [AssistanceNeed], {
    description: "Areas in which the state reported needing international assistance, with sources.",
  })
  async assistanceNeeds(
    @Root() state: State,
    @Ctx() ctx: Context,
    @Arg("areaIn", () => [NeedArea], {
      nullable: true,
      description: "Only needs in these areas, each with its own sources; all if omitted.",
    })
    areaIn?: NeedArea[] | null,
  ): Promise<AssistanceNeed[]> {
    const needs = factsOf(
      state,
      await this.assertions(state, ctx),
      (row) => row.need_area as NeedArea | null,
      (area, findings) => withFindings(Object.assign(new AssistanceNeed(), { area }), findings),
    );
    return areaIn ? needs.filter((need) => areaIn.includes(need.area)) : needs;
  }

  @FieldResolver(() => [AssistanceProvision], {
    description: "Assistance the state reported providing (funding, offers), with sources.",
  })
  async assistanceProvided(@Root() state: State, @Ctx() ctx: Context): Promise<AssistanceProvision[]> {
    return this.assistance(state, ctx, false);
  }

  @FieldResolver(() => [AssistanceProvision], {
    description: "Assistance the state reported receiving, with sources.",
  })
  async assistanceReceived(@Root() state: State, @Ctx() ctx: Context): Promise<AssistanceProvision[]> {
    return this.assistance(state, ctx, true);
  }

  @FieldResolver(() => [LegislationFact], {
    description: "What the report says about the state's legislation (Article 9), with sources.",
  })
  async legislation(@Root() state: State, @Ctx() ctx: Context): Promise<LegislationFact[]> {
    return factsOf(
      state,
      await this.assertions(state, ctx),
      (row) => row.legislation_status as LegislationStatus | null,
      (status, findings) => withFindings(Object.assign(new LegislationFact(), { status }), findings),
    );
  }

  @FieldResolver(() => [Finding], {
    description:
      "The findings that say the state has cluster munition contamination; empty if the report says none.",
  })
  async contamination(@Root() state: State, @Ctx() ctx: Context): Promise<Finding[]> {
    const rows = (await this.assertions(state, ctx)).filter((row) => row.contamination);
    return distinctFindings(rows, state);
  }

  @FieldResolver(() => [Finding], {
    description: "The findings that say the state submitted a voluntary transparency report.",
  })
  async voluntaryReports(@Root() state: State, @Ctx() ctx: Context): Promise<Finding[]> {
    const rows = (await this.assertions(state, ctx)).filter((row) => row.voluntary_report);
    return distinctFindings(rows, state);
  }

  @FieldResolver(() => [Action], {
    description: "The Vientiane Action Plan actions concerned by findings that name the state.",
  })
  async actions(@Root() state: State, @Ctx() ctx: Context): Promise<Action[]> {
    const numbers = [...new Set((await this.assertions(state, ctx)).flatMap((row) => row.actions))].sort(
      (a, b) => a - b,
    );
    const rows = await ctx.loaders.action.loadMany(numbers.map((n) => scopedKey(state.reportId, n)));
    return datedAll(present(rows).map(toAction), state);
  }

  @FieldResolver(() => [Discrepancy], { description: "Recorded discrepancies that involve the state." })
  async discrepancies(@Root() state: State, @Ctx() ctx: Context): Promise<Discrepancy[]> {
    return datedAll(
      (await ctx.loaders.discrepanciesByState.load(scopedKey(state.reportId, state.code))).map(toDiscrepancy),
      state,
    );
  }

  private assertions(state: State, ctx: Context): Promise<StateAssertionRow[]> {
    return ctx.loaders.stateAssertions.load(scopedKey(state.reportId, state.code));
  }

  private async assistance(state: State, ctx: Context, received: boolean) {
    return factsOf(
      state,
      await this.assertions(state, ctx),
      (row) =>
        row.assistance_kind !== null && RECEIVED_ASSISTANCE.includes(row.assistance_kind) === received
          ? (row.assistance_kind as AssistanceKind)
          : null,
      (kind, findings) => withFindings(Object.assign(new AssistanceProvision(), { kind }), findings),
    );
  }
}

/** The State fields answered from its assertions (the stateAssertions loader). */
const FACT_FIELDS = new Set([
  "findings",
  "obligations",
  "stockpile",
  "assistanceNeeds",
  "assistanceProvided",
  "assistanceReceived",
  "legislation",
  "contamination",
  "voluntaryReports",
  "actions",
  "treatyStatus",
]);

/** True when a `states` connection's nodes (or edges' nodes), or a State, may ask for a fact field. */
function selectsFacts(info: GraphQLResolveInfo, direct = false): boolean {
  const asks = (set: SelectionSetNode | undefined, depth: number): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind !== "Field") return true; // a fragment: assume it may
      if (depth === 0) {
        if (selection.name.value === "nodes") return asks(selection.selectionSet, 1);
        if (selection.name.value === "edges") return asks(selection.selectionSet, 0.5);
        return false;
      }
      if (depth === 0.5) return selection.name.value === "node" && asks(selection.selectionSet, 1);
      // A filtered `findings` reads its own statement (see `findings`): it needs no assertions.
      const filtered = selection.name.value === "findings" && !!selection.arguments?.length;
      return FACT_FIELDS.has(selection.name.value) && !filtered;
    });
  // `direct`: the field is a State itself (state(code:)), not a connection of states.
  return info.fieldNodes.some((node) => asks(node.selectionSet, direct ? 1 : 0));
}
