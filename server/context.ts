import type { Response } from "express";
import type { DataSource } from "typeorm";

import { Sql } from "./db/sql";
import { createLoaders, type Loaders } from "./loaders";

/** What every resolver of one request sees: its SQL handle and its own DataLoaders. */
export interface Context {
  sql: Sql;
  loaders: Loaders;
  /** State objects made in this request, by report, code and date: one per state, not per mention. */
  states: Map<string, unknown>;
  /** The HTTP response, when the request came over HTTP (for cache headers and log notes). */
  res?: Response;
}

export function createContext(dataSource: DataSource, res?: Response): Context {
  const sql = new Sql(dataSource);
  return { sql, loaders: createLoaders(sql), states: new Map(), res };
}
