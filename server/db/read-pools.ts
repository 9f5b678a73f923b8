import { Pool } from "pg";

import { CONNECT_TIMEOUT_MS, SESSION_OPTIONS, STATEMENT_TIMEOUT_MS } from "./data-source";

/** How a pool stands, as /readyz reports it. */
export interface PoolReport {
  role: "primary" | "standby";
  /** host:port/database (never the password). */
  server: string;
  reachable: boolean;
  /** How far behind the primary a standby replays, in ms (null: not known yet). */
  lagMs: number | null;
  /** Whether reads go to it now. */
  serving: boolean;
}

interface Standby {
  pool: Pool;
  server: string;
  reachable: boolean;
  lagMs: number | null;
}

/** A WAL position ("16/B374D848") as a number that orders like it. */
function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export function serverOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

export interface ReadPoolsOptions {
  /** A standby further behind than this (ms) gets no reads until it catches up. */
  maxLagMs: number;
  /** How often each standby's replay position is checked (ms). */
  checkMs: number;
  /** Connections per standby pool. */
  poolSize?: number;
}

/**
 * Where reads go when `DATABASE_READ_URL` names standbys: to a standby that answers and replays
 * within `maxLagMs` of the primary (round robin over those), otherwise to the primary. Reads never
 * fail for want of a standby: a standby that stops answering is left out at its first failed
 * statement, and the statement is asked again of the next pool.
 *
 * Lag is measured in time without trusting clocks: every check samples the primary's WAL position
 * (`pg_current_wal_lsn()`) with the local time, and a standby's lag is the age of the oldest sample
 * it has not replayed yet (0 when it has replayed them all). While the primary cannot be reached,
 * nothing new can be written, so standbys keep the lag last measured and keep serving.
 *
 * Standby connections are opened with `default_transaction_read_only=on`, and nothing here ever
 * writes or LISTENs: those go to the primary (DATABASE_URL) only.
 */
export class ReadPools {
  private readonly standbys: Standby[];
  private samples: { at: number; lsn: bigint }[] = [];
  private primaryReachable = true;
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    readonly primary: Pool,
    private readonly primaryServer: string,
    standbyUrls: string[],
    private readonly options: ReadPoolsOptions,
  ) {
    this.standbys = standbyUrls.map((url) => {
      const pool = new Pool({
        connectionString: url,
        max: options.poolSize ?? 10,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        statement_timeout: STATEMENT_TIMEOUT_MS,
        idleTimeoutMillis: 30_000,
        application_name: "ccm-graph",
        options: `-c default_transaction_read_only=on ${SESSION_OPTIONS}`,
      });
      // An idle connection whose server went away errors on the pool: the next check sees it.
      pool.on("error", () => {});
      return { pool, server: serverOf(url), reachable: false, lagMs: null };
    });
  }

  /** The pool the next read goes to: a standby in service, in turn, or else the primary. */
  pick(): Pool {
    const serving = this.standbys.filter((standby) => this.serves(standby));
    if (serving.length === 0) return this.primary;
    this.next = (this.next + 1) % serving.length;
    return serving[this.next].pool;
  }

  isPrimary(pool: Pool): boolean {
    return pool === this.primary;
  }

  /** A statement on `pool` found its server gone: no more reads go there until a check finds it back. */
  markDown(pool: Pool): void {
    const standby = this.standbys.find((s) => s.pool === pool);
    if (standby) standby.reachable = false;
  }

  /** Checks at once, then every `checkMs`. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await Promise.all(this.standbys.map((s) => s.pool.end().catch(() => {})));
  }

  /** Samples the primary's WAL position, then each standby's replay position (one check at a time). */
  check(): Promise<void> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    const now = Date.now();
    const primary = await this.primary
      .query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")
      .catch(() => undefined);
    this.primaryReachable = primary !== undefined;
    if (primary) {
      this.samples.push({ at: now, lsn: lsnValue(primary.rows[0].lsn) });
      // Enough history to tell any lag past the threshold; beyond it, "oldest sample" is lag enough.
      const keep = now - Math.max(10_000, this.options.maxLagMs * 2);
      this.samples = this.samples.filter((s) => s.at >= keep);
    }
    await Promise.all(this.standbys.map((standby) => this.checkStandby(standby)));
  }

  private async checkStandby(standby: Standby): Promise<void> {
    const now = Date.now();
    const result = await standby.pool
      .query<{ recovery: boolean; lsn: string | null }>(
        "SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS lsn",
      )
      .catch(() => undefined);
    standby.reachable = result !== undefined;
    if (!result) return;
    const { recovery, lsn } = result.rows[0];
    // Not in recovery (promoted): it is a primary of its own, nothing to wait for.
    if (!recovery || lsn === null) {
      standby.lagMs = recovery ? null : 0;
      return;
    }
    if (!this.primaryReachable) return;
    const replayed = lsnValue(lsn);
    const behind = this.samples.find((sample) => sample.lsn > replayed);
    standby.lagMs = behind ? now - behind.at : 0;
  }

  private serves(standby: Standby): boolean {
    return standby.reachable && standby.lagMs !== null && standby.lagMs <= this.options.maxLagMs;
  }

  /** Each pool as it stands: the primary first, then the standbys in DATABASE_READ_URL's order. */
  report(): PoolReport[] {
    const anyStandby = this.standbys.some((s) => this.serves(s));
    return [
      {
        role: "primary",
        server: this.primaryServer,
        reachable: this.primaryReachable,
        lagMs: 0,
        serving: !anyStandby,
      },
      ...this.standbys.map((s) => ({
        role: "standby" as const,
        server: s.server,
        reachable: s.reachable,
        lagMs: s.lagMs,
        serving: this.serves(s),
      })),
    ];
  }
}
