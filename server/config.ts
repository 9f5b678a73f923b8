import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

/**
 * Where the project lives: everything relative (data folder, dataset) is resolved from here. The
 * nearest folder above with a package.json, so that the compiled server (dist/server) finds it too.
 */
export const PROJECT_ROOT = findProjectRoot(path.resolve(__dirname, ".."));

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

/** The limits a request must stay within; every one is configurable from the environment. */
export interface Limits {
  /** Deepest selection nesting (introspection included). */
  maxDepth: number;
  /** Highest query cost; list fields multiply their children's cost by their page size. */
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Longest query document, in characters. */
  maxDocumentLength: number;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

export interface Config {
  host: string;
  port: number;
  /** A PostgreSQL server to use. Without it, an embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  /**
   * Standbys (PostgreSQL streaming replicas of DATABASE_URL) that requests read from. Migrations,
   * ingest and the version announcement stay on DATABASE_URL, the primary.
   */
  databaseReadUrls: string[];
  /** A standby further behind the primary than this (ms) gets no reads until it catches up. */
  databaseReadMaxLagMs: number;
  /** How often the dataset version is re-read (ms); with standbys, the only way a node learns of an ingest. */
  datasetVersionPollMs: number;
  /** Each request reads in one REPEATABLE READ snapshot, pinned to one dataset version. */
  readSnapshot: boolean;
  /** Where the embedded PostgreSQL keeps its data (git-ignored). */
  dataDir: string;
  /** The report dataset files loaded at start. */
  datasetDir: string;
  participantsFile: string;
  production: boolean;
  logLevel: string;
  /** Origins allowed by CORS: "*" (any, the default: the API is public and read-only) or a list. */
  corsOrigins: "*" | string[];
  /** Requests per minute per client IP; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Seconds clients and proxies may reuse a GET answer. */
  cacheMaxAgeSeconds: number;
  /** Whole answers cached in memory, keyed by dataset version. */
  responseCache: boolean;
  /** The most the answer cache keeps: the answers' bytes. */
  responseCacheBytes: number;
  /**
   * The most heap the cache of parsed query documents may take (an estimate from the documents'
   * length: see DOCUMENT_HEAP_BYTES_PER_CHARACTER).
   */
  documentCacheBytes: number;
  /** Rows read by loaders (paragraphs, footnotes, findings...) shared by requests of one dataset version. */
  loaderCache: boolean;
  /** The most rows the loaders' shared rows keep, over all loaders (a list counts as its length + 1). */
  loaderCacheRows: number;
  /**
   * Known queries whose every field has a plan are answered by one statement that builds their
   * JSON: "auto" does so when loader rows are not shared (with shared rows the resolvers answer
   * from memory, which is faster), "on" always, "off" never.
   */
  plannedAnswers: "auto" | "on" | "off";
  limits: Limits;
}

/** A problem the operator can fix from the message alone: printed as one line, no stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** A whole number from an environment variable, min to max; "" counts as unset. */
const whole = (min: number, max = Number.MAX_SAFE_INTEGER, what = `a whole number >= ${min}`) => {
  const error = `must be ${what}`;
  return z.preprocess(
    (raw) => (raw === "" ? undefined : raw),
    z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).optional(),
  );
};
const onOff = z.enum(["on", "off"], { error: 'must be "on" or "off"' }).optional();
const text = z.string().optional();

/**
 * Every environment variable the server reads, in one place (the README's configuration table
 * lists the same). Unknown variables are ignored: the environment holds many other things.
 */
const environment = z.object({
  PORT: whole(0, 65535, "a port number (0-65535)"),
  HOST: text,
  DATABASE_URL: text,
  DATABASE_READ_URL: text,
  DATABASE_READ_MAX_LAG_MS: whole(0),
  DATASET_VERSION_POLL_MS: whole(50),
  READ_SNAPSHOT: onOff,
  CCM_DATA_DIR: text,
  CCM_DATASET_DIR: text,
  CCM_PARTICIPANTS: text,
  NODE_ENV: text,
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .optional(),
  CORS_ORIGINS: text,
  CACHE_MAX_AGE: whole(0),
  RESPONSE_CACHE: onOff,
  RESPONSE_CACHE_MB: whole(1),
  DOCUMENT_CACHE_MB: whole(1),
  LOADER_CACHE_ROWS: whole(1),
  LOADER_CACHE: onOff,
  PLANNED_ANSWERS: z.enum(["auto", "on", "off"], { error: 'must be "auto", "on" or "off"' }).optional(),
  RATE_LIMIT_PER_MINUTE: whole(0),
  MAX_DEPTH: whole(1),
  MAX_COST: whole(1),
  MAX_ALIASES: whole(1),
  MAX_TOKENS: whole(1),
  MAX_DIRECTIVES: whole(1),
  MAX_DOCUMENT_LENGTH: whole(1),
  MAX_BODY_BYTES: whole(1),
});

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 15,
  maxCost: 50_000,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 20,
  maxDocumentLength: 20_000,
  maxBodyBytes: 100_000,
};

/**
 * Reads the configuration from the environment; every variable is documented in the README. A
 * bad value throws a ConfigError naming the variable and the value.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name} ${issue.message}, got "${env[name]}"`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const d = DEFAULT_LIMITS;
  const readUrls = (e.DATABASE_READ_URL ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
  readUrls.forEach((url, index) => {
    // The URL itself is not shown: it may hold a password.
    if (!URL.canParse(url)) {
      throw new ConfigError(
        `DATABASE_READ_URL must be PostgreSQL URLs, comma-separated; entry ${index + 1} is not one`,
      );
    }
  });
  if (readUrls.length > 0 && !e.DATABASE_URL) {
    throw new ConfigError(
      "DATABASE_READ_URL needs DATABASE_URL (the primary, for migrations and ingest), got none",
    );
  }
  return {
    host: e.HOST || "127.0.0.1",
    port: e.PORT ?? 4000,
    databaseUrl: e.DATABASE_URL || undefined,
    databaseReadUrls: readUrls,
    databaseReadMaxLagMs: e.DATABASE_READ_MAX_LAG_MS ?? 1_000,
    datasetVersionPollMs: e.DATASET_VERSION_POLL_MS ?? 1_000,
    readSnapshot: e.READ_SNAPSHOT ? e.READ_SNAPSHOT === "on" : readUrls.length > 0,
    dataDir: path.resolve(PROJECT_ROOT, e.CCM_DATA_DIR || ".data/postgres"),
    datasetDir: path.resolve(PROJECT_ROOT, e.CCM_DATASET_DIR || "server/data/reports"),
    participantsFile: path.resolve(PROJECT_ROOT, e.CCM_PARTICIPANTS || "server/data/ccm-participants.json"),
    production,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info"),
    corsOrigins: parseOrigins(e.CORS_ORIGINS),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE ?? (production ? 600 : 0),
    cacheMaxAgeSeconds: e.CACHE_MAX_AGE ?? 60,
    responseCache: e.RESPONSE_CACHE !== "off",
    responseCacheBytes: (e.RESPONSE_CACHE_MB ?? 64) * MIB,
    documentCacheBytes: (e.DOCUMENT_CACHE_MB ?? 16) * MIB,
    loaderCache: e.LOADER_CACHE !== "off",
    loaderCacheRows: e.LOADER_CACHE_ROWS ?? 50_000,
    plannedAnswers: e.PLANNED_ANSWERS ?? "auto",
    limits: {
      maxDepth: e.MAX_DEPTH ?? d.maxDepth,
      maxCost: e.MAX_COST ?? d.maxCost,
      maxAliases: e.MAX_ALIASES ?? d.maxAliases,
      maxTokens: e.MAX_TOKENS ?? d.maxTokens,
      maxDirectives: e.MAX_DIRECTIVES ?? d.maxDirectives,
      maxDocumentLength: e.MAX_DOCUMENT_LENGTH ?? d.maxDocumentLength,
      maxBodyBytes: e.MAX_BODY_BYTES ?? d.maxBodyBytes,
    },
  };
}

function parseOrigins(raw: string | undefined): "*" | string[] {
  if (raw === undefined || raw.trim() === "" || raw.trim() === "*") return "*";
  return raw
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * Whether known queries are planned into one statement (PLANNED_ANSWERS). By default only when
 * loader rows are not shared: with them the resolvers answer from memory, faster than PostgreSQL
 * builds the JSON (the headline at 1x, uncached: 1.55x PostGraphile planned, about 3x from shared
 * rows; BENCHMARKS.md, "Cold engine").
 */
export const plansAnswers = (config: Pick<Config, "plannedAnswers" | "loaderCache">): boolean =>
  config.plannedAnswers === "on" || (config.plannedAnswers === "auto" && !config.loaderCache);
