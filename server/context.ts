import type { DataSource } from "typeorm";

import { Sql } from "./db/sql";
import { createLoaders, type Loaders } from "./loaders";

/** What every resolver of one request sees: its SQL handle and its own DataLoaders. */
export interface Context {
  sql: Sql;
  loaders: Loaders;
}

export function createContext(dataSource: DataSource): Context {
  const sql = new Sql(dataSource);
  return { sql, loaders: createLoaders(sql) };
}
