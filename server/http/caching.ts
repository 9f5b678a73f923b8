import crypto from "node:crypto";

import type { ApolloServerPlugin } from "@apollo/server";
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import { Client, type Pool } from "pg";
import { sql } from "pg-sql2";
import type { DataSource } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";

import { DATASET_CHANNEL } from "../data/ingest";
import { VERSION_QUERY, versionOfRow } from "../db/version";
import type { ReportRow } from "../reports/report";

export interface DatasetVersionOptions {
  /** Where the version is read (default: the DataSource); with standbys, where requests read. */
  read?: (text: string) => Promise<Record<string, unknown>[]>;
  /**
   * LISTEN on the DataSource for ingests' announcements (default true). Off with standbys: a hot
   * standby cannot LISTEN, and the version must come from where requests read anyway.
   */
  listen?: boolean;
}

/**
 * The version of the data being served: one hash of every loaded report's dataset version. The
 * data only changes on ingest, so this one value keys every cache (ETags, whole responses, shared
 * loader rows). It is read at start; an ingest (from this process or another) announces itself
 * on the `DATASET_CHANNEL` notification channel, which `start` listens to, and the version is
 * also re-read every `pollMs` in case a notification is missed (say while the listening
 * connection is down). With standbys (`listen: false`), the poll is the only way: a node learns
 * of an ingest within `pollMs` of its standby replaying it.
 */
export class DatasetVersion {
  private value: string | null = null;
  private report: ReportRow | null = null;
  private timer: NodeJS.Timeout | undefined;
  private listener: Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The version the change listeners were last told of (null: none, or a change is under way). */
  private announced: string | null = null;
  private readonly changeListeners: ((version: string | null) => void)[] = [];

  private readonly read: (text: string) => Promise<Record<string, unknown>[]>;
  private readonly listens: boolean;

  constructor(
    private readonly dataSource: DataSource,
    options: DatasetVersionOptions = {},
  ) {
    this.read = options.read ?? ((text) => this.dataSource.query(text));
    this.listens = options.listen ?? true;
  }

  get current(): string | null {
    return this.value;
  }

  /**
   * The current report's row (the latest real report) as of the last refresh: read with the
   * version, so that requests need not ask for it (a round trip saved on every request).
   */
  get currentReport(): ReportRow | null {
    return this.report;
  }

  /**
   * Calls `listener` with each new version, and with null as soon as an ingest is announced,
   * before the new version has been read (caches that must never mix versions stop there).
   */
  onChange(listener: (version: string | null) => void): void {
    this.changeListeners.push(listener);
    listener(this.announced);
  }

  async refresh(): Promise<string | null> {
    const [row] = await this.read(VERSION_QUERY);
    const { version: next, report } = versionOfRow(row);
    this.report = report;
    if (next) this.value = next;
    if (next && next !== this.announced) this.announce(next);
    return this.value;
  }

  /** Polls every `pollMs`, and listens for ingests' notifications (unless `listen: false`). */
  start(pollMs: number): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.refresh().catch(() => {}), pollMs);
    this.timer.unref();
    if (this.listens) void this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.reconnect);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => {});
  }

  private announce(version: string | null): void {
    this.announced = version;
    for (const listener of this.changeListeners) listener(version);
  }

  /** A connection of its own (not one of the pool's) that LISTENs, and comes back if it drops. */
  private async listen(): Promise<void> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const client = new Client(pool.options);
    // Held from the start, so that stop() ends it at whatever stage it is.
    this.listener = client;
    const retry = () => {
      if (this.listener === client) this.listener = undefined;
      client.removeAllListeners();
      client.on("error", () => {});
      void client.end().catch(() => {});
      if (this.stopped || this.reconnect) return;
      this.reconnect = setTimeout(() => {
        this.reconnect = undefined;
        void this.listen();
      }, 1_000);
      this.reconnect.unref();
    };
    client.on("error", retry);
    client.on("end", retry);
    client.on("notification", () => {
      // Stop the caches that must not mix versions at once, then read the new version.
      this.announce(null);
      void this.refresh().catch(() => {});
    });
    try {
      await client.connect();
      await client.query(sql.compile(sql`LISTEN ${sql.identifier(DATASET_CHANNEL)}`).text);
      // An ingest may have happened while no one listened.
      await this.refresh();
    } catch {
      retry();
    }
  }
}

export interface HttpCacheOptions {
  /** Seconds a GET answer may be reused by clients and proxies. */
  maxAgeSeconds: number;
}

/** A GET answer's ETag: the dataset version and the request (URL and the representation asked for). */
export function etagFor(version: string, request: FastifyRequest): string {
  const key = `${request.url}\n${request.headers.accept ?? ""}`;
  return `W/"${version}-${crypto.createHash("sha1").update(key).digest("base64url").slice(0, 16)}"`;
}

/** True when If-None-Match names `etag` (weak comparison, as for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim())
    .some((tag) => tag === etag || tag.replace(/^W\//, "") === etag.replace(/^W\//, ""));
}

/**
 * For GET requests: answers 304 when the client already holds the current answer, and otherwise
 * arranges for a successful answer to carry ETag and Cache-Control (see `markCacheable`).
 */
export function conditionalGet(
  version: DatasetVersion,
  options: HttpCacheOptions,
): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const current = version.current;
    if ((request.method !== "GET" && request.method !== "HEAD") || !current) return;
    const etag = etagFor(current, request);
    reply.locals.etag = etag;
    if (etagMatches(request.headers["if-none-match"], etag)) {
      markCacheable(reply, options);
      return reply.code(304).send();
    }
  };
}

export function cacheControl(options: HttpCacheOptions): string {
  return `public, max-age=${options.maxAgeSeconds}`;
}

/** Adds the validators prepared by `conditionalGet` to a successful answer. */
export function markCacheable(reply: FastifyReply, options: HttpCacheOptions): void {
  const etag = reply.locals.etag;
  if (!etag) return;
  reply.header("ETag", etag);
  // The ETag depends on Accept (JSON or CSV): shared caches must key on it too.
  const vary = reply.getHeader("vary");
  reply.header("Vary", vary ? `${String(vary)}, Accept` : "Accept");
  reply.header("Cache-Control", cacheControl(options));
}

/** GraphQL GET answers without errors become cacheable (POST answers never are). */
export function cacheHeadersPlugin(options: HttpCacheOptions): ApolloServerPlugin<{ res?: FastifyReply }> {
  return {
    async requestDidStart({ request, contextValue }) {
      if (request.http?.method !== "GET") return;
      return {
        async willSendResponse({ response }) {
          const ok = response.body.kind === "single" && !response.body.singleResult.errors;
          if (ok && contextValue.res) markCacheable(contextValue.res, options);
        },
      };
    },
  };
}
