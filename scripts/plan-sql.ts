/**
 * Prints the statement a query is planned into (server/plans.ts), with its parameters, or says
 * which field has no plan: `npx tsx scripts/plan-sql.ts query.graphql ['{"code":"LAO"}'] [report-id] [report-date]`.
 * Paste it into psql behind EXPLAIN ANALYZE to see what PostgreSQL does with it.
 */
import "reflect-metadata";

import fs from "node:fs";

import { getOperationAST, parse } from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { compile, sql } from "pg-sql2";

import { fragmentsOf, isUnplanned, Planner } from "../server/graph/plan";
import { PLANS } from "../server/plans";
import { buildGraphSchema } from "../server/schema";

const [file, variables = "{}", reportId = "beirut-progress-report-2011", reportDate = "2011-09-01"] =
  process.argv.slice(2);
if (!file) {
  console.error(
    "usage: npx tsx scripts/plan-sql.ts query.graphql [variables-json] [report-id] [report-date]",
  );
  process.exit(2);
}
const schema = buildGraphSchema();
const document = parse(fs.readFileSync(file, "utf8"));
const operation = getOperationAST(document);
if (!operation) throw new Error(`${file} holds no single operation`);
const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], JSON.parse(variables));
if (coerced.errors) throw coerced.errors[0];
const planner = new Planner(
  schema,
  PLANS,
  fragmentsOf(document.definitions),
  coerced.coerced,
  sql.value(reportId),
);
try {
  const { text, values } = compile(planner.statement(operation, sql.value(reportDate)).sql);
  console.log(`${text};\n-- parameters: ${JSON.stringify(values)}`);
} catch (error) {
  if (!isUnplanned(error)) throw error;
  console.log(`not planned: ${(error as Error).message} has no plan`);
  process.exitCode = 1;
}
