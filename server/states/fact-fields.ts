/**
 * The State fields that derive from what the report asserts about a state: its findings,
 * obligations, stockpiles, needs, assistance, legislation, contamination, voluntary reports,
 * actions and discrepancies. Each reads the state's assertions (one batch per request) and keeps
 * the findings behind every fact.
 */
import { sql } from "pg-sql2";
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import { Action, toAction } from "../actions/action";
import type { Context } from "../context";
import { Discrepancy, toDiscrepancy } from "../discrepancies/discrepancy";
import { Finding, type FindingRow, toFinding } from "../findings/finding";
import { FindingFilter, findingCondition } from "../findings/filter";
import { findingColumns } from "../findings/sql";
import { datedAll } from "../graph/dated";
import { inReport, present, rowsPer } from "../graph/loaders";
import { RECEIVED_ASSISTANCE } from "../vocabulary";
import {
  AssistanceNeed,
  AssistanceProvision,
  distinctFindings,
  factsOf,
  LegislationFact,
  NeedArea,
  Obligation,
  type StateAssertionRow,
  StockpileFact,
  withFindings,
} from "./facts";
import { State } from "./state";

@Resolver(() => State)
export class StateFactsResolver {
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
    description:
      "Obligations the report attributes to the state (Articles 3, 4, 5), each with sources: by article, then those whose article the report leaves open.",
  })
  async obligations(@Root() state: State, @Ctx() ctx: Context): Promise<Obligation[]> {
    const rows = await assertionsOf(state, ctx, MEANING_OF_FACT.obligations);
    return factsOf(
      state,
      rows,
      // A plain string key per row ("4:OPERATIVE", "3/4/5:OPERATIVE"): this runs for every
      // assertion of every state of a page.
      (row) => {
        const obligation = row.meaning.obligation;
        if (!obligation) return null;
        const articles = "article" in obligation ? obligation.article : obligation.articles.join("/");
        return `${articles}:${obligation.status}`;
      },
      (value, findings) => {
        const [articles, status] = value.split(":");
        const possibleArticles = articles.split("/").map(Number);
        const unspecified = possibleArticles.length > 1;
        return withFindings(
          Object.assign(new Obligation(), {
            article: unspecified ? null : possibleArticles[0],
            possibleArticles,
            unspecified,
            status: status as Obligation["status"],
          }),
          findings,
        );
      },
    ).sort((x, y) => (x.article ?? 99) - (y.article ?? 99));
  }

  @FieldResolver(() => [StockpileFact], {
    description: "What the report says about the state's stockpiles, each with sources.",
  })
  async stockpile(@Root() state: State, @Ctx() ctx: Context): Promise<StockpileFact[]> {
    return factsOf(
      state,
      await assertionsOf(state, ctx, MEANING_OF_FACT.stockpile),
      (row) => row.meaning.stockpile,
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
      await assertionsOf(state, ctx, MEANING_OF_FACT.assistanceNeeds),
      (row) => row.meaning.need,
      (area, findings) => withFindings(Object.assign(new AssistanceNeed(), { area }), findings),
    );
    return areaIn ? needs.filter((need) => areaIn.includes(need.area)) : needs;
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
      await assertionsOf(state, ctx, MEANING_OF_FACT.legislation),
      (row) => row.meaning.legislation,
      (status, findings) => withFindings(Object.assign(new LegislationFact(), { status }), findings),
    );
  }

  @FieldResolver(() => [Finding], {
    description:
      "The findings that say the state has cluster munition contamination; empty if the report says none.",
  })
  async contamination(@Root() state: State, @Ctx() ctx: Context): Promise<Finding[]> {
    const rows = await assertionsOf(state, ctx, MEANING_OF_FACT.contamination);
    return distinctFindings(
      rows.filter((row) => row.meaning.contamination),
      state,
    );
  }

  @FieldResolver(() => [Finding], {
    description: "The findings that say the state submitted a voluntary transparency report.",
  })
  async voluntaryReports(@Root() state: State, @Ctx() ctx: Context): Promise<Finding[]> {
    const rows = await assertionsOf(state, ctx, MEANING_OF_FACT.voluntaryReports);
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

/**
 * The key of assertion_kind.meaning each of these fact fields reads: a page whose fields all read
 * some meanings only may bring just those assertions (server/states/resolver.ts). The other fact
 * fields read every assertion.
 */
export const MEANING_OF_FACT = {
  obligations: "obligation",
  stockpile: "stockpile",
  assistanceNeeds: "need",
  assistanceProvided: "assistance",
  assistanceReceived: "assistance",
  legislation: "legislation",
  contamination: "contamination",
  voluntaryReports: "voluntaryReport",
} as const;

/**
 * Assertions a page brought for its states, when it brought only those of some meanings (the
 * facts its query asks for): not a state's whole list, so kept on the State object of this
 * request rather than given to the stateAssertions loader.
 */
const inHand = new WeakMap<State, { meanings: ReadonlySet<string>; rows: StateAssertionRow[] }>();

/** Gives a state the assertions of `meanings` a statement brought along. */
export function holdAssertions(state: State, meanings: readonly string[], rows: StateAssertionRow[]): void {
  inHand.set(state, { meanings: new Set(meanings), rows });
}

/**
 * A state's assertions: all of them, or (given `meaning`, a key of assertion_kind.meaning) at
 * least those whose kinds mean it.
 */
export function assertionsOf(state: State, ctx: Context, meaning?: string): Promise<StateAssertionRow[]> {
  const held = meaning === undefined ? undefined : inHand.get(state);
  if (held?.meanings.has(meaning!)) return Promise.resolve(held.rows);
  return ctx.loaders.stateAssertions.load(inReport(state.reportId, state.code));
}

async function assistance(state: State, ctx: Context, received: boolean): Promise<AssistanceProvision[]> {
  return factsOf(
    state,
    await assertionsOf(state, ctx, MEANING_OF_FACT[received ? "assistanceReceived" : "assistanceProvided"]),
    (row) =>
      row.meaning.assistance !== undefined &&
      RECEIVED_ASSISTANCE.includes(row.meaning.assistance) === received
        ? row.meaning.assistance
        : null,
    (kind, findings) => withFindings(Object.assign(new AssistanceProvision(), { kind }), findings),
  );
}
