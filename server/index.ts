/**
 * `npm start`: serves the API. The only file that listens; everything else is importable.
 *
 * Order matters: bind the port first (a busy port fails fast, before any database work), start
 * or connect to PostgreSQL, migrate, load the dataset, then serve. Shutdown runs the other way:
 * stop accepting, answer the requests in flight, close the pool, stop the embedded PostgreSQL.
 */
import "reflect-metadata";

import http from "node:http";
import net from "node:net";
import { setTimeout as delay } from "node:timers/promises";

import pino from "pino";

import { type App, createApp } from "./app";
import { describeFailure } from "./cli";
import { type Config, loadConfig } from "./config";
import { type Database, loadDatasets, openDatabase } from "./db/database";
import { EmbeddedDatabase } from "./db/embedded";

/** The configuration, or exit with a one-line message naming the variable that is wrong. */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    console.error(`ccm-graph: ${describeFailure(error)}`);
    process.exit(1);
  }
}

/** How long a connection must have been idle before shutdown closes it (its client may be sending). */
const IDLE_GRACE_MS = 2_000;
/** Past this, shutdown gives up waiting: the database is stopped and the process exits with 1. */
const SHUTDOWN_LIMIT_MS = 10_000;
/** A signal during start-up waits this long for the step under way to give up, then exits. */
const STARTUP_STOP_MS = 1_000;

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = pino({ level: config.logLevel, base: { service: "ccm-graph" } });
  const embedded = config.databaseUrl
    ? undefined
    : new EmbeddedDatabase(
        config.dataDir,
        (message) => logger.debug({ postgres: message }),
        (message) => logger.info({ dataDir: config.dataDir }, message),
      );
  let database: Database | undefined;
  let app: App | undefined;
  let state: "starting" | "ready" | "stopping" = "starting";
  let draining = false;

  // Until the app is ready, answer health checks and refuse the rest with 503.
  let handler: http.RequestListener = (req, res) => {
    const alive = req.url === "/healthz";
    res.writeHead(alive ? 200 : 503, { "content-type": "application/json" });
    res.end(JSON.stringify(alive ? { status: "ok" } : { status: "starting" }));
  };
  // Answers being made. Once shutdown begins, every answer closes its connection (including those
  // under way): the client then reconnects elsewhere instead of sending its next request on a
  // connection that is about to close.
  const answering = new Set<http.ServerResponse>();
  // Open connections, and when each last answered (or was opened): an idle one may be closed
  // during shutdown only once its client has had time to send its next request.
  const lastActive = new Map<net.Socket, number>();
  const busy = new Map<net.Socket, number>();
  const server = http.createServer((req, res) => {
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    res.once("close", () => {
      busy.set(socket, busy.get(socket)! - 1);
      lastActive.set(socket, Date.now());
      answering.delete(res);
    });
    if (draining) res.setHeader("connection", "close");
    else answering.add(res);
    handler(req, res);
  });
  server.on("connection", (socket: net.Socket) => {
    lastActive.set(socket, Date.now());
    socket.once("close", () => {
      lastActive.delete(socket);
      busy.delete(socket);
    });
  });
  server.keepAliveTimeout = 5_000;

  /**
   * Stops accepting connections and resolves once every open one has closed. Unlike
   * `server.close()`, which closes idle keep-alive connections at once (and with them a request
   * a client is sending at that moment), each connection gets to finish: a request in flight or
   * arriving is answered with `Connection: close`; a connection is closed for being idle only
   * when it has answered nothing for IDLE_GRACE_MS.
   */
  async function closeHttp(): Promise<void> {
    draining = true;
    for (const res of answering) if (!res.headersSent) res.setHeader("connection", "close");
    const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
    const reap = setInterval(() => {
      const before = Date.now() - IDLE_GRACE_MS;
      for (const [socket, at] of lastActive) {
        if (!busy.get(socket) && at <= before) socket.destroy();
      }
    }, 100);
    await closed;
    clearInterval(reap);
  }

  async function shutdown(signal: string): Promise<void> {
    if (state === "stopping") return;
    const wasReady = state === "ready";
    state = "stopping";
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown took too long; stopping the database and exiting");
      void Promise.race([embedded?.stop(), delay(5_000)]).finally(() => process.exit(1));
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    if (!wasReady) {
      // Nothing is served yet: stop the embedded PostgreSQL (or initdb) at once, so that the step
      // under way fails (an ingest rolls back), and exit. With DATABASE_URL, leaving closes the
      // connections, and the server rolls back what was under way.
      await embedded?.stop();
      await Promise.race([starting, delay(STARTUP_STOP_MS)]);
      await Promise.race([database?.close(), delay(STARTUP_STOP_MS)]).catch(() => {});
      logger.info("stopped");
      process.exit(0);
    }
    await closeHttp();
    // Operations whose client hung up are still running: let them finish before the pool goes.
    await app?.drain(5_000);
    await app?.stop();
    await database?.close();
    logger.info("stopped");
    process.exit(0);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));

  async function start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    database = await openDatabase(config, undefined, embedded);
    const loads = await loadDatasets(database.dataSource, config);
    for (const load of loads) {
      logger.info(load, load.changed ? "dataset loaded" : "dataset already up to date");
    }
    app = await createApp({
      dataSource: database.dataSource,
      logger,
      config,
      isDatasetLoaded: () => loads.length > 0,
    });
    if (state !== "starting") return;
    handler = app.handle;
    state = "ready";
    const { port } = server.address() as net.AddressInfo;
    const shownHost = config.host === "127.0.0.1" ? "localhost" : config.host;
    logger.info(`ccm-graph ready at http://${shownHost}:${port}/graphql`);
  }

  const starting = start().catch(async (error: unknown) => {
    // A failure caused by a shutdown under way is the shutdown's to finish.
    if (state === "stopping") return;
    state = "stopping";
    console.error(`ccm-graph: ${describeFailure(error)}`);
    server.close();
    await database?.close().catch(() => {});
    await embedded?.stop();
    process.exit(1);
  });
  await starting;
}

void main();
