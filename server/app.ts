import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import { type Context, createContext } from "./context";
import { createErrorFormatter } from "./errors";
import { buildGraphSchema } from "./schema";

export interface AppOptions {
  dataSource: DataSource;
  logger: Logger;
  production: boolean;
  /** True once the dataset is loaded; /readyz answers 503 before. */
  isDatasetLoaded(): boolean;
}

export interface App {
  express: express.Express;
  apollo: ApolloServer<Context>;
}

/** Builds Apollo and the HTTP routes around it; listening is left to the caller (server/index.ts). */
export async function createApp(options: AppOptions): Promise<App> {
  const { dataSource, logger } = options;
  const apollo = new ApolloServer<Context>({
    schema: buildGraphSchema(),
    introspection: true,
    // The server does its own ordered shutdown (HTTP, then the pool, then the database).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter((error, message) => logger.error({ err: error }, message)),
    plugins: [sqlStatementCount],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/readyz", async (_req, res) => {
    const database = await dataSource
      .query("SELECT 1")
      .then(() => true)
      .catch(() => false);
    const dataset = options.isDatasetLoaded();
    res.status(database && dataset ? 200 : 503).json({
      status: database && dataset ? "ready" : "not ready",
      database: database ? "reachable" : "unreachable",
      dataset: dataset ? "loaded" : "not loaded",
    });
  });

  app.use(
    "/graphql",
    cors(),
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: async () => createContext(dataSource),
    }),
  );

  return { express: app, apollo };
}

/** Lets tests and the benchmark see how many SQL statements a request issued. */
const sqlStatementCount: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        response.http.headers.set("x-sql-statements", String(contextValue.sql.statements));
      },
    };
  },
};
