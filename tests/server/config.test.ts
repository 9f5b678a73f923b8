/**
 * Every setting is read from the environment in one place (server/config.ts); a bad value is
 * refused with a message that names the variable, before anything starts.
 */
import { ConfigError, DEFAULT_LIMITS, loadConfig, plansAnswers } from "../../server/config";

describe("What does the server make of its environment?", () => {
  it("runs with no settings at all, on the documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 4000,
      databaseUrl: undefined,
      production: false,
      corsOrigins: "*",
      rateLimitPerMinute: 0,
      cacheMaxAgeSeconds: 60,
      responseCache: true,
      responseCacheBytes: 64 * 1024 * 1024,
      documentCacheBytes: 16 * 1024 * 1024,
      loaderCache: true,
    });
    expect(config.limits).toEqual({
      maxDepth: 15,
      maxCost: 50_000,
      maxAliases: 30,
      maxTokens: 5_000,
      maxDirectives: 20,
      maxDocumentLength: 20_000,
      maxBodyBytes: 100_000,
    });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
  });

  it("reads standbys from DATABASE_READ_URL, comma-separated, with snapshots on by default only then", () => {
    expect(loadConfig({})).toMatchObject({
      databaseReadUrls: [],
      databaseReadMaxLagMs: 1_000,
      datasetVersionPollMs: 1_000,
      readSnapshot: false,
    });
    const config = loadConfig({
      DATABASE_URL: "postgres://primary/ccm",
      DATABASE_READ_URL: "postgres://standby-1/ccm, postgres://standby-2/ccm",
      DATABASE_READ_MAX_LAG_MS: "250",
    });
    expect(config).toMatchObject({
      databaseReadUrls: ["postgres://standby-1/ccm", "postgres://standby-2/ccm"],
      databaseReadMaxLagMs: 250,
      readSnapshot: true,
    });
    expect(loadConfig({ READ_SNAPSHOT: "on" }).readSnapshot).toBe(true);
  });

  it("refuses standbys without a primary, and an unreadable standby URL without showing it (it may hold a password)", () => {
    expect(() => loadConfig({ DATABASE_READ_URL: "postgres://standby/ccm" })).toThrow(
      new ConfigError(
        "DATABASE_READ_URL needs DATABASE_URL (the primary, for migrations and ingest), got none",
      ),
    );
    expect(() =>
      loadConfig({
        DATABASE_URL: "postgres://primary/ccm",
        DATABASE_READ_URL: "postgres://standby/ccm,secret pass",
      }),
    ).toThrow(
      new ConfigError("DATABASE_READ_URL must be PostgreSQL URLs, comma-separated; entry 2 is not one"),
    );
  });

  it("reads each limit from its own variable, and treats an empty value as unset", () => {
    const config = loadConfig({
      MAX_DEPTH: "7",
      MAX_COST: "",
      MAX_BODY_BYTES: "2048",
      CORS_ORIGINS: "https://a.example, https://b.example",
    });
    expect(config.limits.maxDepth).toBe(7);
    expect(config.limits.maxCost).toBe(50_000);
    expect(config.limits.maxBodyBytes).toBe(2048);
    expect(config.corsOrigins).toEqual(["https://a.example", "https://b.example"]);
  });

  it("reads the memory caps of the answer and document caches in MiB", () => {
    const config = loadConfig({ RESPONSE_CACHE_MB: "8", DOCUMENT_CACHE_MB: "2" });
    expect(config.responseCacheBytes).toBe(8 * 1024 * 1024);
    expect(config.documentCacheBytes).toBe(2 * 1024 * 1024);
  });

  it.each([
    [{ PORT: "abc" }, 'PORT must be a port number (0-65535), got "abc"'],
    [{ PORT: "65536" }, 'PORT must be a port number (0-65535), got "65536"'],
    [{ MAX_DEPTH: "0" }, 'MAX_DEPTH must be a whole number >= 1, got "0"'],
    [{ MAX_COST: "1.5" }, 'MAX_COST must be a whole number >= 1, got "1.5"'],
    [{ RATE_LIMIT_PER_MINUTE: "-1" }, 'RATE_LIMIT_PER_MINUTE must be a whole number >= 0, got "-1"'],
    [{ LOADER_CACHE: "false" }, 'LOADER_CACHE must be "on" or "off", got "false"'],
    [{ DOCUMENT_CACHE_MB: "0" }, 'DOCUMENT_CACHE_MB must be a whole number >= 1, got "0"'],
    [{ RESPONSE_CACHE_MB: "lots" }, 'RESPONSE_CACHE_MB must be a whole number >= 1, got "lots"'],
    [
      { LOG_LEVEL: "loud" },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ],
  ])("refuses %j with a message naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});

describe("How much may the shared loader rows keep?", () => {
  it("keeps 50,000 rows over all loaders unless LOADER_CACHE_ROWS says otherwise", () => {
    expect(loadConfig({}).loaderCacheRows).toBe(50_000);
    expect(loadConfig({ LOADER_CACHE_ROWS: "1000" }).loaderCacheRows).toBe(1000);
    expect(() => loadConfig({ LOADER_CACHE_ROWS: "lots" })).toThrow(
      new ConfigError('LOADER_CACHE_ROWS must be a whole number >= 1, got "lots"'),
    );
  });
});

describe("Does PostgreSQL build the answers of known queries?", () => {
  it("does when loader rows are not shared, unless PLANNED_ANSWERS says otherwise", () => {
    const plans = (env: Record<string, string>) => plansAnswers(loadConfig(env));
    expect(loadConfig({}).plannedAnswers).toBe("auto");
    expect(plans({})).toBe(false);
    expect(plans({ LOADER_CACHE: "off" })).toBe(true);
    expect(plans({ PLANNED_ANSWERS: "on" })).toBe(true);
    expect(plans({ PLANNED_ANSWERS: "off", LOADER_CACHE: "off" })).toBe(false);
    expect(() => loadConfig({ PLANNED_ANSWERS: "no" })).toThrow(
      new ConfigError('PLANNED_ANSWERS must be "auto", "on" or "off", got "no"'),
    );
  });
});
