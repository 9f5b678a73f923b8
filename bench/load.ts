/**
 * One measured cell: autocannon POSTing one scenario's query to one server for a fixed time,
 * checking every response body (autocannon alone counts a 200 carrying GraphQL errors as a
 * success). The check is cheap on purpose, since the load generator shares the 2 cores with the
 * server: status 200, no `"errors"` key, and the scenario's expected prefix present. The full
 * JSON answers are compared once per scenario, before measuring (scenarios.ts checkEquivalence).
 */
import autocannon from "autocannon";

import type { Vars } from "./scenarios";

export interface CellOptions {
  url: string;
  query: string;
  /** Variables of request i (uncached path), or of every request (cached path: i is null). */
  variables(i: number | null): Vars;
  uncached: boolean;
  /** A substring every successful body contains. */
  expect: string;
  durationSeconds: number;
  connections: number;
  /**
   * Fewest completed requests a cell needs. When a slow scenario completes fewer within the
   * duration (autocannon drops requests still in flight at the end), the cell is measured again
   * by count instead: exactly this many requests, however long they take.
   */
  minRequests?: number;
}

export interface CellResult {
  requests: number;
  /** Requests per second over the run (successful or not). */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  meanLatency: number;
  /** Responses that were not 200, carried GraphQL errors, lacked the expected content, or never came. */
  failures: number;
  failureExample: string | null;
  /** Mean of the x-sql-statements header (ccm-graph), or null when the server sends none. */
  sqlPerRequest: number | null;
  /** Mean response body size in bytes. */
  bytes: number;
  /** Requests sent (for dividing pg_stat_statements counts). */
  sent: number;
  /** True when the cell was measured by count (minRequests) rather than by duration. */
  byCount: boolean;
}

/** Runs one cell and returns its numbers. */
export async function measureCell(options: CellOptions): Promise<CellResult> {
  const minimum = options.minRequests ?? 2 * options.connections;
  const timed = await runCell(options, null);
  return timed.requests >= minimum ? timed : runCell(options, minimum);
}

async function runCell(options: CellOptions, amount: number | null): Promise<CellResult> {
  const { url, query, expect } = options;
  const cachedBody = JSON.stringify({ query, variables: options.variables(null) });
  let next = 0;
  let failures = 0;
  let failureExample: string | null = null;
  let sqlSum = 0;
  let sqlCount = 0;
  let bytes = 0;
  let responses = 0;

  const onResponse = (status: number, body: string, _context: unknown, headers: Record<string, unknown>) => {
    responses += 1;
    bytes += Buffer.byteLength(body);
    const sql = headers["x-sql-statements"] ?? headers["X-SQL-Statements"];
    if (sql !== undefined) {
      sqlSum += Number(sql);
      sqlCount += 1;
    }
    if (status !== 200 || body.includes('"errors"') || !body.includes(expect)) {
      failures += 1;
      failureExample ??= `${status} ${body.slice(0, 300)}`;
    }
  };

  const result = await autocannon({
    url,
    connections: options.connections,
    ...(amount === null ? { duration: options.durationSeconds } : { amount }),
    timeout: 120,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: cachedBody,
        ...(options.uncached
          ? {
              setupRequest: (request: any) => ({
                ...request,
                body: JSON.stringify({ query, variables: options.variables(next++) }),
              }),
            }
          : {}),
        onResponse,
      } as any,
    ],
  });

  const lost = result.errors + result.timeouts;
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    meanLatency: result.latency.average,
    failures: failures + lost,
    failureExample:
      failureExample ?? (lost > 0 ? `${result.errors} errors, ${result.timeouts} timeouts` : null),
    sqlPerRequest: sqlCount > 0 ? sqlSum / sqlCount : null,
    bytes: responses > 0 ? bytes / responses : 0,
    sent: (result.requests as any).sent ?? result.requests.total,
    byCount: amount !== null,
  };
}
