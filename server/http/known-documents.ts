import type { ApolloServerPlugin } from "@apollo/server";
import accepts from "accepts";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { LRUCache } from "lru-cache";

import type { Limits } from "../config";
import type { Context } from "../context";
import { type HttpCacheOptions, markCacheable } from "./caching";
import { DOCUMENT_HEAP_BYTES_PER_CHARACTER } from "./documents";
import { withinCostLimit } from "./limits";
import { type Metrics, noteOperation } from "./observability";

/**
 * A shorter way through for queries Apollo Server has already accepted: the same text (and
 * operation name) always parses and validates the same way, so a request that asks one again, in
 * plain JSON (no persisted-query extension) and for a JSON answer, is executed by graphql-js
 * directly from the route, with the same context, cost limit, headers, log notes and metrics as
 * Apollo's plugins give it. Apollo's pipeline (a hash of the text, the document store, a dozen
 * plugin hooks per request, its own request and response objects) was most of the cost of a
 * small request. Anything else, and any answer with an error, goes through Apollo as before: a
 * query that read something and failed is asked again there, so errors, their codes and masking,
 * and HTTP statuses stay Apollo's (queries only read, so asking twice changes nothing).
 */
export interface KnownDocumentsOptions {
  schema: GraphQLSchema;
  limits: Limits;
  metrics: Metrics;
  httpCache: HttpCacheOptions;
  /** The request's context, as Apollo's requests get it. */
  contextFor(reply: FastifyReply): Context | Promise<Context>;
  /** Counts the operation as running (for the shutdown drain); returns its end. */
  started(): () => void;
  /**
   * The answer's `data` as PostgreSQL built it (server/plans.ts), or null when the query has no
   * plan: then graphql-js executes it. Not given: graphql-js executes every query.
   */
  planned?(
    context: Context,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): Promise<unknown>;
}

interface Known {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /**
   * False once a request of the query could not be planned (a field without a plan, an argument
   * its plan does not take, such as `report`): from then on graphql-js executes it, without
   * trying again.
   */
  plannable: boolean;
}

/** What a request asks, when it is plain enough to be answered here. */
interface Asked {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

const MEDIA_TYPES = [
  // Apollo Server's choices, in its order (chooseContentTypeForSingleResultResponse).
  "application/json; charset=utf-8",
  "application/graphql-response+json; charset=utf-8",
  "application/json; callbackSpec=1.0; charset=utf-8",
];

export class KnownDocuments {
  private readonly known: LRUCache<string, Known>;
  /** The answer's media type per Accept header, as Apollo negotiates it (null: leave it to Apollo). */
  private readonly mediaTypes = new LRUCache<string, string | false>({ max: 200 });

  constructor(
    private readonly options: KnownDocumentsOptions,
    maxBytes: number,
  ) {
    this.known = new LRUCache<string, Known>({
      maxSize: maxBytes,
      sizeCalculation: (_known, key) => Math.max(1, key.length * DOCUMENT_HEAP_BYTES_PER_CHARACTER),
    });
  }

  /** Remembers the queries Apollo has parsed, validated and let through to execution. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        executionDidStart: async ({ request, document, operation }) => {
          if (!request.query || !operation || operation.operation !== "query") return;
          this.known.set(keyOf(request.query, request.operationName ?? undefined), {
            document,
            operation,
            plannable: true,
          });
        },
      }),
    };
  }

  /**
   * Answers a request of a known query (its body, as the handler returns it), or undefined: then
   * Apollo answers it. Nothing is set on the reply unless the answer is given here.
   */
  async answer(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
    const asked = askedBy(request);
    if (!asked) return undefined;
    const known = this.known.get(keyOf(asked.query, asked.operationName));
    if (!known) return undefined;
    const mediaType = this.mediaTypeFor(request);
    if (!mediaType) return undefined;
    const { schema, limits } = this.options;
    if (!withinCostLimit(schema, limits, known.document, known.operation, asked)) return undefined;

    const begun = process.hrtime.bigint();
    const finished = this.options.started();
    let context: Context;
    let data: unknown = null;
    let result: ExecutionResult | undefined;
    try {
      // With snapshots, the request's own (opened by its preHandler); a failure is Apollo's to answer.
      context = await this.options.contextFor(reply);
      if (known.plannable && this.options.planned) {
        data = await this.options.planned(context, known.document, known.operation, asked.variables);
        if (data === null) known.plannable = false;
      }
      if (data === null) {
        const executed = execute({
          schema,
          document: known.document,
          contextValue: context,
          variableValues: asked.variables,
          operationName: asked.operationName,
        });
        result = executed instanceof Promise ? await executed : executed;
      }
    } catch {
      return undefined;
    } finally {
      finished();
    }
    if (result?.errors?.length) return undefined;

    const operationName = known.operation.name?.value ?? asked.operationName;
    noteOperation(reply, operationName, context.db.statements);
    if (request.method === "GET") markCacheable(reply, this.options.httpCache);
    reply.locals.cacheableAnswer = true;
    reply
      .code(200)
      .header("content-type", mediaType)
      .header("x-sql-statements", String(context.db.statements));
    const body = JSON.stringify({ data: data === null ? result!.data : data });
    this.options.metrics.record(operationName, Number(process.hrtime.bigint() - begun) / 1e9, false);
    return body;
  }

  private mediaTypeFor(request: FastifyRequest): string | undefined {
    const accept = request.headers.accept;
    if (!accept) return MEDIA_TYPES[0];
    let chosen = this.mediaTypes.get(accept);
    if (chosen === undefined) {
      chosen = (accepts(request.raw).type(MEDIA_TYPES) as string | false) || false;
      this.mediaTypes.set(accept, chosen);
    }
    return chosen || undefined;
  }
}

const keyOf = (query: string, operationName: string | undefined) => `${operationName ?? ""}\u0000${query}`;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The query, variables and operation name of a plain GET or POST, or undefined for anything else. */
function askedBy(request: FastifyRequest): Asked | undefined {
  let fields: Record<string, unknown>;
  let variables: unknown;
  if (request.method === "POST") {
    if (!isPlainObject(request.body)) return undefined;
    fields = request.body;
    variables = fields.variables;
  } else if (request.method === "GET") {
    if (!isPlainObject(request.query)) return undefined;
    fields = request.query;
    if (typeof fields.variables === "string") {
      try {
        variables = JSON.parse(fields.variables);
      } catch {
        return undefined;
      }
    } else if (fields.variables !== undefined) return undefined;
  } else return undefined;
  const { query, operationName, extensions } = fields;
  if (typeof query !== "string" || extensions !== undefined) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string")
    return undefined;
  if (variables !== undefined && variables !== null && !isPlainObject(variables)) return undefined;
  return {
    query,
    variables: (variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: (operationName ?? undefined) as string | undefined,
  };
}
