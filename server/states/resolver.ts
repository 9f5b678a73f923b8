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
import type { Context } from "../context";
import { Connection, PageArgs, pageSql, pageWindow, toPage } from "../graph/connection";
import { SortDirection } from "../graph/enums";
import { inReport, present } from "../graph/loaders";
import { fieldsOn, nodeFieldsOfConnection, operationAsks, selectionOf } from "../graph/look-ahead";
import { maybeReport, reportInScope } from "../graph/scope";
import { agreesWith, reportedGroups, type StateAssertionRow, TreatyStatusFact } from "./facts";
import { assertionsOf, holdAssertions, MEANING_OF_FACT } from "./fact-fields";
import { StateFilter, stateCondition } from "./filter";
import { s, STATE_COLUMNS, STATE_SPELLINGS, stateAssertionRows, stateAssertionsJson, stateFrom } from "./sql";
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

/** The State fields asked that will read the state's assertions (a filtered `findings` reads its own). */
const factFieldsAsked = (fields: ResolveTree[]) =>
  fields.filter(
    (field) => FACT_FIELDS.has(field.name) && !(field.name === "findings" && field.args.filter != null),
  );

/** The meanings the fact fields asked read, or null when one of them reads every assertion. */
function meaningsAsked(factFields: ResolveTree[]): string[] | null {
  const meanings = new Set<string>();
  for (const field of factFields) {
    if (!Object.hasOwn(MEANING_OF_FACT, field.name)) return null;
    meanings.add(MEANING_OF_FACT[field.name as keyof typeof MEANING_OF_FACT]);
  }
  return [...meanings];
}

/**
 * Whether state assertions read for this request must carry their findings' summary and note
 * (the longest texts, most of a finding's bytes): when rows are shared with other requests
 * (which may ask for them), or when the operation selects a field of either name anywhere.
 */
const withFindingTexts = (ctx: Context, info: GraphQLResolveInfo) =>
  ctx.rows.sharing || operationAsks(info, ["summary", "note"]);

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
    if (
      factFieldsAsked(fieldsOn(selectionOf(info), "State")).length > 0 &&
      !ctx.rows.shares("stateAssertions", at)
    ) {
      // A profile asks for the state's facts, which no request of this dataset version has read
      // yet: bring its assertions in the same statement.
      const r = sql.value(scope.id);
      const [found] = await ctx.db.query<StateRow & { assertions: unknown[][] }>(
        sql`SELECT ${STATE_COLUMNS}, ${stateAssertionsJson(r, { texts: withFindingTexts(ctx, info) })} AS assertions
          FROM ${stateFrom(r)} WHERE ${s}.code = ${sql.value(at.key)}`,
      );
      if (found) {
        const { assertions, ...stateRow } = found;
        ctx.rows.prime("state", at, stateRow);
        ctx.rows.prime("stateAssertions", at, stateAssertionRows(assertions));
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
    const factFields = factFieldsAsked(nodeFieldsOfConnection(info, "StateConnection", "State"));
    const withFacts = factFields.length > 0 && !ctx.rows.shares("stateAssertions");
    // When every fact asked reads assertions of some meanings only (the headline question asks
    // for stockpiles and needs), bring only those: a state's whole list grows with the data.
    // Not when rows are shared: then the whole lists, read once, serve every request after.
    const meanings = withFacts && !ctx.rows.sharing ? meaningsAsked(factFields) : null;
    // Likewise the states' own rows: once shared, the page reads only which states, in order.
    const rowsShared = ctx.rows.shares("state");
    const facts = withFacts
      ? sql`, ${stateAssertionsJson(report, { meanings: meanings ?? undefined, texts: withFindingTexts(ctx, info) })} AS assertions`
      : sql.blank;
    const rows = await ctx.db.query<StateRow & { total: number; assertions?: unknown[][] }>(
      pageSql({
        matched: sql`SELECT ${STATE_COLUMNS} FROM ${stateFrom(report)} WHERE ${condition}`,
        alias: page,
        select: sql`${rowsShared ? sql`${page}.code` : sql`${page}.*`}${facts}`,
        order,
        window,
      }),
    );
    const found = rows.filter((r) => r.code !== null);
    const held = new Map<string, StateAssertionRow[]>();
    for (const { total: _total, assertions, ...row } of found) {
      const at = inReport(scope.id, row.code);
      if (assertions) {
        const assertionRows = stateAssertionRows(assertions);
        // Some meanings only: not a state's whole list, so not the loader's (see holdAssertions).
        if (meanings) held.set(row.code, assertionRows);
        else ctx.rows.prime("stateAssertions", at, assertionRows);
      }
      if (!rowsShared) ctx.rows.prime("state", at, row);
    }
    const stateRows = rowsShared
      ? present(await ctx.loaders.state.loadMany(found.map((r) => inReport(scope.id, r.code))))
      : found;
    const states = stateRows.map((r) => toState(r, scope.id, asOf, scope.finalised_on));
    if (meanings) for (const state of states) holdAssertions(state, meanings, held.get(state.code) ?? []);
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
}
