import type { DataSource } from "typeorm";

import type { Config } from "../config";
import { ingestReport, reportFilesIn } from "../data/ingest";
import { createDataSource } from "./data-source";
import { EmbeddedDatabase } from "./embedded";

/** The database the server runs on: the DataSource, and the embedded engine when there is one. */
export interface Database {
  dataSource: DataSource;
  embedded: EmbeddedDatabase | undefined;
  /** Closes the pool, then stops the embedded engine if this process started it. */
  close(): Promise<void>;
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL when it is not set, and brings
 * the schema up to date with the migrations. The server passes its own `embedded`, so that a
 * signal during start-up can stop it whatever step the start is at.
 */
export async function openDatabase(
  config: Config,
  log: (message: string) => void = () => {},
  embedded = config.databaseUrl ? undefined : new EmbeddedDatabase(config.dataDir, log),
): Promise<Database> {
  const url = config.databaseUrl ?? (await embedded!.start());
  const dataSource = createDataSource(url);
  try {
    await dataSource.initialize();
    await migrate(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** Runs pending migrations, one process at a time. */
export async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query("SELECT pg_advisory_lock(hashtext('ccm-graph migrations'))");
    await dataSource.runMigrations({ transaction: "all" });
  } finally {
    await runner.query("SELECT pg_advisory_unlock(hashtext('ccm-graph migrations'))").catch(() => {});
    await runner.release();
  }
}

/** Loads every report file of the dataset folder that the database does not hold in this version. */
export async function loadDatasets(dataSource: DataSource, config: Config) {
  const results = [];
  for (const file of reportFilesIn(config.datasetDir)) {
    results.push(await ingestReport(dataSource, file, config.participantsFile));
  }
  return results;
}
