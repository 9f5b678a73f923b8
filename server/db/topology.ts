import type { Pool } from "pg";
import type { DataSource } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";

import type { Config } from "../config";
import { type PoolReport, ReadPools } from "./read-pools";
import { Reader } from "./sql";

/** How often each standby's replay position is checked against the primary's WAL position (ms). */
export const LAG_CHECK_MS = 250;

export type TopologyConfig = Pick<Config, "databaseReadUrls" | "databaseReadMaxLagMs" | "readSnapshot">;

/** Where requests read, as the configuration lays it out: the primary alone, or standbys too. */
export interface ReadTopology {
  reader: Reader;
  /** The standbys and how they stand (undefined without DATABASE_READ_URL). */
  pools: ReadPools | undefined;
  /** LISTEN for ingests' announcements: only when reads go to the database the ingest writes. */
  listen: boolean;
  /** Each request reads in one snapshot of one dataset version (READ_SNAPSHOT). */
  snapshots: boolean;
  /** Each pool as /readyz reports it; ready when reads can be answered. */
  readiness(): Promise<{ ready: boolean; pools: PoolReport[] }>;
  stop(): Promise<void>;
}

function primaryServer(pool: Pool): string {
  const { host, port, database } = pool.options as { host?: string; port?: number; database?: string };
  return `${host ?? "localhost"}:${port ?? 5432}/${database ?? ""}`;
}

/**
 * Sets up reading for `dataSource` (the primary): with `databaseReadUrls`, a pool per standby
 * checked every LAG_CHECK_MS (the first check is done before this returns, so the first request
 * already knows which standbys serve).
 */
export async function readTopology(dataSource: DataSource, config: TopologyConfig): Promise<ReadTopology> {
  const primary = (dataSource.driver as PostgresDriver).master as Pool;
  const server = primaryServer(primary);
  if (config.databaseReadUrls.length === 0) {
    return {
      reader: new Reader(dataSource),
      pools: undefined,
      listen: true,
      snapshots: config.readSnapshot,
      async readiness() {
        const reachable = await dataSource
          .query("SELECT 1")
          .then(() => true)
          .catch(() => false);
        return { ready: reachable, pools: [{ role: "primary", server, reachable, lagMs: 0, serving: true }] };
      },
      async stop() {},
    };
  }
  const pools = new ReadPools(primary, server, config.databaseReadUrls, {
    maxLagMs: config.databaseReadMaxLagMs,
    checkMs: LAG_CHECK_MS,
  });
  await pools.start();
  return {
    reader: new Reader(dataSource, pools),
    pools,
    listen: false,
    snapshots: config.readSnapshot,
    async readiness() {
      await pools.check();
      const report = pools.report();
      // Ready while some pool can answer reads: a standby in service, or the primary.
      const ready = report.some((pool) => pool.serving && pool.reachable);
      return { ready, pools: report };
    },
    stop: () => pools.stop(),
  };
}
