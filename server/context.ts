import type { FastifyReply } from "fastify";

import { type Reader, Sql } from "./db/sql";
import type { ReportRow } from "./domain/report";
import { createLoaders, type Loaders, type SharedRowsOfVersion } from "./loaders";

/** What every resolver of one request sees: its SQL handle and its own DataLoaders. */
export interface Context {
  sql: Sql;
  loaders: Loaders;
  /** State objects made in this request, by report, code and date: one per state, not per mention. */
  states: Map<string, unknown>;
  /** The HTTP reply, when the request came over HTTP (for cache headers and log notes). */
  res?: FastifyReply;
}

/**
 * `currentReport`, when given, is the current report as the dataset version last read it: the
 * request then does not ask the database for it. `shared`, when given, lets the request's loaders
 * use the rows other requests of the same dataset version read.
 */
export function createContext(
  reader: Reader,
  res?: FastifyReply,
  currentReport?: ReportRow | null,
  shared?: SharedRowsOfVersion,
): Context {
  const sql = new Sql(reader);
  return { sql, loaders: createLoaders(sql, currentReport ?? undefined, shared), states: new Map(), res };
}
