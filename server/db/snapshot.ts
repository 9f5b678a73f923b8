import type { Pool, PoolClient, QueryConfig, QueryResult } from "pg";

import { DatabaseUnavailableError } from "../errors";
import { isUnavailable, type Reader, type Statements } from "./sql";
import { VERSION_QUERY, type VersionRead, versionOfRow } from "./version";

interface Session {
  pool: Pool;
  client: PoolClient;
}

/**
 * A checked-out connection whose server goes away between two statements (idle in the
 * transaction) emits 'error'; unheard, that would end the process. The next statement fails
 * instead, and the snapshot moves on.
 */
const ignoreError = () => {};

function release(session: Session, destroy: boolean | Error = false): void {
  session.client.off("error", ignoreError);
  session.client.release(destroy);
}

/** Opens a read-only REPEATABLE READ transaction on `pool` and reads the dataset version in it (one round trip). */
async function begin(pool: Pool): Promise<Session & { read: VersionRead }> {
  const client = await pool.connect();
  client.on("error", ignoreError);
  try {
    // Two statements in one simple query: the snapshot is taken by the SELECT, so the version read
    // is the version of every row the request reads after it.
    const results = (await client.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${VERSION_QUERY}`,
    )) as unknown as QueryResult[];
    return { pool, client, read: versionOfRow(results[1].rows[0]) };
  } catch (error) {
    release({ pool, client }, true);
    throw error;
  }
}

/** Tries the pools the reader picks, leaving out a standby that fails; the primary's failure is final. */
async function beginOnAny(reader: Reader): Promise<Session & { read: VersionRead }> {
  for (;;) {
    const pool = reader.pick();
    try {
      return await begin(pool);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      if (!reader.pools || reader.pools.isPrimary(pool)) throw new DatabaseUnavailableError(error);
      reader.pools.markDown(pool);
    }
  }
}

/**
 * One request's view of the data: every statement of the request runs in one REPEATABLE READ
 * snapshot, opened by reading the dataset version, so an answer is of one version through and
 * through, even while an ingest commits or a standby replays one. It holds one pooled connection
 * for the request (READ_SNAPSHOT; on by default with DATABASE_READ_URL).
 *
 * When the server under it goes away mid-request (a standby stopped), the request goes on in a
 * new snapshot on the next pool if, and only if, that one holds the same dataset version: the
 * data only changes with the version, so the answer stays whole. Otherwise DATABASE_UNAVAILABLE.
 */
export class Snapshot implements Statements {
  /** Statements go one after another on the one connection (pg would queue them, but is to stop). */
  private tail: Promise<unknown> = Promise.resolve();
  /** Undefined once the session failed and could not move. */
  private session: Session | undefined;
  private closed = false;

  private constructor(
    private readonly reader: Reader,
    first: Session,
    /** The dataset version every row of this snapshot belongs to. */
    readonly version: string | null,
    readonly report: VersionRead["report"],
  ) {
    this.session = first;
  }

  static async open(reader: Reader): Promise<Snapshot> {
    const { read, ...session } = await beginOnAny(reader);
    return new Snapshot(reader, session, read.version, read.report);
  }

  query<Row>(text: string, params: unknown[]): Promise<Row[]> {
    if (this.closed) {
      return Promise.reject(new DatabaseUnavailableError(new Error("the request's snapshot is closed")));
    }
    const config: QueryConfig = { text, values: params, name: this.reader.prepared.nameOf(text) };
    const result = this.tail.then(() => this.send<Row>(config));
    this.tail = result.catch(() => {});
    return result;
  }

  private async send<Row>(config: QueryConfig): Promise<Row[]> {
    for (let attempt = 0; ; attempt += 1) {
      const session = this.session;
      if (!session) throw new DatabaseUnavailableError(new Error("the request's snapshot was lost"));
      try {
        return (await session.client.query(config)).rows as Row[];
      } catch (error) {
        if (!isUnavailable(error) || attempt > 0) throw wrap(error);
        await this.moveFrom(session, error);
      }
    }
  }

  /** Continues on another pool in a snapshot of the same version, or throws DatabaseUnavailableError. */
  private async moveFrom(failed: Session, error: unknown): Promise<void> {
    this.session = undefined;
    release(failed, true);
    const pools = this.reader.pools;
    if (!pools || pools.isPrimary(failed.pool)) throw new DatabaseUnavailableError(error);
    pools.markDown(failed.pool);
    const { read, ...next } = await beginOnAny(this.reader);
    if (read.version !== this.version) {
      release(next, true);
      throw new DatabaseUnavailableError(error);
    }
    this.session = next;
  }

  /** Ends the transaction once the statements under way are answered, and returns the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail;
    const session = this.session;
    this.session = undefined;
    if (!session) return;
    try {
      await session.client.query("COMMIT");
      release(session);
    } catch (error) {
      release(session, error as Error);
    }
  }
}

function wrap(error: unknown): unknown {
  return isUnavailable(error) ? new DatabaseUnavailableError(error) : error;
}
