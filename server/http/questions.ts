import crypto from "node:crypto";

import type { ApolloServer } from "@apollo/server";
import { stringify } from "csv-stringify/sync";
import accepts from "accepts";
import type { FastifyInstance, FastifyReply, preHandlerAsyncHookHandler } from "fastify";
import {
  type FormattedExecutionResult,
  getNamedType,
  getNullableType,
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
  print,
  typeFromAST,
  valueFromASTUntyped,
} from "graphql";

import type { Context } from "../context";
import { cacheControl, etagMatches, type HttpCacheOptions, markCacheable } from "./caching";
import type { CatalogueQuestion } from "./explorer";
import { errorBody } from "../errors";

/** Rows a list question pages through on the server for one answer; past them, `Link: rel="next"`. */
export const MAX_QUESTION_ROWS = 1000;

export interface QuestionOptions {
  /** Rows one answer pages through (default MAX_QUESTION_ROWS). */
  maxRows?: number;
}
/** The page size used when paging through a list question on the server (the API's largest). */
const PAGE_SIZE = 100;

type Data = Record<string, unknown>;

/**
 * Stable URLs for the SDK's named questions, for dashboards that fetch a URL on a schedule
 * (Grafana Infinity, Observable, spreadsheets): `GET /api/questions/<Name>?<variables>` answers
 * the GraphQL result as JSON, or as CSV with `Accept: text/csv` or a `.csv` suffix, one row per
 * item of the answer's main list with its sources. Names match in any case.
 *
 * A list question answers every row: a paged one is paged through here (pages of 100), up to
 * MAX_QUESTION_ROWS rows; past that, and whenever the client asks for one page (`first`), the
 * answer carries `Link: <...after=...>; rel="next"`. Lists carry their total in `X-Total-Count`.
 * A question about one object answers 404 when there is no such object, and as CSV one row per
 * item of the object's list named in its operation file (`# @csv`), with the object's code and
 * name (or number, key, title) on each row; one without such a list answers CSV with 406.
 */
export function questionRoutes(
  app: FastifyInstance,
  apollo: ApolloServer<Context>,
  schema: GraphQLSchema,
  catalogue: CatalogueQuestion[],
  makeContext: (reply: FastifyReply) => Promise<Context>,
  cache: HttpCacheOptions,
  /** Answers 304 to a client that holds the current answer (see `conditionalGet`). */
  conditionalGet: preHandlerAsyncHookHandler,
  options: QuestionOptions = {},
): void {
  const maxRows = options.maxRows ?? MAX_QUESTION_ROWS;
  const byName = new Map(catalogue.map((q) => [q.name.toLowerCase(), q]));

  app.get("/api/questions", async (request, reply) => {
    const base = `${request.protocol}://${request.host}`;
    const body = JSON.stringify(catalogue.map((q) => describeQuestion(schema, q, base)));
    // The listing changes only with the code (and the host it is asked of): its own digest is its ETag.
    const etag = `W/"${crypto.createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`;
    reply.header("ETag", etag).header("Cache-Control", cacheControl(cache));
    if (etagMatches(request.headers["if-none-match"], etag)) return reply.code(304).send();
    return reply.type("application/json; charset=utf-8").send(body);
  });

  app.get<{ Params: { name: string } }>(
    "/api/questions/:name",
    { preHandler: conditionalGet },
    async (request, reply) => {
      const suffixCsv = /\.csv$/i.test(request.params.name);
      const name = suffixCsv ? request.params.name.slice(0, -4) : request.params.name;
      const question = byName.get(name.toLowerCase());
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
      const context = await makeContext(reply);
      const execute = async (asked: Record<string, unknown>) => {
        const response = await apollo.executeOperation(
          { query: question.document, variables: asked, operationName: question.name },
          { contextValue: context },
        );
        if (response.body.kind !== "single") throw new Error("incremental delivery is not supported");
        return { result: response.body.singleResult, status: response.http.status };
      };
      const pageAll =
        question.pagedConnection && variables.first === undefined && declares(question.document, "first");
      const { result, status } = pageAll
        ? await allPages(execute, variables, question.pagedConnection!, maxRows)
        : await execute(variables);
      if (result.errors) return reply.code(status ?? (result.data ? 200 : 400)).send(result);

      const data = (result.data ?? {}) as Data;
      const root = Object.keys(data)[0];
      const value = data[root];
      if (value === null) {
        const asked = Object.entries(variables)
          .map(([key, v]) => `${key}=${typeof v === "string" ? v : JSON.stringify(v)}`)
          .join(", ");
        return reply.code(404).send({
          errors: [
            {
              message: `${question.name}: nothing matches ${asked || "the question"}.`,
              extensions: { code: "NOT_FOUND" },
            },
          ],
          data,
        });
      }
      if (isConnection(value)) {
        if (typeof value.totalCount === "number") reply.header("X-Total-Count", String(value.totalCount));
        const pageInfo = value.pageInfo as { hasNextPage?: boolean; endCursor?: string | null } | undefined;
        if (question.pagedConnection && pageInfo?.hasNextPage && pageInfo.endCursor) {
          const next = new URL(request.url, `${request.protocol}://${request.host}`);
          next.searchParams.set("after", pageInfo.endCursor);
          reply.header("Link", `<${next.href}>; rel="next"`);
        }
      }
      const csv = suffixCsv || accepts(request.raw).type(["application/json", "text/csv"]) === "text/csv";
      if (!csv) {
        markCacheable(reply, cache);
        return reply.code(200).send(result);
      }
      const single = isObject(value) && !isConnection(value);
      if (single && !question.csvList) {
        return reply
          .code(406)
          .send(
            errorBody(
              "BAD_REQUEST",
              `${question.name} answers one object, with no list to make rows of: ask for JSON (no .csv, Accept: application/json).`,
            ),
          );
      }
      const rows = single ? objectRows(root, value, question.csvList!) : listItems(value).map(rowOf);
      markCacheable(reply, cache);
      return reply
        .code(200)
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `inline; filename="${question.name}.csv"`)
        .send(csvOf(rows));
    },
  );
}

/**
 * Every page of a paged question, from `after` if given, in pages of PAGE_SIZE, until the list
 * ends or `maxRows` rows are in: one answer, its connection holding every row read and
 * the last page's pageInfo (which says whether there is more).
 */
async function allPages(
  execute: (
    variables: Record<string, unknown>,
  ) => Promise<{ result: FormattedExecutionResult; status?: number }>,
  variables: Record<string, unknown>,
  field: string,
  maxRows: number,
): Promise<{ result: FormattedExecutionResult; status?: number }> {
  let asked: Record<string, unknown> = { ...variables, first: Math.min(PAGE_SIZE, maxRows) };
  let first: { result: FormattedExecutionResult; status?: number } | undefined;
  let rows = 0;
  for (;;) {
    const page = await execute(asked);
    const connection = (page.result.data as Data | null | undefined)?.[field] as Data | null | undefined;
    if (page.result.errors || !isConnection(connection)) return first && !page.result.errors ? first : page;
    if (!first) first = page;
    else {
      const all = (first.result.data as Data)[field] as Data;
      for (const list of ["nodes", "edges"]) {
        if (Array.isArray(all[list]) && Array.isArray(connection[list]))
          (all[list] as unknown[]).push(...connection[list]);
      }
      all.pageInfo = connection.pageInfo;
    }
    rows += listItems(connection).length;
    const pageInfo = connection.pageInfo as { hasNextPage?: boolean; endCursor?: string | null } | undefined;
    if (!pageInfo?.hasNextPage || !pageInfo.endCursor || rows >= maxRows) return first;
    asked = { ...asked, after: pageInfo.endCursor };
  }
}

const isObject = (value: unknown): value is Data =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** A connection: an object holding its items in `nodes` or `edges`. */
const isConnection = (value: unknown): value is Data =>
  isObject(value) && (Array.isArray(value.nodes) || Array.isArray(value.edges));

/** The items of a list answer: the list itself, or a connection's nodes. */
function listItems(value: unknown): Data[] {
  const items = Array.isArray(value)
    ? value
    : isConnection(value)
      ? Array.isArray(value.nodes)
        ? value.nodes
        : (value.edges as Data[]).map((edge) => edge.node)
      : [];
  return (items as unknown[]).filter(isObject);
}

/** Fields that name an object, carried on each row of its CSV (`state.code`, `state.name`). */
const IDENTITY_FIELDS = ["code", "name", "number", "key", "title"];

/** The rows of a question about one object: one per item of its list, each with the object's identity. */
function objectRows(root: string, object: Data, list: string): Record<string, string>[] {
  const identity: Record<string, string> = {};
  for (const field of IDENTITY_FIELDS) {
    const value = object[field];
    if (typeof value === "string" || typeof value === "number") identity[`${root}.${field}`] = String(value);
  }
  return listItems(object[list]).map((item) => ({ ...identity, ...rowOf(item) }));
}

/** What a question takes and how to ask it: for GET /api/questions. */
function describeQuestion(schema: GraphQLSchema, question: CatalogueQuestion, base: string) {
  const variables = (operationOf(question.document).variableDefinitions ?? []).map((definition) => {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    const named = type && getNamedType(type);
    const values = named && isEnumType(named) ? named.getValues().map((v) => v.name) : undefined;
    // The catalogue's example, else the default, else an enum's first value.
    const example =
      question.variables[name] ??
      (definition.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined) ??
      values?.[0];
    return {
      name,
      type: print(definition.type),
      required: definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue,
      ...(definition.defaultValue ? { default: print(definition.defaultValue) } : {}),
      ...(values ? { enum: values } : {}),
      ...(example !== undefined ? { example } : {}),
    };
  });
  const url = `${base}/api/questions/${question.name}`;
  const root = operationOf(question.document).selectionSet.selections[0];
  const rootType =
    root?.kind === Kind.FIELD ? schema.getQueryType()?.getFields()[root.name.value]?.type : undefined;
  const aboutOneObject =
    rootType !== undefined &&
    !isListType(getNullableType(rootType)) &&
    !getNamedType(rootType).name.endsWith("Connection");
  const hasCsv = !aboutOneObject || Boolean(question.csvList);
  const query = new URLSearchParams(
    Object.entries(question.variables).map(([key, value]) => [key, queryValue(value)]),
  ).toString();
  return {
    name: question.name,
    title: titleOf(question.name),
    question: question.description,
    variables,
    paged: Boolean(question.pagedConnection),
    ...(aboutOneObject ? { csvRows: question.csvList ? `one per item of ${question.csvList}` : null } : {}),
    url,
    ...(hasCsv ? { csv: `${url}.csv` } : {}),
    example: `${url}${hasCsv ? ".csv" : ""}${query ? `?${query}` : ""}`,
  };
}

/** "StatesByStatus" → "States by status". */
function titleOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(" ");
  return words.map((word, i) => (i === 0 ? word : word.toLowerCase())).join(" ");
}

/** A variable's value as a query parameter: lists comma-separated, input objects as JSON. */
function queryValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(queryValue).join(",");
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}

function declares(document: string, variable: string): boolean {
  return (operationOf(document).variableDefinitions ?? []).some((v) => v.variable.name.value === variable);
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
      // Opaque global ids are for clients' caches, not for a spreadsheet.
      if (key === "sources" || key === "__typename" || key === "id") continue;
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
    return;
  }
  const list = out.get(prefix) ?? [];
  if (!list.includes(String(value))) list.push(String(value));
  out.set(prefix, list);
}

/** One CSV row: the item's fields flattened, and its sources. */
function rowOf(item: Data): Record<string, string> {
  const columns = new Map<string, string[]>();
  flatten(item, "", columns);
  const cells: Record<string, string> = {};
  for (const [key, values] of columns) cells[key] = values.join("; ");
  cells.sources = [...sourcesOf(item, new Set())].join("; ");
  return cells;
}

function csvOf(rows: Record<string, string>[]): string {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  // Sources last, so that a spreadsheet reads fact first, then where it comes from.
  const ordered = [...header.filter((h) => h !== "sources"), "sources"];
  return stringify(rows, { header: true, columns: ordered });
}
