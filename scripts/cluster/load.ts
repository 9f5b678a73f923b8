/**
 * Load through the balancer: autocannon asking the SDK catalogue's questions as GET requests (the
 * way dashboards ask), plus one question that tells whether an answer mixes two dataset versions.
 * Every answer is checked, not just its status (autocannon counts a 200 carrying GraphQL errors
 * as a success).
 */
import fs from "node:fs";
import path from "node:path";

import autocannon from "autocannon";

import { ROOT } from "./topology";

interface CatalogueQuestion {
  name: string;
  document: string;
  variables?: Record<string, unknown>;
}

export function catalogue(): CatalogueQuestion[] {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "sdk", "generated", "catalogue.json"), "utf8"));
}

/** A GET path asking `question`. */
export function questionPath(question: CatalogueQuestion): string {
  const params = new URLSearchParams({ query: question.document, operationName: question.name });
  if (question.variables) params.set("variables", JSON.stringify(question.variables));
  return `/graphql?${params}`;
}

/**
 * The report's version and paragraph 1 in one answer: the paragraph is read by a statement of its
 * own. Each changed report the cluster ingests marks paragraph 1 with a mark of its own, so a
 * version seen with two different marks (or with and without one) is an answer that mixed two
 * versions.
 */
export const MIXING_PROBE = "{ report { datasetVersion } paragraph(number: 1) { text } }";
export const changeMark = (pass: string) => `[changed by the cluster check, ${pass}]`;
const MARK = /\[changed by the cluster check[^\]]*\]/;

/** What the requests of one run came to. */
export class Tally {
  requests = 0;
  /** 503s and DATABASE_UNAVAILABLE errors: the clean failures of a database outage. */
  clean = 0;
  /** Anything else that is not a full answer: other statuses, other errors, no response. */
  dirty = 0;
  readonly kinds = new Map<string, number>();
  /** For each dataset version seen by the probe: the marks paragraph 1 carried with it. */
  private readonly marks = new Map<string, Set<string>>();

  get failed(): number {
    return this.clean + this.dirty;
  }

  /** How many dataset versions the probe saw answered. */
  get versionsSeen(): number {
    return this.marks.size;
  }

  /** Versions answered with two different marks: answers mixing two versions. */
  get mixedVersions(): number {
    return [...this.marks.values()].filter((seen) => seen.size > 1).length;
  }

  count(kind: string, clean: boolean): void {
    if (clean) this.clean += 1;
    else this.dirty += 1;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  check(status: number, body: string, probe: boolean): void {
    this.requests += 1;
    const unavailable = body.includes("DATABASE_UNAVAILABLE");
    if (status !== 200)
      return this.count(
        `HTTP ${status}${unavailable ? " DATABASE_UNAVAILABLE" : ""}`,
        status === 503 || unavailable,
      );
    if (body.includes('"errors"'))
      return this.count(unavailable ? "DATABASE_UNAVAILABLE" : "GraphQL error", unavailable);
    if (!body.includes('"data"')) return this.count("no data", false);
    if (probe) {
      const { data } = JSON.parse(body);
      const version = data.report.datasetVersion as string;
      const seen = this.marks.get(version) ?? new Set();
      seen.add(MARK.exec(String(data.paragraph.text))?.[0] ?? "none");
      this.marks.set(version, seen);
    }
  }
}

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
}

/** Drives `baseUrl` for `seconds` over the catalogue (and the probe), checking every answer into `tally`. */
export async function drive(
  baseUrl: string,
  seconds: number,
  connections: number,
  tally: Tally,
): Promise<LoadResult> {
  const probe = `/graphql?${new URLSearchParams({ query: MIXING_PROBE })}`;
  const paths = [...catalogue().map(questionPath), probe];
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 20,
    requests: paths.map((p) => ({
      method: "GET" as const,
      path: p,
      onResponse: (status: number, body: string) => tally.check(status, body, p === probe),
    })),
  });
  const result = await instance;
  // autocannon's errors are requests without a response: connection errors and timeouts.
  tally.requests += result.errors;
  for (let i = 0; i < result.errors; i++) tally.count("no response (connection error or timeout)", false);
  return {
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}
