import crypto from "node:crypto";

import { Client } from "pg";
import type { DataSource } from "typeorm";

import { loadConfig } from "../../server/config";
import { createDataSource } from "../../server/db/data-source";
import { loadDatasets, migrate } from "../../server/db/database";

/** The database the test run uses: the embedded engine from global-setup, or DATABASE_URL. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: tests must run through jest's global setup");
  return url;
}

/** A migrated DataSource on `url` with the full dataset loaded (idempotent across test files). */
export async function openLoadedDataSource(url = testDatabaseUrl()): Promise<DataSource> {
  const dataSource = createDataSource(url, { poolSize: 5 });
  await dataSource.initialize();
  await migrate(dataSource);
  await loadDatasets(dataSource, loadConfig({ ...process.env, DATABASE_URL: url }));
  return dataSource;
}

/**
 * A fresh, empty database on the same server, for tests that change data (ingest) and must not
 * disturb the shared one. Drop it when done.
 */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(testDatabaseUrl());
  const name = `ccm_scratch_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: base.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
