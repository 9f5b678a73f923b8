import crypto from "node:crypto";

import type { ApolloServerPlugin } from "@apollo/server";
import type { FastifyRequest, onSendHookHandler, preHandlerAsyncHookHandler } from "fastify";
import { LRUCache } from "lru-cache";

import type { Context } from "../context";
import { type DatasetVersion, type HttpCacheOptions, markCacheable } from "./caching";
import { type Metrics, notesOf } from "./observability";

interface CachedAnswer {
  /** The answer's bytes: encoded once when kept, not on every hit. */
  body: Buffer;
  /** Its media type as GraphQL chose it for the request's Accept (JSON or GraphQL-response JSON). */
  contentType: string;
  operationName: string | undefined;
}

/**
 * What identifies a question: a GET's query string as GraphQL will read it, or a POST body's
 * fields. Undefined for anything else (GraphQL refuses it, or it is not a question).
 */
function questionOf(request: FastifyRequest): string | undefined {
  if (request.method === "GET") {
    const start = request.url.indexOf("?");
    return start === -1 ? undefined : request.url.slice(start + 1);
  }
  const body = request.body as Record<string, unknown> | null | undefined;
  if (request.method !== "POST" || !body || typeof body !== "object" || Array.isArray(body)) return undefined;
  return JSON.stringify([body.query, body.variables, body.operationName, body.extensions]);
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
  /** The requests computing an answer, and what to do with it (what `keep` settles). */
  private readonly computing = new WeakMap<FastifyRequest, (answer: CachedAnswer | undefined) => void>();

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

  /**
   * The hooks of the /graphql route: `serve` answers from the cache before GraphQL runs (a
   * preHandler), `keep` keeps the answers to the others (an onSend hook).
   */
  hooks(
    version: DatasetVersion,
    http: HttpCacheOptions,
  ): { serve: preHandlerAsyncHookHandler; keep: onSendHookHandler } {
    const serve: preHandlerAsyncHookHandler = async (request, reply) => {
      const current = version.current;
      const asked = questionOf(request);
      if (!current || asked === undefined) return;
      // A digest, not the request itself: a key must not cost more memory than the answer. Accept
      // is part of it: the same question asked for another media type is another answer.
      const key = crypto
        .createHash("sha256")
        .update(`${current}\n${request.method}\n${request.headers.accept ?? ""}\n`)
        .update(asked)
        .digest("base64url");
      let cached = this.entries.get(key);
      const inFlight = cached === undefined ? this.pending.get(key) : undefined;
      if (inFlight) cached = await inFlight;
      if (cached !== undefined) {
        const started = process.hrtime.bigint();
        markCacheable(reply, http);
        Object.assign(notesOf(reply), {
          operationName: cached.operationName,
          sqlStatements: 0,
          cache: "hit",
        });
        reply.code(200).type(cached.contentType).header("x-cache", "hit").header("x-sql-statements", "0");
        this.metrics.record(cached.operationName, Number(process.hrtime.bigint() - started) / 1e9, false);
        return reply.send(cached.body);
      }
      let settle: (answer: CachedAnswer | undefined) => void = () => {};
      if (!inFlight) {
        const computed: Promise<CachedAnswer | undefined> = new Promise((resolve) => {
          // Settled once (by the answer, or by the client hanging up first); only this request's
          // entry is removed, not a later request's for the same key.
          settle = (answer) => {
            settle = () => {};
            if (this.pending.get(key) === computed) this.pending.delete(key);
            resolve(answer);
          };
        });
        this.pending.set(key, computed);
        // A client that hangs up before its answer must not leave others waiting.
        reply.raw.once("close", () => settle(undefined));
      }
      this.computing.set(request, (answer) => {
        if (answer) this.entries.set(key, answer);
        settle(answer);
      });
    };
    const keep: onSendHookHandler = (request, reply, payload, done) => {
      const finish = this.computing.get(request);
      if (finish) {
        this.computing.delete(request);
        const ok =
          reply.statusCode === 200 &&
          typeof payload === "string" &&
          reply.locals.cacheableAnswer === true &&
          !reply.locals.otherVersion;
        finish(
          ok
            ? {
                body: Buffer.from(payload, "utf8"),
                contentType: String(reply.getHeader("content-type") ?? "application/json; charset=utf-8"),
                operationName: notesOf(reply).operationName,
              }
            : undefined,
        );
      }
      done(null, payload);
    };
    return { serve, keep };
  }
}

/** Marks answers that may be kept: a GraphQL result with no errors. */
export const markCacheableAnswers: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.res) return;
        const ok = response.body.kind === "single" && !response.body.singleResult.errors;
        contextValue.res.locals.cacheableAnswer = ok;
      },
    };
  },
};
