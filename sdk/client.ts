import type { DocumentNode } from "graphql";
import { ClientError, GraphQLClient } from "graphql-request";

import { CcmGraphError, GraphQLResponseError, HttpError } from "./errors";
import {
  catalogue,
  type CatalogueMethods,
  type CatalogueTypes,
  pagedConnections,
} from "./generated/catalogue";
import { getSdk, type SdkFunctionWrapper } from "./generated/graphql";
import { createTransport } from "./transport";
import type { CallOptions, ClientOptions, GraphQLErrorEntry, TypedDocumentNode } from "./types";

/** The catalogue methods whose operation is paged (has `$after` and one connection). */
export type PagedMethod = keyof typeof pagedConnections;

/** The result type of a catalogue method. */
export type ResultOf<M extends keyof CatalogueTypes> = CatalogueTypes[M]["result"];
/** The variables type of a catalogue method. */
export type VariablesOf<M extends keyof CatalogueTypes> = CatalogueTypes[M]["variables"];
/** One item of a paged method's connection (`nodes[number]`). */
export type NodeOf<M extends PagedMethod> = ResultOf<M>[(typeof pagedConnections)[M] &
  keyof ResultOf<M>] extends { nodes: Array<infer Node> }
  ? Node
  : never;

/** Variables and options as a tuple: variables may be left out only when none is required. */
type Arguments<V> =
  Record<string, never> extends V
    ? [variables?: V, options?: CallOptions]
    : [variables: V, options?: CallOptions];

export interface CcmGraphClient extends CatalogueMethods {
  /**
   * Runs any document. With a typed document (`TypedDocumentNode<Result, Variables>`) the
   * variables are checked and the result typed; with a string or plain DocumentNode give the
   * result type yourself: `client.request<{ report: { title: string } }>("{ report { title } }")`.
   */
  request<Result = unknown, Variables extends Record<string, unknown> = Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables> | DocumentNode | string,
    ...args: Arguments<NoInfer<Variables>>
  ): Promise<Result>;

  /**
   * Walks every page of a paged catalogue operation, one result per page, following
   * `pageInfo.endCursor` until `hasNextPage` is false: `for await (const page of
   * client.pages("states", { first: 10 })) ...`. An `after` in the variables starts later.
   */
  pages<M extends PagedMethod>(
    method: M,
    ...args: Arguments<VariablesOf<M>>
  ): AsyncGenerator<ResultOf<M>, void, undefined>;

  /** Like `pages`, but yields the items (`nodes`) one by one. */
  items<M extends PagedMethod>(
    method: M,
    ...args: Arguments<VariablesOf<M>>
  ): AsyncGenerator<NodeOf<M>, void, undefined>;
}

/**
 * A typed client for ccm-graph: one async method per catalogue operation
 * (`client.signatoriesWithStockpilesAndAssistanceNeeds()`), `request` for any other document,
 * and `pages` / `items` to walk paged lists.
 *
 * Failures reject with a subclass of `CcmGraphError`: `GraphQLResponseError` (the server's
 * GraphQL errors, with any partial data), `HttpError` (an answer that is not GraphQL),
 * `NetworkError` (no connection) or `TimeoutError` (no answer within `timeout`).
 */
export function createClient(options: ClientOptions): CcmGraphClient {
  const { url, headers, timeout = 30_000, persisted = false } = options;
  const graphql = new GraphQLClient(url, {
    headers,
    fetch: createTransport({ fetch: options.fetch, timeout, persisted }),
  });

  const wrapper: SdkFunctionWrapper = (action, operationName) =>
    action().catch((error: unknown) => {
      throw toSdkError(error, url, operationName);
    });
  const sdk = getSdk(graphql, wrapper) as unknown as Record<
    string,
    (variables: unknown, headers?: Record<string, string>, signal?: AbortSignal) => Promise<unknown>
  >;

  const methods: Record<string, (variables?: unknown, options?: CallOptions) => Promise<unknown>> = {};
  for (const { name, method } of catalogue) {
    methods[method] = (variables, call) => sdk[name](variables ?? {}, call?.headers, call?.signal);
  }

  async function* pages(method: PagedMethod, variables?: Record<string, unknown>, call?: CallOptions) {
    const field = pagedConnections[method];
    let after = (variables?.after as string | null | undefined) ?? null;
    for (;;) {
      const page = (await methods[method]({ ...variables, after }, call)) as Record<
        string,
        { pageInfo: { hasNextPage: boolean; endCursor: string | null } }
      >;
      yield page;
      const { hasNextPage, endCursor } = page[field].pageInfo;
      if (!hasNextPage || !endCursor) return;
      if (endCursor === after) throw new Error(`${method}: the server returned the same cursor twice`);
      after = endCursor;
    }
  }

  async function* items(method: PagedMethod, variables?: Record<string, unknown>, call?: CallOptions) {
    const field = pagedConnections[method];
    for await (const page of pages(method, variables, call)) {
      yield* (page[field] as unknown as { nodes: unknown[] }).nodes;
    }
  }

  const client = {
    ...methods,
    request: (document: DocumentNode | string, variables?: Record<string, unknown>, call?: CallOptions) =>
      graphql
        .request({ document, variables, requestHeaders: call?.headers, signal: call?.signal })
        .catch((error: unknown) => {
          throw toSdkError(error, url, operationNameOf(document));
        }),
    pages,
    items,
  };
  return client as unknown as CcmGraphClient;
}

/** graphql-request's ClientError becomes a GraphQLResponseError, or an HttpError without errors. */
function toSdkError(error: unknown, url: string, operationName: string | undefined): unknown {
  if (error instanceof CcmGraphError || !(error instanceof ClientError)) return error;
  const { errors, data, status, body } = error.response as {
    errors?: GraphQLErrorEntry[];
    data?: unknown;
    status: number;
    body?: string;
  };
  if (errors && errors.length > 0) {
    return new GraphQLResponseError({ errors, data: data ?? null, status, operationName });
  }
  return new HttpError(status, (body ?? "").slice(0, 1000), url);
}

function operationNameOf(document: DocumentNode | string): string | undefined {
  if (typeof document === "string") return /\b(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1];
  for (const definition of document.definitions) {
    if (definition.kind === "OperationDefinition" && definition.name) return definition.name.value;
  }
  return undefined;
}
