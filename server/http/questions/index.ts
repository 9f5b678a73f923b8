import crypto from "node:crypto";

import type { ApolloServer } from "@apollo/server";
import accepts from "accepts";
import type { FastifyInstance, FastifyReply, preHandlerAsyncHookHandler } from "fastify";
import {
  type FormattedExecutionResult,
  getNamedType,
  getNullableType,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isListType,
  Kind,
  print,
  typeFromAST,
  valueFromASTUntyped,
} from "graphql";

import type { Context } from "../../context";
import { cacheControl, etagMatches, type HttpCacheOptions, markCacheable } from "../caching";
import type { CatalogueQuestion } from "../explorer";
import { errorBody } from "../../errors";
import { csvOf, type Data, isConnection, isObject, listItems, objectRows, rowOf } from "./rows";
import { declares, operationOf, variablesFromQuery } from "./variables";

/** Rows a list question pages through on the server for one answer; past them, `Link: rel="next"`. */
export const MAX_QUESTION_ROWS = 1000;

export interface QuestionOptions {
  /** Rows one answer pages through (default MAX_QUESTION_ROWS). */
  maxRows?: number;
}
/** The page size used when paging through a list question on the server (the API's largest). */
const PAGE_SIZE = 100;

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
