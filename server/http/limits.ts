import type { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import type { FastifyError, preHandlerAsyncHookHandler } from "fastify";
import {
  type DocumentNode,
  getNullableType,
  GraphQLError,
  type GraphQLSchema,
  isListType,
  type OperationDefinitionNode,
  type TypeNode,
  type ValidationRule,
} from "graphql";
import { type ComplexityEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { LRUCache } from "lru-cache";

import type { ErrorCode } from "../errors";

/** The limits a request must stay within; every one is configurable from the environment. */
export interface Limits {
  /** Deepest selection nesting (introspection included). */
  maxDepth: number;
  /** Highest query cost; list fields multiply their children's cost by their page size. */
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Longest query document, in characters. */
  maxDocumentLength: number;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 15,
  maxCost: 50_000,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 20,
  maxDocumentLength: 20_000,
  maxBodyBytes: 100_000,
};

const ENV_NAMES: Record<keyof Limits, string> = {
  maxDepth: "MAX_DEPTH",
  maxCost: "MAX_COST",
  maxAliases: "MAX_ALIASES",
  maxTokens: "MAX_TOKENS",
  maxDirectives: "MAX_DIRECTIVES",
  maxDocumentLength: "MAX_DOCUMENT_LENGTH",
  maxBodyBytes: "MAX_BODY_BYTES",
};

export function limitsFromEnv(env: NodeJS.ProcessEnv): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as (keyof Limits)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`${ENV_NAMES[key]} must be a positive integer`);
    limits[key] = value;
  }
  return limits;
}

/** A refusal: a GraphQLError with its own code and HTTP status 400. */
export function refusal(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * graphql-armor's rules report "Syntax Error: <message>" without a code; these patterns give
 * each refusal its own code (see server/errors.ts, which applies them).
 */
export const ARMOR_CODES: [RegExp, ErrorCode][] = [
  [/Query depth limit of \d+ exceeded/, "QUERY_TOO_DEEP"],
  [/Aliases limit of \d+ exceeded/, "TOO_MANY_ALIASES"],
  [/Token limit of \d+ exceeded/, "TOO_MANY_TOKENS"],
  [/Directives limit of \d+ exceeded/, "TOO_MANY_DIRECTIVES"],
];

/** Reports an armor refusal as a validation error (a 400 answer), instead of throwing. */
const report = [
  (context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) =>
    context?.reportError(error),
];

/** Depth, aliases and directives as validation rules from graphql-armor. */
export function armorRules(limits: Limits): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false, onReject: report } as const;
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true, ...common }),
    maxAliasesRule({ n: limits.maxAliases, ...common }),
    maxDirectivesRule({ n: limits.maxDirectives, ...common }),
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
    try {
      new MaxTokensParserWLexer(query, { n: limits.maxTokens, exposeLimits: true }).parseDocument();
    } catch (error) {
      const message = (error as Error).message;
      if (/Token limit of \d+ exceeded/.test(message)) {
        return reply.code(400).send(errorBody("TOO_MANY_TOKENS", message.replace(/^Syntax Error: /, "")));
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
      throw refusal("QUERY_TOO_COMPLEX", "The query expands to too many fields; use fewer nested fragments.");
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
            throw refusal(
              "GRAPHQL_VALIDATION_FAILED",
              `ccm-graph is read-only: it has no ${operation.operation} operations.`,
            );
          }
          const cost = costOf(schema, document, operation, request);
          if (cost === undefined) return;
          if (cost > limits.maxCost) {
            throw refusal(
              "QUERY_TOO_COMPLEX",
              `Query cost ${cost} exceeds the limit of ${limits.maxCost}; ask for smaller pages or fewer nested lists.`,
            );
          }
        },
      };
    },
  };
}

/** A JSON error body in the GraphQL response shape, for refusals made before GraphQL runs. */
export function errorBody(code: ErrorCode, message: string) {
  return { errors: [{ message, extensions: { code } }] };
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
