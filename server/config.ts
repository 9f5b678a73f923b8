import path from "node:path";

/** Where the project lives: everything relative (data folder, dataset) is resolved from here. */
export const PROJECT_ROOT = path.resolve(__dirname, "..");

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
}

/** Reads the configuration from the environment; every variable is documented in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(PROJECT_ROOT, env.CCM_DATA_DIR ?? ".data/postgres"),
    datasetDir: path.resolve(PROJECT_ROOT, env.CCM_DATASET_DIR ?? "server/data/reports"),
    participantsFile: path.resolve(PROJECT_ROOT, env.CCM_PARTICIPANTS ?? "server/data/ccm-participants.json"),
    production: env.NODE_ENV === "production",
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  };
}

/** A problem the operator can fix from the message alone: printed as one line, no stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
