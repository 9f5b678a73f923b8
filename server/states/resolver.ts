import type { GraphQLResolveInfo } from "graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { ResolveTree } from "graphql-parse-resolve-info";
import { sql } from "pg-sql2";
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

import { Action, toAction } from "../actions/action";
import type { Context } from "../context";
import { Discrepancy, toDiscrepancy } from "../discrepancies/discrepancy";
import { Finding, type FindingRow, toFinding } from "../findings/finding";
import { FindingFilter, findingCondition } from "../findings/filter";
import { findingColumns } from "../findings/sql";
import { Connection, PageArgs, pageSql, pageWindow, toPage } from "../graph/connection";
import { SortDirection } from "../graph/enums";
import { inReport, present, rowsPer } from "../graph/loaders";
import { fieldsOn, nodeFieldsOfConnection, selectionOf } from "../graph/look-ahead";
import { datedAll } from "../graph/dated";
import { maybeReport, reportInScope } from "../graph/scope";
import { RECEIVED_ASSISTANCE } from "../vocabulary";
import {
  agreesWith,
  AssistanceNeed,
  AssistanceProvision,
  distinctFindings,
  factsOf,
  LegislationFact,
  Obligation,
  reportedGroups,
  type StateAssertionRow,
  StockpileFact,
  TreatyStatusFact,
  withFindings,
} from "./facts";
import { StateFilter, stateCondition } from "./filter";
import { s, STATE_COLUMNS, STATE_SPELLINGS, stateAssertionsJson, stateFrom } from "./sql";
import { State, type StateRow, statusOn, toState, TreatyStatus } from "./state";

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

/** The State fields answered from the state's assertions (the stateAssertions loader). */
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

/** Whether State fields asked will read the state's assertions (a filtered `findings` reads its own). */
const asksFacts = (fields: ResolveTree[]) =>
  fields.some(
    (field) => FACT_FIELDS.has(field.name) && !(field.name === "findings" && field.args.filter != null),
  );

/** A spelling compared as the report may write it: case and apostrophe style do not matter. */
const spelling = (text: ReturnType<typeof sql.value> | ReturnType<typeof sql.identifier>) =>
  sql`lower(translate(${text}, '’', ''''))`;

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
    const at = inReport(scope.id, code.trim().toUpperCase());
    let row: StateRow | null;
    if (asksFacts(fieldsOn(selectionOf(info), "State")) && !ctx.rows.shares("stateAssertions", at)) {
      // A profile asks for the state's facts, which no request of this dataset version has read
      // yet: bring its assertions in the same statement.
      const r = sql.value(scope.id);
      const [found] = await ctx.db.query<StateRow & { assertions: StateAssertionRow[] }>(
        sql`SELECT ${STATE_COLUMNS}, ${stateAssertionsJson(r)} AS assertions
          FROM ${stateFrom(r)} WHERE ${s}.code = ${sql.value(at.key)}`,
      );
      if (found) {
        const { assertions, ...stateRow } = found;
        ctx.rows.prime("state", at, stateRow);
        ctx.rows.prime("stateAssertions", at, assertions);
      }
      row = found ?? null;
    } else {
      row = await ctx.loaders.state.load(at);
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
    const asked = spelling(sql.value(name.trim()));
    const sp = sql.identifier("sp");
    const [row] = await ctx.db.query<StateRow>(
      sql`SELECT ${STATE_COLUMNS} FROM ${stateFrom(sql.value(scope.id))}
        WHERE ${spelling(sql.identifier("s", "name"))} = ${asked}
          OR ${spelling(sql.identifier("p", "depositary_name"))} = ${asked}
          OR EXISTS (SELECT 1 FROM unnest(${STATE_SPELLINGS}) ${sp} WHERE ${spelling(sp)} = ${asked})
        ORDER BY (${STATE_SPELLINGS} IS NULL), ${s}.code LIMIT 1`,
    );
    return row ? toState(row, scope.id, asOf ?? scope.finalised_on, scope.finalised_on) : null;
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
    const window = pageWindow(args.first, args.after);
    const report = sql.value(scope.id);
    const condition = stateCondition(args.filter, { report, asOf: sql.value(asOf) });
    const direction = args.direction === "DESC" ? sql`DESC` : sql`ASC`;
    // The page's rows are named `s` as well, so that stateAssertionsJson reads their codes.
    const page = s;
    const order =
      args.orderBy === "CODE" ? sql`${page}.code ${direction}` : sql`${page}.name ${direction}, ${page}.code`;
    // When the page's states will read their facts, bring them in this same statement, unless
    // requests of this dataset version already share them (then the page reads only the states,
    // and the few states not read yet are fetched in one statement).
    const withFacts =
      asksFacts(nodeFieldsOfConnection(info, "StateConnection", "State")) &&
      !ctx.rows.shares("stateAssertions");
    // Likewise the states' own rows: once shared, the page reads only which states, in order.
    const rowsShared = ctx.rows.shares("state");
    const facts = withFacts ? sql`, ${stateAssertionsJson(report)} AS assertions` : sql.blank;
    const rows = await ctx.db.query<StateRow & { total: number; assertions?: StateAssertionRow[] }>(
      pageSql({
        matched: sql`SELECT ${STATE_COLUMNS} FROM ${stateFrom(report)} WHERE ${condition}`,
        alias: page,
        select: sql`${rowsShared ? sql`${page}.code` : sql`${page}.*`}${facts}`,
        order,
        window,
      }),
    );
    const found = rows.filter((r) => r.code !== null);
    for (const { total: _total, assertions, ...row } of found) {
      const at = inReport(scope.id, row.code);
      if (assertions) ctx.rows.prime("stateAssertions", at, assertions);
      if (!rowsShared) ctx.rows.prime("state", at, row);
    }
    const stateRows = rowsShared
      ? present(await ctx.loaders.state.loadMany(found.map((r) => inReport(scope.id, r.code))))
      : found;
    const states = stateRows.map((r) => toState(r, scope.id, asOf, scope.finalised_on));
    return toPage(states, window.offset, rows[0]?.total ?? 0);
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
    const reportedAs = reportedGroups(state, await assertionsOf(state, ctx));
    return Object.assign(new TreatyStatusFact(), {
      status: statusOn(state.participationDates, asOf ?? state.asOf),
      asOf: asOf ?? state.asOf,
      participation: state.participation,
      reportedAs,
      agreesWithReport: agreesWith(reportedAs, statusOn(state.participationDates, state.reportDate)),
    });
  }

  @FieldResolver(() => [Finding], {
    description: "The findings that name the state, in report order, optionally filtered.",
  })
  async findings(
    @Root() state: State,
    @Ctx() ctx: Context,
    @Arg("filter", () => FindingFilter, { nullable: true, description: "Only findings matching this." })
    filter?: FindingFilter | null,
  ): Promise<Finding[]> {
    if (!filter) return distinctFindings(await assertionsOf(state, ctx), state);
    // A filtered list: one statement for all states of the request that ask with this filter.
    const loader = ctx.rows.adHoc(`state-findings:${JSON.stringify(filter)}`, () => {
      const a = sql.identifier("a");
      const f = sql.identifier("f");
      return rowsPer<FindingRow & { state_code: string }, string>(
        (reportId, codes) => {
          const report = sql.value(reportId);
          return sql`SELECT DISTINCT ON (${a}.state_code, ${f}.position) ${a}.state_code, ${findingColumns(f)}
            FROM assertion ${a} JOIN finding ${f} ON ${f}.report_id = ${a}.report_id AND ${f}.id = ${a}.finding_id
            WHERE ${a}.report_id = ${report} AND ${a}.state_code = ANY(${sql.value(codes)})
              AND ${findingCondition(filter, { finding: f, report, assertion: a })}
            ORDER BY ${a}.state_code, ${f}.position`;
        },
        (row) => [row.state_code],
      );
    });
    return datedAll((await loader.load(inReport(state.reportId, state.code))).map(toFinding), state);
  }

  @FieldResolver(() => [Obligation], {
    description: "Obligations the report attributes to the state (Articles 3, 4, 5), each with sources.",
  })
  async obligations(@Root() state: State, @Ctx() ctx: Context): Promise<Obligation[]> {
    const rows = await assertionsOf(state, ctx);
    return factsOf(
      state,
      rows,
      (row) => row.meaning.obligation && `${row.meaning.obligation.article}:${row.meaning.obligation.status}`,
      (value, findings) => {
        const [article, status] = value.split(":");
        return withFindings(
          Object.assign(new Obligation(), {
            article: Number(article),
            status: status as Obligation["status"],
          }),
          findings,
        );
      },
    ).sort((x, y) => x.article - y.article);
  }

  @FieldResolver(() => [StockpileFact], {
    description: "What the report says about the state's stockpiles, each with sources.",
  })
  async stockpile(@Root() state: State, @Ctx() ctx: Context): Promise<StockpileFact[]> {
    return factsOf(
      state,
      await assertionsOf(state, ctx),
      (row) => row.meaning.stockpile,
      (status, findings) => withFindings(Object.assign(new StockpileFact(), { status }), findings),
    );
  }

  @FieldResolver(() => [AssistanceNeed], {
    description: "Areas in which the state reported needing international assistance, with sources.",
  })
  async assistanceNeeds(@Root() state: State, @Ctx() ctx: Context): Promise<AssistanceNeed[]> {
    return factsOf(
      state,
      await assertionsOf(state, ctx),
      (row) => row.meaning.need,
      (area, findings) => withFindings(Object.assign(new AssistanceNeed(), { area }), findings),
    );
  }

  @FieldResolver(() => [AssistanceProvision], {
    description: "Assistance the state reported providing (funding, offers), with sources.",
  })
  async assistanceProvided(@Root() state: State, @Ctx() ctx: Context): Promise<AssistanceProvision[]> {
    return assistance(state, ctx, false);
  }

  @FieldResolver(() => [AssistanceProvision], {
    description: "Assistance the state reported receiving, with sources.",
  })
  async assistanceReceived(@Root() state: State, @Ctx() ctx: Context): Promise<AssistanceProvision[]> {
    return assistance(state, ctx, true);
  }

  @FieldResolver(() => [LegislationFact], {
    description: "What the report says about the state's legislation (Article 9), with sources.",
  })
  async legislation(@Root() state: State, @Ctx() ctx: Context): Promise<LegislationFact[]> {
    return factsOf(
      state,
      await assertionsOf(state, ctx),
      (row) => row.meaning.legislation,
      (status, findings) => withFindings(Object.assign(new LegislationFact(), { status }), findings),
    );
  }

  @FieldResolver(() => [Finding], {
    description:
      "The findings that say the state has cluster munition contamination; empty if the report says none.",
  })
  async contamination(@Root() state: State, @Ctx() ctx: Context): Promise<Finding[]> {
    const rows = await assertionsOf(state, ctx);
    return distinctFindings(
      rows.filter((row) => row.meaning.contamination),
      state,
    );
  }

  @FieldResolver(() => [Finding], {
    description: "The findings that say the state submitted a voluntary transparency report.",
  })
  async voluntaryReports(@Root() state: State, @Ctx() ctx: Context): Promise<Finding[]> {
    const rows = await assertionsOf(state, ctx);
    return distinctFindings(
      rows.filter((row) => row.meaning.voluntaryReport),
      state,
    );
  }

  @FieldResolver(() => [Action], {
    description: "The Vientiane Action Plan actions concerned by findings that name the state.",
  })
  async actions(@Root() state: State, @Ctx() ctx: Context): Promise<Action[]> {
    const rows = await assertionsOf(state, ctx);
    const numbers = [...new Set(rows.flatMap((row) => row.actions))].sort((x, y) => x - y);
    const actions = await ctx.loaders.action.loadMany(numbers.map((n) => inReport(state.reportId, n)));
    return datedAll(present(actions).map(toAction), state);
  }

  @FieldResolver(() => [Discrepancy], { description: "Recorded discrepancies that involve the state." })
  async discrepancies(@Root() state: State, @Ctx() ctx: Context): Promise<Discrepancy[]> {
    const rows = await ctx.loaders.discrepanciesByState.load(inReport(state.reportId, state.code));
    return datedAll(rows.map(toDiscrepancy), state);
  }
}

function assertionsOf(state: State, ctx: Context): Promise<StateAssertionRow[]> {
  return ctx.loaders.stateAssertions.load(inReport(state.reportId, state.code));
}

async function assistance(state: State, ctx: Context, received: boolean): Promise<AssistanceProvision[]> {
  return factsOf(
    state,
    await assertionsOf(state, ctx),
    (row) =>
      row.meaning.assistance !== undefined &&
      RECEIVED_ASSISTANCE.includes(row.meaning.assistance) === received
        ? row.meaning.assistance
        : null,
    (kind, findings) => withFindings(Object.assign(new AssistanceProvision(), { kind }), findings),
  );
}
