import fs from "node:fs";
import path from "node:path";

import { type Limits, limitsFromEnv } from "./http/limits";

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

export interface Config {
  host: string;
  port: number;
  /** A PostgreSQL server to use. Without it, an embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
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
  /** Rows read by loaders (paragraphs, footnotes, findings...) shared by requests of one dataset version. */
  loaderCache: boolean;
  limits: Limits;
}

/** Reads the configuration from the environment; every variable is documented in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  }
  const production = env.NODE_ENV === "production";
  return {
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(PROJECT_ROOT, env.CCM_DATA_DIR ?? ".data/postgres"),
    datasetDir: path.resolve(PROJECT_ROOT, env.CCM_DATASET_DIR ?? "server/data/reports"),
    participantsFile: path.resolve(PROJECT_ROOT, env.CCM_PARTICIPANTS ?? "server/data/ccm-participants.json"),
    production,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
    rateLimitPerMinute: integer(env, "RATE_LIMIT_PER_MINUTE", production ? 600 : 0),
    cacheMaxAgeSeconds: integer(env, "CACHE_MAX_AGE", 60),
    responseCache: (env.RESPONSE_CACHE ?? "on") !== "off",
    loaderCache: (env.LOADER_CACHE ?? "on") !== "off",
    limits: limitsFromEnv(env),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`${name} must be a whole number >= 0, got "${raw}"`);
  return value;
}

function parseOrigins(raw: string | undefined): "*" | string[] {
  if (raw === undefined || raw.trim() === "" || raw.trim() === "*") return "*";
  return raw
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/** A problem the operator can fix from the message alone: printed as one line, no stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
