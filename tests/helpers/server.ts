import type { AddressInfo } from "node:net";
import http from "node:http";

import pino from "pino";
import type { DataSource } from "typeorm";

import { type AppConfig, createApp } from "../../server/app";
import { loadConfig } from "../../server/config";
import type { Reader } from "../../server/db/sql";
import type { SharedRows } from "../../server/graph/shared-rows";
import { openLoadedDataSource } from "./database";

export interface GraphQLResponse<Data = Record<string, any>> {
  status: number;
  data?: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  /** How many SQL statements the server issued for this request. */
  sqlStatements: number;
  headers: Headers;
}

export interface TestServer {
  url: string;
  graphqlUrl: string;
  dataSource: DataSource;
  /** What the app's requests read the database through. */
  reader: Reader;
  /** Loader rows shared by the app's requests of one dataset version (none with loaderCache off). */
  sharedRows: SharedRows | undefined;
  /** POSTs a GraphQL request over real HTTP. */
  graphql<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>>;
  /** The structured log lines the server wrote (at `logLevel`, default "error"). */
  logs: Record<string, any>[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  production?: boolean;
  config?: Partial<AppConfig>;
  env?: NodeJS.ProcessEnv;
  /** Serve this (already migrated and loaded) DataSource instead of the run's shared database. */
  dataSource?: DataSource;
  logLevel?: string;
  versionPollMs?: number;
  questionRowLimit?: number;
}

/**
 * The real app on a real port, over the run's real PostgreSQL with the full dataset loaded.
 * Start one per test file (beforeAll) and close it afterwards.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownDataSource = !options.dataSource;
  const dataSource = options.dataSource ?? (await openLoadedDataSource());
  const logs: Record<string, any>[] = [];
  const logger = pino(
    { level: options.logLevel ?? "error" },
    { write: (line: string) => void logs.push(JSON.parse(line)) },
  );
  const base = loadConfig({ ...(options.production ? { NODE_ENV: "production" } : {}), ...options.env });
  const app = await createApp({
    dataSource,
    logger,
    config: { ...base, ...options.config },
    isDatasetLoaded: () => true,
    versionPollMs: options.versionPollMs,
    questionRowLimit: options.questionRowLimit,
  });
  const server = http.createServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    dataSource,
    reader: app.reader,
    sharedRows: app.sharedRows,
    logs,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: any };
      return {
        status: response.status,
        data: body.data ?? undefined,
        errors: body.errors,
        sqlStatements: Number(response.headers.get("x-sql-statements") ?? NaN),
        headers: response.headers,
      };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      if (ownDataSource) await dataSource.destroy();
    },
  };
}
