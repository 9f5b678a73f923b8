import type { GraphQLErrorEntry } from "./types";

/** What went wrong, for code that cannot rely on `instanceof` (two copies of the SDK loaded). */
export type CcmGraphErrorKind = "graphql" | "http" | "network" | "timeout";

/** The base class of every error the SDK raises. `kind` says which one it is. */
export abstract class CcmGraphError extends Error {
  abstract readonly kind: CcmGraphErrorKind;
}

/**
 * The server answered with GraphQL errors. `errors` holds them as sent; `data` holds whatever
 * partial data came with them (`null` when the request failed before execution, e.g. a
 * validation error). `codes` lists `errors[].extensions.code`.
 */
export class GraphQLResponseError<Data = unknown> extends CcmGraphError {
  readonly kind = "graphql" as const;
  readonly errors: GraphQLErrorEntry[];
  readonly data: Data | null;
  /** The HTTP status of the response (200 for execution errors, 400 for invalid requests). */
  readonly status: number;
  readonly operationName: string | undefined;

  constructor(init: {
    errors: GraphQLErrorEntry[];
    data: Data | null;
    status: number;
    operationName?: string;
  }) {
    const first = init.errors[0];
    const code = first?.extensions?.code ? ` [${first.extensions.code}]` : "";
    const more = init.errors.length > 1 ? ` (and ${init.errors.length - 1} more)` : "";
    super(
      `${init.operationName ?? "GraphQL request"} failed: ${first?.message ?? "unknown error"}${code}${more}`,
    );
    this.name = "GraphQLResponseError";
    this.errors = init.errors;
    this.data = init.data;
    this.status = init.status;
    this.operationName = init.operationName;
  }

  /** The distinct error codes (`extensions.code`), e.g. `["BAD_USER_INPUT"]`. */
  get codes(): string[] {
    return [...new Set(this.errors.map((e) => e.extensions?.code).filter((c): c is string => !!c))];
  }
}

/** The server answered, but not with a GraphQL response (a proxy error page, a 502, ...). */
export class HttpError extends CcmGraphError {
  readonly kind = "http" as const;
  constructor(
    readonly status: number,
    /** The response body as text (truncated to 1 000 characters). */
    readonly body: string,
    readonly url: string,
  ) {
    super(`${url} answered HTTP ${status} without a GraphQL response`);
    this.name = "HttpError";
  }
}

/** No answer: the connection failed (refused, reset, DNS, TLS ...). `cause` is fetch's error. */
export class NetworkError extends CcmGraphError {
  readonly kind = "network" as const;
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    const reason = (cause as { cause?: { code?: string; message?: string } })?.cause;
    const detail = reason?.code ?? reason?.message ?? (cause as Error)?.message ?? String(cause);
    super(`could not reach ${url}: ${detail}`, { cause });
    this.name = "NetworkError";
  }
}

/** No complete answer within the client's `timeout`. */
export class TimeoutError extends CcmGraphError {
  readonly kind = "timeout" as const;
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`${url} did not answer within ${timeoutMs} ms`);
    this.name = "TimeoutError";
  }
}
