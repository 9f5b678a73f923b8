/**
 * The SDK catalogue run through GraphQL clients nobody here wrote, as people use them: Apollo
 * Client (InMemoryCache), urql (its default client, and with graphcache), a bare `fetch(url)`
 * GET, and graphql-http's audit of the GraphQL-over-HTTP spec. Shared by the tests and by
 * scripts/measure-clients.ts, which prints the figures for a running server.
 */
import type * as ApolloModule from "@apollo/client";
import type * as ApolloDev from "@apollo/client/dev";
import { Client, cacheExchange, fetchExchange, gql } from "@urql/core";
import { cacheExchange as graphcacheExchange } from "@urql/exchange-graphcache";
import { auditServer } from "graphql-http";

import catalogue from "../../sdk/generated/catalogue.json";

export interface CatalogueCase {
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

/** Every catalogue question with its example variables. */
export const catalogueCases: CatalogueCase[] = catalogue.map((q) => ({
  name: q.name,
  document: q.document,
  variables: q.variables as Record<string, unknown>,
}));

export interface ClientRun {
  /** Operations answered with data and no error. */
  passed: string[];
  /** Operations that failed, with why. */
  failed: { name: string; reason: string }[];
  /** What the client wrote with console.warn / console.error during the run (cache warnings). */
  warnings: string[];
}

/** Runs `body` while collecting what is written to console.warn and console.error. */
async function collectingWarnings<T>(body: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  console.error = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  try {
    return { value: await body(), warnings };
  } finally {
    Object.assign(console, { warn, error });
  }
}

async function runCases(ask: (c: CatalogueCase) => Promise<string | undefined>): Promise<ClientRun> {
  const { value, warnings } = await collectingWarnings(async () => {
    const passed: string[] = [];
    const failed: ClientRun["failed"] = [];
    for (const c of catalogueCases) {
      let reason: string | undefined;
      try {
        reason = await ask(c);
      } catch (error) {
        reason = (error as Error).message;
      }
      if (reason === undefined) passed.push(c.name);
      else failed.push({ name: c.name, reason });
    }
    return { passed, failed };
  });
  return { ...value, warnings };
}

/**
 * Apollo Client 4 with an InMemoryCache (given `typePolicies` and `possibleTypes`, or none), in development mode so
 * that it warns as a developer would see it. One client for the whole catalogue: answers share
 * the cache, where objects without keys collide.
 */
export async function runApolloClient(
  url: string,
  cache: { typePolicies?: Record<string, unknown>; possibleTypes?: Record<string, string[]> } = {},
): Promise<ClientRun> {
  // Apollo's CommonJS build reads __DEV__ when it loads: development mode, with its warnings.
  (globalThis as { __DEV__?: boolean }).__DEV__ = true;
  const apollo = require("@apollo/client") as typeof ApolloModule;
  const { loadDevMessages, loadErrorMessages } = require("@apollo/client/dev") as typeof ApolloDev;
  loadDevMessages();
  loadErrorMessages();
  const client = new apollo.ApolloClient({
    link: new apollo.HttpLink({ uri: url }),
    cache: new apollo.InMemoryCache(cache as never),
  });
  try {
    return await runCases(async (c) => {
      const result = await client.query({ query: apollo.gql(c.document), variables: c.variables });
      if (result.error) return result.error.message;
      return result.data ? undefined : "no data";
    });
  } finally {
    client.stop();
  }
}

export interface UrqlOptions {
  /** Use @urql/exchange-graphcache with these `keys` instead of urql's document cache. */
  graphcacheKeys?: Record<string, (data: any) => string | null>;
  /**
   * urql sends queries as GET when the URL is short enough (its default, "within-url-limit");
   * "force": always GET; false: always POST.
   */
  preferGetMethod?: false | "force";
  /** The fetch urql uses (to watch what it sends). */
  fetch?: typeof fetch;
}

/** urql's client with its defaults (queries as GET), optionally with graphcache. */
export async function runUrql(url: string, options: UrqlOptions = {}): Promise<ClientRun> {
  const client = new Client({
    url,
    exchanges: [
      options.graphcacheKeys ? graphcacheExchange({ keys: options.graphcacheKeys }) : cacheExchange,
      fetchExchange,
    ],
    ...(options.preferGetMethod !== undefined ? { preferGetMethod: options.preferGetMethod } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return runCases(async (c) => {
    const result = await client.query(gql(c.document), c.variables).toPromise();
    if (result.error) return result.error.message;
    return result.data ? undefined : "no data";
  });
}

/** A bare `fetch(url)` GET, as a browser address bar or a dashboard sends it: no extra header. */
export async function runBareFetchGet(url: string): Promise<ClientRun> {
  return runCases(async (c) => {
    const query = new URLSearchParams({ query: c.document, variables: JSON.stringify(c.variables) });
    const response = await fetch(`${url}?${query}`);
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    if (response.status !== 200) return `HTTP ${response.status}: ${body.errors?.[0]?.message ?? ""}`;
    if (body.errors) return body.errors[0].message;
    return body.data ? undefined : "no data";
  });
}

export interface AuditSummary {
  MUST: { pass: number; fail: number };
  SHOULD: { pass: number; fail: number };
  MAY: { pass: number; fail: number };
  /** The audits that did not pass: "MUST ...: reason". */
  failures: string[];
}

/** graphql-http's server audit (the GraphQL-over-HTTP spec), counted by requirement level. */
export async function auditSummary(url: string): Promise<AuditSummary> {
  const results = await auditServer({ url });
  const summary: AuditSummary = {
    MUST: { pass: 0, fail: 0 },
    SHOULD: { pass: 0, fail: 0 },
    MAY: { pass: 0, fail: 0 },
    failures: [],
  };
  for (const result of results) {
    const level = result.name.split(" ")[0] as "MUST" | "SHOULD" | "MAY";
    if (result.status === "ok") summary[level].pass += 1;
    else {
      summary[level].fail += 1;
      summary.failures.push(`${result.name}: ${result.reason}`);
    }
  }
  return summary;
}
