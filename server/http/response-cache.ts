import crypto from "node:crypto";

import type { ApolloServerPlugin } from "@apollo/server";
import type { Request, RequestHandler, Response } from "express";
import { LRUCache } from "lru-cache";

import type { Context } from "../context";
import { type DatasetVersion, type HttpCacheOptions, markCacheable } from "./caching";
import { type Metrics, notesOf } from "./observability";

interface CachedAnswer {
  /** The answer's bytes: encoded once when kept, not on every hit. */
  body: Buffer;
  operationName: string | undefined;
}

/**
 * Apollo's CSRF prevention, applied before the cache may answer: a GET must carry a header that a
 * browser cannot send cross-site without a preflight (or a non-simple content type).
 */
function passesCsrfPrevention(req: Request): boolean {
  if (req.method !== "GET") return true;
  if (req.headers["apollo-require-preflight"] || req.headers["x-apollo-operation-name"]) return true;
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  return (
    type !== "" && !["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"].includes(type)
  );
}

/**
 * Whole answers, kept in memory and keyed by the dataset version and the request. The data only
 * changes on ingest, so a repeated question (what dashboards ask) is answered without parsing,
 * planning or touching the database; an ingest changes the version, and older entries are never
 * read again (the LRU drops them). Only answers without errors are kept.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedAnswer>;
  /** Answers being computed: identical requests arriving meanwhile wait for them (no stampede). */
  private readonly pending = new Map<string, Promise<CachedAnswer | undefined>>();

  constructor(
    private readonly metrics: Metrics,
    maxBytes = 64 * 1024 * 1024,
  ) {
    this.entries = new LRUCache<string, CachedAnswer>({
      max: 20_000,
      maxSize: maxBytes,
      sizeCalculation: (answer) => answer.body.length || 1,
    });
  }

  /** Serves cached answers to /graphql requests, and records the answers to the others. */
  middleware(version: DatasetVersion, http: HttpCacheOptions): RequestHandler {
    return async (req, res, next) => {
      const current = version.current;
      const request =
        req.method === "GET"
          ? req.query
          : req.method === "POST"
            ? (req.body as Record<string, unknown>)
            : undefined;
      if (!current || !request || typeof request !== "object" || Array.isArray(request)) return next();
      if (!passesCsrfPrevention(req)) return next();
      // A digest, not the request itself: a key must not cost more memory than the answer.
      const key = crypto
        .createHash("sha256")
        .update(`${current}\n${req.method}\n`)
        .update(JSON.stringify([request.query, request.variables, request.operationName, request.extensions]))
        .digest("base64url");
      let cached = this.entries.get(key);
      const inFlight = cached === undefined ? this.pending.get(key) : undefined;
      if (inFlight) cached = await inFlight;
      if (cached !== undefined) {
        const started = process.hrtime.bigint();
        markCacheable(res, http);
        Object.assign(notesOf(res), { operationName: cached.operationName, sqlStatements: 0, cache: "hit" });
        res.setHeader("x-cache", "hit");
        res.setHeader("x-sql-statements", "0");
        res.status(200).type("application/json; charset=utf-8").send(cached.body);
        this.metrics.record(cached.operationName, Number(process.hrtime.bigint() - started) / 1e9, false);
        return;
      }
      let settle: (answer: CachedAnswer | undefined) => void = () => {};
      if (!inFlight) {
        this.pending.set(
          key,
          new Promise((resolve) => {
            settle = (answer) => {
              this.pending.delete(key);
              resolve(answer);
            };
          }),
        );
        res.once("close", () => settle(undefined));
      }
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (res.statusCode === 200 && typeof body === "string" && cacheableAnswer(res)) {
          const answer = { body: Buffer.from(body, "utf8"), operationName: notesOf(res).operationName };
          this.entries.set(key, answer);
          settle(answer);
        } else {
          settle(undefined);
        }
        return send(body);
      };
      next();
    };
  }
}

function cacheableAnswer(res: Response): boolean {
  return (res.locals as { cacheableAnswer?: boolean }).cacheableAnswer === true;
}

/** Marks answers that may be kept: a GraphQL result with no errors. */
export const markCacheableAnswers: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.res) return;
        const ok = response.body.kind === "single" && !response.body.singleResult.errors;
        (contextValue.res.locals as { cacheableAnswer?: boolean }).cacheableAnswer = ok;
      },
    };
  },
};
