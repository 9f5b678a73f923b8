import "reflect-metadata";

import http from "node:http";

import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import fastifyCors from "@fastify/cors";
import fastifyRateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import { type Config, plansAnswers } from "./config";
import type { Context } from "./context";
import type { Reader } from "./db/sql";
import { type ReadTopology, readTopology } from "./db/topology";
import { createErrorFormatter, DatabaseUnavailableError, errorBody } from "./errors";
import { cacheHeadersPlugin, conditionalGet, DatasetVersion } from "./http/caching";
import { documentStore, persistedQueryStore } from "./http/documents";
import { explorerRoutes, loadCatalogue, sendExplorer, wantsExplorer } from "./http/explorer";
import {
  armorRules,
  bodyRefusal,
  costLimitPlugin,
  documentGuard,
  refuseBatches,
  refuseDeepNesting,
} from "./http/limits";
import { KnownDocuments } from "./http/known-documents";
import { logRequests, Metrics, replyLocals, requestNotes } from "./http/observability";
import { ALLOWED_METHODS, asGet, uncompressedBodies, validHost } from "./http/graphql-requests";
import { questionRoutes } from "./http/questions";
import { RequestReads } from "./http/request-reads";
import { markCacheableAnswers, ResponseCache } from "./http/response-cache";
import { SharedRows } from "./graph/shared-rows";
import { plannedData } from "./plans";
import { buildGraphSchema } from "./schema";

export { documentStore };

export type AppConfig = Pick<
  Config,
  | "production"
  | "corsOrigins"
  | "rateLimitPerMinute"
  | "cacheMaxAgeSeconds"
  | "responseCache"
  | "responseCacheBytes"
  | "documentCacheBytes"
  | "loaderCache"
  | "loaderCacheRows"
  | "plannedAnswers"
  | "limits"
  | "databaseReadUrls"
  | "databaseReadMaxLagMs"
  | "datasetVersionPollMs"
  | "readSnapshot"
>;

export interface AppOptions {
  dataSource: DataSource;
  logger: Logger;
  config: AppConfig;
  /** True once the dataset is loaded; /readyz answers 503 before. */
  isDatasetLoaded(): boolean;
  /** How often to re-read the dataset version (ms; default DATASET_VERSION_POLL_MS); an ingest from another process shows within it. */
  versionPollMs?: number;
  /** Rows a question URL pages through for one answer (default MAX_QUESTION_ROWS, 1,000). */
  questionRowLimit?: number;
}

export interface App {
  /** Answers HTTP requests: give it to a node:http server (server/index.ts and the tests do). */
  handle: http.RequestListener;
  http: FastifyInstance;
  apollo: ApolloServer<Context>;
  datasetVersion: DatasetVersion;
  /** What requests read the database through (tests watch the statements it sends). */
  reader: Reader;
  /** Where reads go: the primary alone, or standbys (DATABASE_READ_URL). */
  topology: ReadTopology;
  /** Loader rows shared by the requests of one dataset version (undefined when LOADER_CACHE=off). */
  sharedRows: SharedRows | undefined;
  metrics: Metrics;
  responseCache: ResponseCache | undefined;
  /**
   * Resolves when no GraphQL operation is running any more (or after `timeoutMs`): a client that
   * hung up leaves its operation running, and the pool must outlive it.
   */
  drain(timeoutMs: number): Promise<void>;
  /** Stops Apollo and the background version poll (the caller closes HTTP and the pool). */
  stop(): Promise<void>;
}

/** Builds Apollo and the HTTP routes around it; listening is left to the caller (server/index.ts). */
export async function createApp(options: AppOptions): Promise<App> {
  const { dataSource, logger, config } = options;
  const schema = buildGraphSchema();
  const metrics = new Metrics();
  // Requests read through one Reader: its prepared statements are shared by every request. With
  // standbys, it reads where they are in service, and the version is read there too, by polling.
  const topology = await readTopology(dataSource, config);
  const reader = topology.reader;
  const datasetVersion = new DatasetVersion(dataSource, {
    listen: topology.listen,
    read: topology.pools ? (text) => reader.query(text, []) : undefined,
  });
  // Rows loaders read, shared by the requests of one dataset version (dropped when it changes).
  const sharedRows = config.loaderCache ? new SharedRows(config.loaderCacheRows) : undefined;
  if (sharedRows) datasetVersion.onChange((version) => sharedRows.useVersion(version));
  await datasetVersion
    .refresh()
    .catch((error) => logger.warn({ err: error }, "could not read the dataset version"));
  datasetVersion.start(options.versionPollMs ?? config.datasetVersionPollMs);
  const httpCache = { maxAgeSeconds: config.cacheMaxAgeSeconds };

  let running = 0;
  const inFlight: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      running += 1;
      return {
        async willSendResponse() {
          running -= 1;
        },
      };
    },
  };
  const responseCache = config.responseCache
    ? new ResponseCache(metrics, config.responseCacheBytes)
    : undefined;
  // What each request reads through: the shared Reader, or with snapshots its own (http/request-reads.ts).
  const reads = new RequestReads(topology, datasetVersion, sharedRows);
  const contextFor = (reply: FastifyReply) => reads.context(reply);
  // Queries Apollo has accepted are answered again without its pipeline (see the module).
  const known = new KnownDocuments(
    {
      schema,
      limits: config.limits,
      metrics,
      httpCache,
      contextFor,
      planned: plansAnswers(config)
        ? (context, document, operation, variables) =>
            plannedData(context, schema, document, operation, variables)
        : undefined,
      started: () => {
        running += 1;
        return () => (running -= 1);
      },
    },
    config.documentCacheBytes,
  );
  const plugins: ApolloServerPlugin<Context>[] = [
    inFlight,
    costLimitPlugin(schema, config.limits),
    metrics.plugin(),
    cacheHeadersPlugin(httpCache),
    requestNotes,
    // Only the response cache reads what this marks.
    ...(responseCache ? [markCacheableAnswers] : []),
    known.plugin(),
    // Our own explorer is served at /; Apollo's landing page (which loads from a CDN) is off.
    ApolloServerPluginLandingPageDisabled(),
    // Caching is done whole-answer by ResponseCache and with ETags; Apollo's per-field cache
    // hints would only cost a wrapper around every resolver.
    ApolloServerPluginCacheControlDisabled(),
  ];

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // The server does its own ordered shutdown (HTTP, then the pool, then the database).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // CSRF prevention is off on purpose: it exists to stop another site from making a signed-in
    // browser change something, and ccm-graph has nothing to protect that way (public data, no
    // cookies or credentials, no mutations). Left on, it refused every plain GET (urql's default
    // client, fetch(url), an address bar, dashboard tools) that sent no preflight header.
    // Mutations stay refused over GET by Apollo, and the schema has none.
    csrfPrevention: false,
    persistedQueries: { cache: persistedQueryStore() },
    documentStore: documentStore(config.documentCacheBytes),
    cache: new InMemoryLRUCache({ maxSize: 50 * 1024 * 1024 }),
    validationRules: armorRules(config.limits),
    formatError: createErrorFormatter((error, message) => logger.error({ err: error }, message)),
    // Compact JSON: Apollo pretty-prints by default, doubling the bytes of big answers.
    stringifyResult: (result) => JSON.stringify(result),
    plugins,
  });
  await apollo.start();

  const app = Fastify({
    // The caller owns the listening server: server/index.ts binds the port before the database is up.
    serverFactory: (handler) => http.createServer(handler),
    // One log line per request is written by logRequests.
    logger: false,
    bodyLimit: config.limits.maxBodyBytes,
    trustProxy: false,
    // Paths as Express took them: /graphql/ and /GraphQL are /graphql; long question names reach
    // the route (and its 404) rather than the router's 414.
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 500 },
    // A path the router cannot read (a broken percent-encoding, an over-long name): our JSON error.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply)
        .code(error.statusCode ?? 400)
        .send(errorBody("BAD_REQUEST", error.message));
    },
  });
  // Set first: route groups registered below take the error handler in place when they are made.
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(errorBody("NOT_FOUND", `No route for ${request.method} ${request.url.split("?")[0]}.`)),
  );

  app.setErrorHandler<FastifyError>((error, _request, reply) => {
    if (error.statusCode === 429) return reply.code(429).send(errorBody("RATE_LIMITED", error.message));
    // A question URL whose snapshot could not be opened (no pool answers).
    if ((error as unknown) instanceof DatabaseUnavailableError) {
      return reply.code(503).send(errorBody("DATABASE_UNAVAILABLE", error.message));
    }
    const refused = bodyRefusal(error, config.limits);
    if (refused) return reply.code(400).send(refused);
    // Fastify's other refusals of a malformed request (their messages are meant for clients).
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(errorBody("BAD_REQUEST", error.message));
    }
    // Anything else that escaped the routes: log it, answer without details.
    logger.error({ err: error }, "unexpected error outside GraphQL");
    return reply.code(500).send(errorBody("INTERNAL_SERVER_ERROR", "Internal server error"));
  });

  replyLocals(app);
  logRequests(app, logger);
  await app.register(fastifyCors, {
    origin: config.corsOrigins,
    maxAge: 600,
    methods: ALLOWED_METHODS,
    // What browser code may read besides the CORS-safelisted headers: validators for its own
    // caching, the rate limit's state, and the id to quote when reporting a problem.
    exposedHeaders: [
      "ETag",
      "ratelimit-limit",
      "ratelimit-remaining",
      "ratelimit-reset",
      "Retry-After",
      "x-request-id",
      // Question URLs: a list's total, and where its next rows are.
      "Link",
      "X-Total-Count",
    ],
    // An OPTIONS that is not a preflight gets 204 too, not a text/plain 400.
    strictPreflight: false,
  });
  // Bodies of other types are not read as anything: GraphQL then refuses the request (400).
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, _body, done) => done(null, undefined));

  app.get("/healthz", async () => ({ status: "ok" }));

  // Ready when reads can be answered (by a standby in service, or the primary) and the dataset is
  // loaded; each pool is reported.
  app.get("/readyz", async (_request, reply) => {
    const { ready: database, pools } = await topology.readiness();
    const dataset = options.isDatasetLoaded();
    return reply.code(database && dataset ? 200 : 503).send({
      status: database && dataset ? "ready" : "not ready",
      database: database ? "reachable" : "unreachable",
      dataset: dataset ? "loaded" : "not loaded",
      version: datasetVersion.current,
      pools,
    });
  });

  app.get("/metrics", metrics.handler());

  const catalogue = loadCatalogue();
  explorerRoutes(app, catalogue);

  const conditional = conditionalGet(datasetVersion, httpCache);
  const answerCache = responseCache?.hooks(datasetVersion, httpCache);
  const graphql = fastifyApolloHandler(apollo, { context: async (_request, reply) => contextFor(reply) });

  // The API routes, rate limited per client when a limit is set (the health routes are not).
  await app.register(async (api) => {
    if (config.rateLimitPerMinute > 0) {
      await api.register(fastifyRateLimit, {
        max: config.rateLimitPerMinute,
        timeWindow: 60_000,
        enableDraftSpec: true,
        errorResponseBuilder: (_request, context) =>
          Object.assign(new Error(`Too many requests: at most ${context.max} a minute per client.`), {
            statusCode: context.statusCode,
          }),
      });
    }
    questionRoutes(api, apollo, schema, catalogue, contextFor, httpCache, conditional, {
      maxRows: options.questionRowLimit,
    });
    api.route({
      url: "/graphql",
      method: ["PUT", "PATCH", "DELETE"],
      // Refused before any body is read: the answer does not depend on what was sent.
      onRequest: async (request, reply) =>
        reply
          .code(405)
          .header("allow", ALLOWED_METHODS.join(", "))
          .send(
            errorBody(
              "BAD_REQUEST",
              `${request.method} is not accepted on /graphql: use GET or POST (HEAD for headers only).`,
            ),
          ),
      handler: async () => undefined,
    });
    api.route({
      // GET, POST, and HEAD (made by Fastify from GET: the same answer without its body).
      url: "/graphql",
      method: ["GET", "POST"],
      onRequest: validHost,
      preParsing: uncompressedBodies,
      preHandler: [
        async (request, reply) => (wantsExplorer(request) ? sendExplorer(reply) : undefined),
        conditional,
        refuseBatches,
        refuseDeepNesting,
        documentGuard(config.limits),
        ...(answerCache ? [answerCache.serve] : []),
        reads.open,
      ],
      onSend: answerCache ? [answerCache.keep] : [],
      // GraphQL takes GET and POST only: a HEAD is asked as the GET it stands for.
      // (The integration's handler is typed for its own route shape, hence the casts.)
      handler: async (request, reply) => {
        const asked = request.method === "HEAD" ? asGet(request) : request;
        return (await known.answer(asked, reply)) ?? graphql.call(app, asked as never, reply as never);
      },
    });
  });

  await app.ready();

  return {
    handle: app.routing,
    http: app,
    apollo,
    datasetVersion,
    reader,
    topology,
    sharedRows,
    metrics,
    responseCache,
    async drain(timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (running > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async stop() {
      await datasetVersion.stop();
      await app.close();
      await apollo.stop();
      await topology.stop();
    },
  };
}
