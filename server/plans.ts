/**
 * Every field PostgreSQL can answer by itself, by type (the plans live in each concept's
 * `plan.ts`; graph/plan.ts walks them), and the answer of a query planned with them.
 */
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { sql } from "pg-sql2";

import type { Context } from "./context";
import { fragmentsOf, isUnplanned, Planner, type TypePlans } from "./graph/plan";
import { maybeReport } from "./graph/scope";
import { ASSERTION_PLANS, CITATION_PLANS, FINDING_PLANS } from "./findings/plan";
import {
  ASSISTANCE_NEED_PLANS,
  LEGISLATION_FACT_PLANS,
  OBLIGATION_PLANS,
  PARTICIPATION_PLANS,
  STATE_PLANS,
  STATE_QUERY_PLANS,
  STOCKPILE_FACT_PLANS,
} from "./states/plan";
import { SEARCH_HIT_PLANS, SEARCH_QUERY_PLANS } from "./search/plan";
import { FOOTNOTE_PLANS, PARAGRAPH_PLANS, SECTION_PLANS } from "./structure/plan";

export const PLANS: Readonly<Record<string, TypePlans>> = {
  Query: { ...STATE_QUERY_PLANS, ...SEARCH_QUERY_PLANS },
  State: STATE_PLANS,
  Participation: PARTICIPATION_PLANS,
  Obligation: OBLIGATION_PLANS,
  StockpileFact: STOCKPILE_FACT_PLANS,
  AssistanceNeed: ASSISTANCE_NEED_PLANS,
  LegislationFact: LEGISLATION_FACT_PLANS,
  Finding: FINDING_PLANS,
  Assertion: ASSERTION_PLANS,
  Citation: CITATION_PLANS,
  Paragraph: PARAGRAPH_PLANS,
  Section: SECTION_PLANS,
  Footnote: FOOTNOTE_PLANS,
  SearchHit: SEARCH_HIT_PLANS,
};

/**
 * The `data` of a query's answer, built as JSON by PostgreSQL in one statement; null when a field
 * of the query has no plan (the query is then answered the usual way). Errors (a bad argument,
 * an unknown report) are thrown, for the caller to hand the query to Apollo Server. The JSON is
 * parsed (pg does it) rather than passed through: JSON.parse and JSON.stringify take about 3 ms
 * a megabyte, and the answer's bytes are then exactly those graphql-js's would be (PostgreSQL
 * writes `"key" : value`), so ETags and caches see one answer, however it was made.
 */
export async function plannedData(
  ctx: Context,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Promise<unknown> {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) throw coerced.errors[0];
  const scope = await maybeReport(ctx, undefined);
  if (!scope) return null;
  const planner = new Planner(
    schema,
    PLANS,
    fragmentsOf(document.definitions),
    coerced.coerced,
    sql.value(scope.id),
  );
  let statement;
  try {
    statement = planner.statement(operation, sql.value(scope.finalised_on));
  } catch (error) {
    if (isUnplanned(error)) return null;
    throw error;
  }
  return statement.assemble(await ctx.db.query<{ part: number; data: unknown }>(statement.sql));
}
