/**
 * A public endpoint receives malformed and hostile requests. Every case in tests/hostile/corpus/
 * names its request and the status and error code it must get; the server runs in production
 * mode, must never answer with a stack trace, must keep answering normal questions afterwards,
 * and must leave the database exactly as it was.
 */
import fs from "node:fs";
import path from "node:path";

import { DEFAULT_LIMITS } from "../../server/config";
import { startTestServer, type TestServer } from "../helpers/server";

interface HostileCase {
  name: string;
  request: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    /** A JSON body, sent as application/json. */
    json?: unknown;
    /** A raw body, sent as is. */
    body?: string;
  };
  expect: { status: number; code: string | null; data?: unknown };
}

const CORPUS_DIR = path.join(__dirname, "corpus");
const corpus = fs
  .readdirSync(CORPUS_DIR)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .flatMap((file) => {
    const { cases } = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, file), "utf8")) as {
      cases: HostileCase[];
    };
    return cases.map((c) => ({ ...c, file }));
  });

/** `{{repeat N text}}` in any string of a case stands for `text` repeated N times. */
function expand<T>(value: T): T {
  if (typeof value === "string") {
    return value.replace(/\{\{repeat (\d+) (.*?)\}\}/g, (_m, n: string, text: string) =>
      text.repeat(Number(n)),
    ) as T;
  }
  if (Array.isArray(value)) return value.map(expand) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)])) as T;
  }
  return value;
}

/** Every table's rows, hashed in SQL: equal before and after means nothing changed. */
async function databaseChecksum(server: TestServer): Promise<Record<string, string>> {
  const tables: { table_name: string }[] = await server.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const sums: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await server.dataSource.query(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS sum FROM "${table_name}" t`,
    );
    sums[table_name] = row.sum;
  }
  return sums;
}

const STACK_TRACE = /\n\s+at |\bat [\w.<>]+ \(|stacktrace|node_modules|\/work\/|\.ts:\d+/;

describe("the hostile-request corpus", () => {
  let server: TestServer;
  let before: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer({ production: true, config: { rateLimitPerMinute: 0 } });
    before = await databaseChecksum(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it("holds at least 60 cases", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
  });

  it.each(corpus.map((c) => [`${c.file}: ${c.name}`, c] as const))("%s", async (_label, hostile) => {
    const request = expand(hostile.request);
    const headers: Record<string, string> = { ...request.headers };
    let body: string | undefined = request.body;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${server.url}${request.path}`, { method: request.method, headers, body });
    const text = await response.text();
    expect(text).not.toMatch(STACK_TRACE);
    expect({ status: response.status }).toEqual({ status: hostile.expect.status });
    if (response.status === 405) return;
    const answer = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
    if (hostile.expect.code === null) {
      expect(codes).toEqual([]);
    } else {
      expect(codes).toContain(hostile.expect.code);
      expect(codes).not.toContain("INTERNAL_SERVER_ERROR");
    }
    if (hostile.expect.data !== undefined) expect(answer.data).toEqual(hostile.expect.data);
  });

  it("still answers the headline question correctly after the whole corpus", async () => {
    const answer = await server.graphql(
      `{ states(filter: { status: SIGNATORY, stockpile: {}, assistanceNeed: {} }) { nodes { code } } }`,
    );
    expect(answer.data).toEqual({ states: { nodes: [{ code: "CIV" }] } });
  });

  it("leaves the database exactly as it was", async () => {
    expect(await databaseChecksum(server)).toEqual(before);
  });
});

describe("checks the server remembers (cost per document, documents that passed) never let a refused request through", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      production: true,
      config: { rateLimitPerMinute: 0, limits: { ...DEFAULT_LIMITS, maxCost: 500, maxTokens: 200 } },
    });
  });
  afterAll(async () => server.close());

  const PAGED = `query Paged($n: Int) { states(first: $n) { nodes { code findings { key footnote { number } } } } }`;
  const codesOf = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    (answer.errors ?? []).map((e) => e.extensions?.code);

  it("prices the same document again for a larger page, and refuses it", async () => {
    expect(codesOf(await server.graphql(PAGED, { n: 2 }))).toEqual([]);
    expect(codesOf(await server.graphql(PAGED, { n: 100 }))).toEqual(["QUERY_TOO_COMPLEX"]);
    // And the small page is still answered (its remembered cost is its own).
    const small = await server.graphql(PAGED, { n: 2 });
    expect(codesOf(small)).toEqual([]);
    expect((small.data as any).states.nodes).toHaveLength(2);
  });

  it("refuses a document with too many tokens every time it is sent", async () => {
    const long = `{ ${Array.from({ length: 120 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    for (let i = 0; i < 2; i++) {
      const response = await fetch(server.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: long }),
      });
      expect(response.status).toBe(400);
      expect(codesOf((await response.json()) as any)).toEqual(["TOO_MANY_TOKENS"]);
    }
  });
});
