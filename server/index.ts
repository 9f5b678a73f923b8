/**
 * `npm start`: serves the API. The only file that listens; everything else is importable.
 *
 * Order matters: bind the port first (a busy port fails fast, before any database work), start
 * or connect to PostgreSQL, migrate, load the dataset, then serve. Shutdown runs the other way.
 */
import "reflect-metadata";

import http from "node:http";

import pino from "pino";

import { createApp } from "./app";
import { describeFailure } from "./cli";
import { type Config, loadConfig } from "./config";
import { type Database, loadDatasets, openDatabase } from "./db/database";

/** The configuration, or exit with a one-line message naming the variable that is wrong. */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    console.error(`ccm-graph: ${describeFailure(error)}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = pino({ level: config.logLevel, base: { service: "ccm-graph" } });
  let database: Database | undefined;
  let stopApp: () => Promise<void> = async () => {};
  let drainApp: (timeoutMs: number) => Promise<void> = async () => {};
  let stopping = false;
  let starting: Promise<void> = Promise.resolve();

  // Until the app is ready, answer health checks and refuse the rest with 503.
  let handler: http.RequestListener = (req, res) => {
    const alive = req.url === "/healthz";
    res.writeHead(alive ? 200 : 503, { "content-type": "application/json" });
    res.end(JSON.stringify(alive ? { status: "ok" } : { status: "starting" }));
  };
  const server = http.createServer((req, res) => handler(req, res));
  server.keepAliveTimeout = 5_000;

  async function shutdown(signal: string, exitCode = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown took too long; stopping the database and exiting");
      void Promise.resolve(database?.close()).finally(() => process.exit(1));
    }, 10_000);
    force.unref();
    // A signal during start-up waits for the database and the ingest under way, so that what
    // was started is stopped (never an embedded PostgreSQL left behind).
    await starting.catch(() => {});
    // Stop accepting, let in-flight requests finish, and close keep-alive connections as soon as
    // they are idle.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await closed;
    clearInterval(idle);
    // Operations whose client hung up are still running: let them finish before the pool goes.
    await drainApp(5_000);
    await stopApp();
    await database?.close();
    logger.info("stopped");
    process.exit(exitCode);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));

  starting = (async () => {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          server.off("error", reject);
          resolve();
        });
      });
      database = await openDatabase(config, (message) => logger.debug({ postgres: message }));
      const loads = await loadDatasets(database.dataSource, config);
      for (const load of loads) {
        logger.info(load, load.changed ? "dataset loaded" : "dataset already up to date");
      }
      const app = await createApp({
        dataSource: database.dataSource,
        logger,
        config,
        isDatasetLoaded: () => loads.length > 0,
      });
      stopApp = () => app.stop();
      drainApp = (timeoutMs) => app.drain(timeoutMs);
      handler = app.handle;
      const { port } = server.address() as { port: number };
      const shownHost = config.host === "127.0.0.1" ? "localhost" : config.host;
      logger.info(`ccm-graph ready at http://${shownHost}:${port}/graphql`);
    } catch (error) {
      console.error(`ccm-graph: ${describeFailure(error)}`);
      server.close();
      await database?.close().catch(() => {});
      process.exit(1);
    }
  })();
  await starting;
}

void main();
