import { unwrapResolverError } from "@apollo/server/errors";
import type { ASTNode, GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";

/**
 * The closed set of error codes a client can see in `errors[].extensions.code`. Anything else is
 * an unexpected error: it is logged with its stack and reaches the client masked as
 * INTERNAL_SERVER_ERROR.
 */
export const ERROR_CODES = [
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "NOT_FOUND",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COMPLEX",
  "TOO_MANY_ALIASES",
  "TOO_MANY_TOKENS",
  "TOO_MANY_DIRECTIVES",
  "DOCUMENT_TOO_LARGE",
  "REQUEST_TOO_LARGE",
  "BATCH_NOT_ALLOWED",
  "RATE_LIMITED",
  "DATABASE_UNAVAILABLE",
  "INTERNAL_SERVER_ERROR",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN = new Set<string>(ERROR_CODES);

/**
 * Codes that refuse the request as a whole, before execution: answered with HTTP 400 (Apollo reads
 * the status from the error). The other codes leave the status to Apollo. BAD_USER_INPUT is not
 * among them: raised by a resolver, it fails one field of an answer that may hold data, and the
 * GraphQL-over-HTTP spec requires a 2xx for an answer whose `data` is present and not null (bad
 * variables are refused before execution by Apollo itself, with 400).
 */
const REFUSED_WITH_400 = new Set<ErrorCode>([
  "GRAPHQL_VALIDATION_FAILED",
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COMPLEX",
  "TOO_MANY_ALIASES",
  "TOO_MANY_TOKENS",
  "TOO_MANY_DIRECTIVES",
]);

export interface UserErrorOptions {
  /** The argument the client should change. */
  argument?: string;
  /** Where in the document the problem is (validation errors). */
  nodes?: readonly ASTNode[];
}

/** An expected error: a GraphQLError with one of the known codes. The one factory of such errors. */
export function userError(code: ErrorCode, message: string, options: UserErrorOptions = {}): GraphQLError {
  return new GraphQLError(message, {
    nodes: options.nodes,
    extensions: {
      code,
      ...(options.argument !== undefined ? { argument: options.argument } : {}),
      ...(REFUSED_WITH_400.has(code) ? { http: { status: 400 } } : {}),
    },
  });
}

/** A JSON error body in the GraphQL response shape, for refusals made before GraphQL runs. */
export function errorBody(code: ErrorCode, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * The database could not be reached or stopped answering. Raised where statements are sent
 * (server/db/sql.ts), so that the error formatter knows it by its type.
 */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  constructor(cause: unknown) {
    super("The database is unavailable; try again shortly.", { cause });
  }
}

/**
 * Apollo's formatError: keeps expected errors, turns database outages into DATABASE_UNAVAILABLE,
 * and masks everything else after logging it.
 */
export function createErrorFormatter(logError: (error: unknown, message: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DatabaseUnavailableError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: "DATABASE_UNAVAILABLE" },
      };
    }
    const own = innermostGraphQLError(original)?.extensions;
    // Apollo's own protocol refusals (e.g. an APQ hash that does not match) carry an HTTP 4xx
    // status but no code: they are the client's error, not ours.
    const status = (own?.http as { status?: number } | undefined)?.status;
    if (own && !own.code && status && status < 500) {
      return { ...formatted, extensions: { code: "BAD_REQUEST" } };
    }
    // Our own refusals keep their code where Apollo wraps them (a validation rule's error becomes
    // GRAPHQL_VALIDATION_FAILED around it).
    const code = (
      typeof own?.code === "string" && KNOWN.has(own.code) ? own.code : formatted.extensions?.code
    ) as string | undefined;
    if (code && KNOWN.has(code) && code !== "INTERNAL_SERVER_ERROR") {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }
    logError(original, "unexpected error while answering a GraphQL request");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

/** The GraphQLError an error wraps, innermost first: Apollo wraps a validation rule's error in its own. */
function innermostGraphQLError(error: unknown): GraphQLError | undefined {
  let found: GraphQLError | undefined;
  for (let e = error; e instanceof GraphQLError; e = e.originalError) found = e;
  return found;
}
