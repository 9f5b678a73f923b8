import type { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import type { FastifyError, preHandlerAsyncHookHandler } from "fastify";
import {
  type DocumentNode,
  getNullableType,
  type GraphQLError,
  type GraphQLSchema,
  isListType,
  type OperationDefinitionNode,
  type TypeNode,
  type ValidationRule,
} from "graphql";
import { type ComplexityEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { LRUCache } from "lru-cache";

import type { Limits } from "../config";
import { type ErrorCode, errorBody, userError } from "../errors";

/**
 * An armor refusal, reported as a validation error (a 400 answer) with its own code, instead of
 * armor's code-less "Syntax Error" thrown.
 */
const reportAs = (code: ErrorCode) => [
  (context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) =>
    context?.reportError(userError(code, withoutPrefix(error.message), { nodes: error.nodes })),
];

/** graphql-armor words its refusals as syntax errors: the prefix would mislead a client. */
const withoutPrefix = (message: string) => message.replace(/^Syntax Error: /, "");

/** Depth, aliases and directives as validation rules from graphql-armor. */
export function armorRules(limits: Limits): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({
      n: limits.maxDepth,
      ignoreIntrospection: false,
      flattenFragments: true,
      onReject: reportAs("QUERY_TOO_DEEP"),
      ...common,
    }),
    maxAliasesRule({ n: limits.maxAliases, onReject: reportAs("TOO_MANY_ALIASES"), ...common }),
    maxDirectivesRule({ n: limits.maxDirectives, onReject: reportAs("TOO_MANY_DIRECTIVES"), ...common }),
  ] as unknown as ValidationRule[];
}

/**
 * Document length and token count, checked before GraphQL parses anything (graphql-armor's
 * token-counting parser). Requests by persisted-query hash carry no document and pass.
 */
export function documentGuard(limits: Limits): preHandlerAsyncHookHandler {
  // Documents that passed: clients send the same few documents again and again (with other
  // variables), and counting tokens is a whole parse. Bounded by their total length.
  const passed = new LRUCache<string, true>({
    maxSize: 50 * limits.maxDocumentLength,
    sizeCalculation: (_, query) => query.length || 1,
  });
  return async (request, reply) => {
    const asked = (request.method === "GET" ? request.query : request.body) as { query?: unknown } | null;
    const query = asked?.query;
    if (typeof query !== "string" || passed.has(query)) return;
    if (query.length > limits.maxDocumentLength) {
      return reply
        .code(400)
        .send(
          errorBody(
            "DOCUMENT_TOO_LARGE",
            `The query document has ${query.length} characters; the limit is ${limits.maxDocumentLength}.`,
          ),
        );
    }
    let tooMany: GraphQLError | undefined;
    try {
      new MaxTokensParserWLexer(query, {
        n: limits.maxTokens,
        exposeLimits: true,
        onReject: [(_context, error) => void (tooMany = error)],
      }).parseDocument();
    } catch {
      if (tooMany) {
        return reply.code(400).send(errorBody("TOO_MANY_TOKENS", withoutPrefix(tooMany.message)));
      }
      // Any other syntax error is GraphQL's to report (GRAPHQL_PARSE_FAILED).
      return;
    }
    passed.set(query, true);
  };
}

/** Assumed length of lists that take no `first` argument (a state's findings, a footnote's states). */
const UNPAGED_LIST_SIZE = 5;

/**
 * Cost of a field, roughly the rows it may return: 1 plus its children; a paged list (`first`,
 * default 50) multiplies its children by the page size, the `nodes`/`edges` of a connection do
 * not multiply again, and any other list multiplies by UNPAGED_LIST_SIZE.
 */
const pagedEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Page sizes outside 1..100 are refused by the field itself, with a clearer message.
  if (typeof args.first === "number") return 1 + childComplexity * Math.min(Math.max(args.first, 1), 100);
  if (field.args.some((a) => a.name === "first")) return 1 + childComplexity * 50;
  if (type.name.endsWith("Connection")) return 1 + childComplexity;
  if (isListType(getNullableType(field.type))) return 1 + childComplexity * UNPAGED_LIST_SIZE;
  return undefined;
};

/**
 * What a cost depends on besides the document: the operation, and the variables that can change
 * it, those of type Int (page sizes) or Boolean (@include/@skip). Undefined when the operation is
 * unknown (no memo then).
 */
function costKey(
  operation: OperationDefinitionNode | undefined,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): string | undefined {
  if (!operation) return undefined;
  const relevant = (operation.variableDefinitions ?? [])
    .filter((definition) => /^(Int|Boolean)$/.test(namedTypeOf(definition.type)))
    .map((definition) => variables?.[definition.variable.name.value] ?? null);
  const key = JSON.stringify([operationName ?? null, relevant]);
  // A long list of integers would make a long key: such requests are priced every time.
  return key.length <= MAX_COST_KEY_LENGTH ? key : undefined;
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === "NamedType" ? type.name.value : namedTypeOf(type.type);
}

/** Costs already computed, per parsed document (Apollo reuses a document object for the same text). */
const costs = new WeakMap<DocumentNode, Map<string, number>>();
const MAX_COSTS_PER_DOCUMENT = 100;
const MAX_COST_KEY_LENGTH = 256;

function remember(document: DocumentNode, key: string, cost: number): void {
  let known = costs.get(document);
  if (!known) costs.set(document, (known = new Map()));
  if (known.size >= MAX_COSTS_PER_DOCUMENT) known.clear();
  known.set(key, cost);
}

/**
 * The operation's cost: remembered per document and cost-relevant variables, else computed.
 * Undefined when the variables are invalid (execution reports them, as BAD_USER_INPUT).
 */
function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  request: { operationName?: string | null; variables?: Record<string, unknown> },
): number | undefined {
  const key = costKey(operation, request.operationName, request.variables);
  const known = key === undefined ? undefined : costs.get(document)?.get(key);
  if (known !== undefined) return known;
  try {
    const cost = getComplexity({
      schema,
      query: document,
      operationName: request.operationName ?? undefined,
      variables: request.variables ?? {},
      estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    if (key !== undefined) remember(document, key, cost);
    return cost;
  } catch (error) {
    // Fragment bombs trip the library's own node limit.
    if (/maximum allowed number of nodes/.test((error as Error).message)) {
      throw userError(
        "QUERY_TOO_COMPLEX",
        "The query expands to too many fields; use fewer nested fragments.",
      );
    }
    return undefined;
  }
}

/**
 * Refuses, before execution, operations whose cost (page sizes multiplied) exceeds the limit,
 * and mutations or subscriptions: the API is read-only.
 */
export function costLimitPlugin(schema: GraphQLSchema, limits: Limits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (operation && operation.operation !== "query") {
            throw userError(
              "GRAPHQL_VALIDATION_FAILED",
              `ccm-graph is read-only: it has no ${operation.operation} operations.`,
            );
          }
          const cost = costOf(schema, document, operation, request);
          if (cost === undefined) return;
          if (cost > limits.maxCost) {
            throw userError(
              "QUERY_TOO_COMPLEX",
              `Query cost ${cost} exceeds the limit of ${limits.maxCost}; ask for smaller pages or fewer nested lists.`,
            );
          }
        },
      };
    },
  };
}

/**
 * Whether a query is within the cost limit, for requests answered outside Apollo's pipeline
 * (./known-documents.ts). False also when its cost cannot be told (invalid variables, a fragment
 * bomb): Apollo then answers, and says why.
 */
export function withinCostLimit(
  schema: GraphQLSchema,
  limits: Limits,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  request: { operationName?: string | null; variables?: Record<string, unknown> },
): boolean {
  try {
    const cost = costOf(schema, document, operation, request);
    return cost !== undefined && cost <= limits.maxCost;
  } catch {
    return false;
  }
}

/** Batched requests (a JSON array of operations) are refused: one operation per request. */
export const refuseBatches: preHandlerAsyncHookHandler = async (request, reply) => {
  if (Array.isArray(request.body)) {
    return reply
      .code(400)
      .send(
        errorBody("BATCH_NOT_ALLOWED", "Batched requests are not accepted: send one operation per request."),
      );
  }
};

/**
 * How deeply a request's JSON may nest (variables, extensions). Filters, the deepest input the
 * schema takes, nest at most 8 levels (about 25 of JSON); anything far deeper is refused before
 * code that walks values level by level (the answer cache's key, GraphQL's coercion) meets it.
 */
export const MAX_JSON_NESTING = 64;

/**
 * How deeply a parsed JSON value nests (a scalar 0, `[]` 1), counted without recursion and
 * without walking further once past `limit`.
 */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, above] = stack.pop()!;
    if (item === null || typeof item !== "object") continue;
    const depth = above + 1;
    if (depth > deepest && (deepest = depth) > limit) return deepest;
    for (const child of Object.values(item)) {
      if (child !== null && typeof child === "object") stack.push([child, depth]);
    }
  }
  return deepest;
}

/**
 * Refuses (400) a request whose query, variables, operation name or extensions nest deeper than
 * MAX_JSON_NESTING, in a POST body or a GET's JSON parameters. Runs before the answer cache.
 */
export const refuseDeepNesting: preHandlerAsyncHookHandler = async (request, reply) => {
  const asked = (request.method === "GET" ? request.query : request.body) as Record<string, unknown> | null;
  if (!asked || typeof asked !== "object") return;
  for (const part of ["query", "variables", "operationName", "extensions"]) {
    let value = asked[part];
    // A GET's parameters are JSON text: only one long enough to nest too deeply is read here.
    if (typeof value === "string" && request.method === "GET" && value.length > 2 * MAX_JSON_NESTING) {
      try {
        value = JSON.parse(value);
      } catch {
        continue; // GraphQL reports it
      }
    }
    if (
      value !== null &&
      typeof value === "object" &&
      nestingDepth(value, MAX_JSON_NESTING) > MAX_JSON_NESTING
    ) {
      return reply
        .code(400)
        .send(
          errorBody(
            "BAD_REQUEST",
            `The request's ${part} nest more than ${MAX_JSON_NESTING} levels deep; nothing ccm-graph takes needs that many.`,
          ),
        );
    }
  }
};

/** The 400 answer to a request body Fastify could not read (too large, malformed JSON), if it is one. */
export function bodyRefusal(error: FastifyError, limits: Limits): ReturnType<typeof errorBody> | undefined {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return errorBody(
        "REQUEST_TOO_LARGE",
        `The request body exceeds the limit of ${limits.maxBodyBytes} bytes.`,
      );
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return errorBody("BAD_REQUEST", "The request body is not valid JSON.");
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return errorBody("BAD_REQUEST", "The request body does not match its Content-Length.");
    default:
      return undefined;
  }
}
