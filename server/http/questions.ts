import type { ApolloServer } from "@apollo/server";
import { stringify } from "csv-stringify/sync";
import accepts from "accepts";
import type { FastifyInstance, FastifyReply, preHandlerAsyncHookHandler } from "fastify";
import {
  getNamedType,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  parse,
  typeFromAST,
} from "graphql";

import type { Context } from "../context";
import { type HttpCacheOptions, markCacheable } from "./caching";
import type { CatalogueQuestion } from "./explorer";
import { errorBody } from "../errors";

/**
 * Stable URLs for the SDK's named questions, for dashboards that fetch a URL on a schedule
 * (Grafana Infinity, Observable, spreadsheets): `GET /api/questions/<Name>?<variables>` answers
 * the GraphQL result as JSON, or as CSV with `Accept: text/csv` or a `.csv` suffix, one row per
 * item of the answer's main list with its sources.
 */
export function questionRoutes(
  app: FastifyInstance,
  apollo: ApolloServer<Context>,
  schema: GraphQLSchema,
  catalogue: CatalogueQuestion[],
  makeContext: (reply: FastifyReply) => Context,
  cache: HttpCacheOptions,
  /** Answers 304 to a client that holds the current answer (see `conditionalGet`). */
  conditionalGet: preHandlerAsyncHookHandler,
): void {
  const byName = new Map(catalogue.map((q) => [q.name, q]));

  app.get("/api/questions", async (request) => {
    const base = `${request.protocol}://${request.host}`;
    return catalogue.map((q) => ({
      name: q.name,
      description: q.description,
      variables: variableNames(q.document),
      url: `${base}/api/questions/${q.name}`,
      csv: `${base}/api/questions/${q.name}.csv`,
    }));
  });

  app.get<{ Params: { name: string } }>(
    "/api/questions/:name",
    { preHandler: conditionalGet },
    async (request, reply) => {
      const suffixCsv = request.params.name.endsWith(".csv");
      const name = suffixCsv ? request.params.name.slice(0, -4) : request.params.name;
      const question = byName.get(name);
      if (!question) {
        return reply
          .code(404)
          .send(errorBody("NOT_FOUND", `No question named "${name}"; GET /api/questions lists them.`));
      }
      let variables: Record<string, unknown>;
      try {
        variables = variablesFromQuery(schema, question.document, request.query as Record<string, unknown>);
      } catch (error) {
        return reply.code(400).send(errorBody("BAD_USER_INPUT", (error as Error).message));
      }
      const response = await apollo.executeOperation(
        { query: question.document, variables, operationName: question.name },
        { contextValue: makeContext(reply) },
      );
      if (response.body.kind !== "single") throw new Error("incremental delivery is not supported");
      const result = response.body.singleResult;
      const status = result.errors ? (response.http.status ?? (result.data ? 200 : 400)) : 200;
      const csv = suffixCsv || accepts(request.raw).type(["application/json", "text/csv"]) === "text/csv";
      if (!result.errors) markCacheable(reply, cache);
      if (csv && !result.errors) {
        return reply
          .code(200)
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `inline; filename="${question.name}.csv"`)
          .send(toCsv(result.data ?? {}));
      }
      return reply.code(status).send(result);
    },
  );
}

/** Catalogue documents are fixed: each is parsed once, not on every request. */
const operations = new Map<string, OperationDefinitionNode>();

function operationOf(document: string): OperationDefinitionNode {
  let operation = operations.get(document);
  if (!operation) {
    const found = parse(document).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (!found) throw new Error("a catalogue question has no operation");
    operation = found as OperationDefinitionNode;
    operations.set(document, operation);
  }
  return operation;
}

function variableNames(document: string): string[] {
  return (operationOf(document).variableDefinitions ?? []).map((v) => v.variable.name.value);
}

/**
 * Reads an operation's variables from a query string: numbers and booleans by their types,
 * lists as comma-separated values (or repeated parameters), input objects as JSON. GraphQL then
 * validates them as usual.
 */
export function variablesFromQuery(
  schema: GraphQLSchema,
  document: string,
  query: Record<string, unknown>,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const definition of operationOf(document).variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    known.add(name);
    const raw = query[name];
    if (raw === undefined) continue;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type) continue;
    variables[name] = coerce(name, type, raw);
  }
  const unknown = Object.keys(query).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`unknown parameter(s): ${unknown.join(", ")}`);
  return variables;
}

function coerce(name: string, type: GraphQLInputType, raw: unknown): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const items = (Array.isArray(raw) ? raw : String(raw).split(",")).filter((item) => item !== "");
    return items.map((item) => coerce(name, inner.ofType, item));
  }
  if (Array.isArray(raw)) throw new Error(`parameter "${name}" takes one value`);
  const value = String(raw);
  if (isInputObjectType(inner)) {
    try {
      return JSON.parse(value);
    } catch {
      throw new Error(`parameter "${name}" must be a JSON object`);
    }
  }
  const named = getNamedType(inner);
  if (isScalarType(named) && (named.name === "Int" || named.name === "Float")) {
    const number = Number(value);
    if (value.trim() === "" || !Number.isFinite(number))
      throw new Error(`parameter "${name}" must be a number`);
    return number;
  }
  if (isScalarType(named) && named.name === "Boolean") {
    if (value !== "true" && value !== "false") throw new Error(`parameter "${name}" must be true or false`);
    return value === "true";
  }
  if (isEnumType(named)) return value.toUpperCase();
  return value;
}

/** The answer's main list: the first array of objects found, depth first (e.g. states.nodes). */
function mainList(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) {
    return data.filter((item) => item && typeof item === "object") as Record<string, unknown>[];
  }
  if (data && typeof data === "object") {
    for (const value of Object.values(data)) {
      if (Array.isArray(value) && value.some((item) => item && typeof item === "object"))
        return mainList(value);
      const nested = value && typeof value === "object" ? mainList(value) : [];
      if (nested.length > 0) return nested;
    }
    // A single object answer (e.g. a state profile) is one row.
    const values = Object.values(data);
    if (values.length === 1 && values[0] && typeof values[0] === "object")
      return [values[0] as Record<string, unknown>];
  }
  return [];
}

/** "¶59 fn57" for every citation-like object ({paragraph, footnote} or {paragraphNumber, footnoteNumber}) in a row. */
function sourcesOf(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) sourcesOf(item, found);
  } else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    const paragraph = typeof o.paragraph === "number" ? o.paragraph : o.paragraphNumber;
    const footnote = "footnote" in o && typeof o.footnote !== "object" ? o.footnote : o.footnoteNumber;
    if (typeof paragraph === "number")
      found.add(`¶${paragraph}${typeof footnote === "number" ? ` fn${footnote}` : ""}`);
    for (const child of Object.values(o)) if (child && typeof child === "object") sourcesOf(child, found);
  }
  return found;
}

/** Flattens a row: scalar leaves by dotted path; values inside lists joined with "; ". */
function flatten(value: unknown, prefix: string, out: Map<string, string[]>): void {
  if (value === null || value === undefined) {
    if (prefix && !out.has(prefix)) out.set(prefix, []);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, prefix, out);
    if (value.length === 0 && prefix && !out.has(prefix)) out.set(prefix, []);
    return;
  }
  if (typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "sources" || key === "__typename") continue;
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
    return;
  }
  const list = out.get(prefix) ?? [];
  if (!list.includes(String(value))) list.push(String(value));
  out.set(prefix, list);
}

export function toCsv(data: Record<string, unknown>): string {
  const rows = mainList(data).map((item) => {
    const columns = new Map<string, string[]>();
    flatten(item, "", columns);
    const cells: Record<string, string> = {};
    for (const [key, values] of columns) cells[key] = values.join("; ");
    cells.sources = [...sourcesOf(item, new Set())].join("; ");
    return cells;
  });
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  // Sources last, so that a spreadsheet reads fact first, then where it comes from.
  const ordered = [...header.filter((h) => h !== "sources"), "sources"];
  return stringify(rows, { header: true, columns: ordered });
}
