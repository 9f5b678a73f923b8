/**
 * @ccm-graph/sdk: a typed client for ccm-graph, the GraphQL service built from the 2011 Beirut
 * Progress Report on the Convention on Cluster Munitions.
 *
 * ```ts
 * const client = createClient({ url: "http://localhost:4000/graphql" });
 * const { states } = await client.signatoriesWithStockpilesAndAssistanceNeeds();
 * ```
 */
export {
  type CcmGraphClient,
  createClient,
  type NodeOf,
  type PagedMethod,
  type ResultOf,
  type VariablesOf,
} from "./client";
export {
  CcmGraphError,
  type CcmGraphErrorKind,
  GraphQLResponseError,
  HttpError,
  NetworkError,
  TimeoutError,
} from "./errors";
export {
  catalogue,
  type CatalogueMethods,
  type CatalogueTypes,
  pagedConnections,
} from "./generated/catalogue";
export { keys, possibleTypes, typePolicies } from "./generated/cache-config";
export type * from "./generated/graphql";
export type { CallOptions, ClientOptions, GraphQLErrorEntry, TypedDocumentNode } from "./types";
