import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";

import { ARMOR_CODES } from "./http/limits";

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

/** An expected error: a GraphQLError with one of the known codes. */
export function userError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** A request the client must change: answered with HTTP 400. */
export const badInput = (message: string, extra: Record<string, unknown> = {}) =>
  userError("BAD_USER_INPUT", message, { ...extra, http: { status: 400 } });

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, connection failures.
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|canceling statement due to statement timeout/i;

/**
 * PostgreSQL and pg errors that mean the database cannot be reached or stopped answering. The
 * error may come wrapped: by TypeORM (driverError), by graphql-js (thrownValue, for non-Error
 * values such as the pool's connect failures) or as a cause.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    thrownValue?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return [e.thrownValue, e.driverError, e.cause].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/**
 * Apollo's formatError: keeps expected errors, turns database outages into DATABASE_UNAVAILABLE,
 * and masks everything else after logging it.
 */
export function createErrorFormatter(logError: (error: unknown, message: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    let code = formatted.extensions?.code as string | undefined;
    // graphql-armor's refusals carry no code of their own: give each one its code.
    const armor = ARMOR_CODES.find(([pattern]) => pattern.test(formatted.message));
    if (armor) {
      code = armor[1];
      formatted = {
        ...formatted,
        message: formatted.message.replace(/^Syntax Error: /, ""),
        extensions: { ...formatted.extensions, code },
      };
    }
    if (isDatabaseUnavailable(original)) {
      return {
        message: "The database is unavailable; try again shortly.",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: "DATABASE_UNAVAILABLE" },
      };
    }
    // Apollo's own protocol refusals (e.g. an APQ hash that does not match) carry an HTTP 4xx
    // status but no code: they are the client's error, not ours.
    const status = (original as GraphQLError | undefined)?.extensions?.http as
      { status?: number } | undefined;
    const ownCode = (original as GraphQLError | undefined)?.extensions?.code;
    if (!ownCode && original instanceof GraphQLError && status?.status && status.status < 500) {
      return { ...formatted, extensions: { code: "BAD_REQUEST" } };
    }
    if (code && KNOWN.has(code) && code !== "INTERNAL_SERVER_ERROR") {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
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
