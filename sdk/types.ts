import type { DocumentNode } from "graphql";

/** Options of `createClient`. */
export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** The fetch to use; `globalThis.fetch` (Node 20+, browsers) when omitted. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request; a function is called per request. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /**
   * Milliseconds one HTTP exchange (request and whole response body) may take before it fails
   * with a `TimeoutError`. Default 30 000; 0 disables it.
   */
  timeout?: number;
  /**
   * Send operations by hash first (Apollo automatic persisted queries: `extensions.persistedQuery`
   * with the sha256 of the document), falling back to the full document when the server does
   * not know the hash. Needs `crypto.subtle` (Node 20, browsers in secure contexts); without it
   * the full document is sent. Default false.
   */
  persisted?: boolean;
}

/** Per-call options, the last argument of every client method. */
export interface CallOptions {
  /** Extra headers for this call (override the client's). */
  headers?: Record<string, string>;
  /** Aborts the call; an aborted call rejects with the signal's reason, not an SDK error. */
  signal?: AbortSignal;
}

/**
 * A GraphQL document that carries its result and variables types; structurally the same as
 * `TypedDocumentNode` of `@graphql-typed-document-node/core`, so documents typed by other
 * codegen setups fit.
 */
export interface TypedDocumentNode<
  Result = Record<string, any>,
  Variables = Record<string, any>,
> extends DocumentNode {
  __apiType?: (variables: Variables) => Result;
}

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}
