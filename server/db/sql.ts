import crypto from "node:crypto";

import type { Pool, QueryConfig } from "pg";
import { type SQL, sql } from "pg-sql2";
import type { DataSource } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";

import { DatabaseUnavailableError, userError } from "../errors";
import type { ReadPools } from "./read-pools";

/** PostgreSQL text cannot hold NUL characters: such input is the client's error, not ours. */
function assertNoNul(value: unknown): void {
  if (typeof value === "string" && value.includes("\u0000")) {
    throw userError("BAD_USER_INPUT", "text arguments must not contain NUL (\\u0000) characters");
  }
  if (Array.isArray(value)) value.forEach(assertNoNul);
}

/** SQLSTATEs that mean the server cannot answer: connection exceptions, shutdown, a statement timeout. */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|57014|53300)$/;
/** Socket errors of a server that went away or cannot be reached. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
]);
/** pg's own connection failures, which carry no code: it words them so (pg and pg-pool 8). */
const UNAVAILABLE_CLIENT_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established)/;

/**
 * Whether an error from pg means the database is unavailable (rather than a bad statement). Read
 * by shape, not class: socket errors come from Node's own realm, where `instanceof` fails under
 * test runners. A server error (pg's DatabaseError) has a severity and a SQLSTATE code.
 */
export function isUnavailable(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, severity, message } = error as { code?: unknown; severity?: unknown; message?: unknown };
  if (typeof code === "string") {
    return severity !== undefined ? UNAVAILABLE_STATES.test(code) : UNAVAILABLE_SOCKET_CODES.has(code);
  }
  return typeof message === "string" && UNAVAILABLE_CLIENT_MESSAGES.test(message);
}

/**
 * How many distinct statement texts are sent as named prepared statements. Loaders use a fixed
 * set of texts, but filters compile to texts whose shape the client chooses: past this many, new
 * texts go unnamed, so that no client can fill every connection with prepared statements.
 */
export const MAX_PREPARED_STATEMENTS = 300;

/**
 * The names of the statements a process prepares: the same text always gets the same name, on
 * every pooled connection (pg prepares a name once per connection and then only binds).
 */
export class PreparedStatements {
  private readonly names = new Map<string, string>();

  constructor(private readonly max = MAX_PREPARED_STATEMENTS) {}

  get size(): number {
    return this.names.size;
  }

  /** The statement's name, or undefined once the registry is full and the text is new. */
  nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < this.max) {
      name = `ccm_${crypto.createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
      this.names.set(text, name);
    }
    return name;
  }
}

/** Sends one statement and returns its rows: the Reader, or a request's snapshot. */
export interface Statements {
  query<Row>(text: string, params: unknown[]): Promise<Row[]>;
}

/**
 * The reading side of the database as requests use it: a pg pool (the DataSource's, or with
 * DATABASE_READ_URL the standby `ReadPools` picks), with each statement prepared once per
 * connection. Parsing and planning were most of PostgreSQL's time on small answers (the headline:
 * 0.5 ms parse + 1.3 ms plan against 2 ms of execution); a prepared statement skips the parse
 * and, once PostgreSQL settles on a generic plan, the planning. PostgreSQL re-plans by itself
 * after a migration or an ANALYZE.
 */
export class Reader implements Statements {
  readonly prepared = new PreparedStatements();
  private readonly pool: Pool;

  constructor(
    dataSource: DataSource,
    /** The standbys reads go to (DATABASE_READ_URL), or none: every read goes to the DataSource's pool. */
    readonly pools?: ReadPools,
  ) {
    this.pool = (dataSource.driver as PostgresDriver).master as Pool;
  }

  /** The pool the next read goes to. */
  pick(): Pool {
    return this.pools?.pick() ?? this.pool;
  }

  /** A standby that failed is left out, and the statement asked again of the next pool (reads are safe to repeat). */
  async query<Row>(text: string, params: unknown[]): Promise<Row[]> {
    const config: QueryConfig = { text, values: params, name: this.prepared.nameOf(text) };
    for (;;) {
      const pool = this.pick();
      try {
        return (await pool.query(config)).rows as Row[];
      } catch (error) {
        if (!isUnavailable(error)) throw error;
        if (!this.pools || this.pools.isPrimary(pool)) throw new DatabaseUnavailableError(error);
        this.pools.markDown(pool);
      }
    }
  }
}

/**
 * The per-request handle on the database: every SQL statement of a request goes through it, so
 * a request can tell how many statements it issued (tests and the benchmark read this).
 * Statements are pg-sql2 fragments: values are bound parameters by construction, never text.
 */
export class RequestDb {
  statements = 0;

  constructor(private readonly reader: Statements) {}

  async query<Row = Record<string, unknown>>(statement: SQL): Promise<Row[]> {
    const { text, values } = sql.compile(statement);
    values.forEach(assertNoNul);
    this.statements += 1;
    return this.reader.query<Row>(text, values as unknown[]);
  }
}
