import "reflect-metadata";

import { types } from "pg";
import { DataSource } from "typeorm";

import { InitialSchema1764250000000 } from "./migrations/1764250000000-InitialSchema";
import { FilterIndexes1764260000000 } from "./migrations/1764260000000-FilterIndexes";
import { AssertionMeaning1764270000000 } from "./migrations/1764270000000-AssertionMeaning";
import { MonitoringModel1764280000000 } from "./migrations/1764280000000-MonitoringModel";

// Dates stay "YYYY-MM-DD" strings: a calendar date has no time zone to shift it.
types.setTypeParser(types.builtins.DATE, (value) => value);
// COUNT(*) and other bigint results are small here; read them as numbers.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

/** Bounded timeouts so that a database outage fails requests fast instead of hanging them. */
export const CONNECT_TIMEOUT_MS = 5_000;
export const STATEMENT_TIMEOUT_MS = 15_000;

/**
 * Every session plans a prepared statement once, for any values (a generic plan). Our statements
 * are shaped so that one plan fits every value (the report id is nearly always the same; keys
 * come as arrays), and PostgreSQL's own choice kept re-planning some of them for each request:
 * the headline question's statement, 1.6 ms generic against 4.7 ms re-planned, at 1x data.
 */
export const SESSION_OPTIONS = "-c plan_cache_mode=force_generic_plan";

/**
 * The one TypeORM DataSource of the service. Migrations only: the schema is never synchronised
 * from entities.
 */
export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: [
      InitialSchema1764250000000,
      FilterIndexes1764260000000,
      AssertionMeaning1764270000000,
      MonitoringModel1764280000000,
    ],
    entities: [],
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      options: SESSION_OPTIONS,
    },
  });
}
