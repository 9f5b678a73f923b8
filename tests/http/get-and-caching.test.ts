/**
 * Dashboards fetch URLs on a schedule: GET queries work, answers carry an ETag derived from the
 * dataset version and Cache-Control, and a conditional request costs a 304. A plain GET needs no
 * extra header (CSRF prevention is off: public data, no cookies, no mutations); HEAD is the GET's
 * headers.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { loadConfig } from "../../server/config";
import { ingestReport } from "../../server/data/ingest";
import { createScratchDatabase, openLoadedDataSource } from "../helpers/database";
import { startTestServer, type TestServer } from "../helpers/server";

const HEADLINE = `{ states(filter: { status: SIGNATORY, stockpile: {}, assistanceNeed: {} }) { nodes { code } } }`;
const getUrl = (server: TestServer, query: string) =>
  `${server.graphqlUrl}?query=${encodeURIComponent(query)}`;
const preflight = { "apollo-require-preflight": "true" };

describe("GET queries with caching", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers the headline question over GET with an ETag and Cache-Control", async () => {
    const response = await fetch(getUrl(server, HEADLINE), { headers: preflight });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { states: { nodes: [{ code: "CIV" }] } } });
    expect(response.headers.get("etag")).toMatch(/^W\/"[0-9a-f]{16}-[\w-]{16}"$/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("answers 304 with no body to a conditional GET that already holds the answer", async () => {
    const first = await fetch(getUrl(server, HEADLINE), { headers: preflight });
    const etag = first.headers.get("etag")!;
    const second = await fetch(getUrl(server, HEADLINE), {
      headers: { ...preflight, "if-none-match": etag },
    });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
    expect(second.headers.get("etag")).toBe(etag);
  });

  it("gives different questions different ETags", async () => {
    const a = await fetch(getUrl(server, HEADLINE), { headers: preflight });
    const b = await fetch(getUrl(server, "{ report { key } }"), { headers: preflight });
    expect(a.headers.get("etag")).not.toBe(b.headers.get("etag"));
  });

  it("answers a plain GET with no extra header, as an address bar or fetch(url) sends it", async () => {
    const response = await fetch(getUrl(server, HEADLINE));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { states: { nodes: [{ code: "CIV" }] } } });
  });

  it("refuses a mutation over GET with 405 (and there are none)", async () => {
    const response = await fetch(getUrl(server, "mutation { __typename }"));
    expect(response.status).toBe(405);
    const answer = await response.json();
    expect(answer.data).toBeUndefined();
    expect(answer.errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("answers HEAD with the GET's status and headers and no body", async () => {
    const get = await fetch(getUrl(server, HEADLINE));
    const head = await fetch(getUrl(server, HEADLINE), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    for (const name of ["content-type", "etag", "cache-control"]) {
      expect([name, head.headers.get(name)]).toEqual([name, get.headers.get(name)]);
    }
  });

  it("answers other methods with 405, the methods it takes in Allow, and a JSON error", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const response = await fetch(server.graphqlUrl, {
        method,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect([method, response.status, response.headers.get("allow")]).toEqual([
        method,
        405,
        "GET, HEAD, POST",
      ]);
      expect((await response.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
    }
  });

  it("never marks POST answers or failed GETs as cacheable", async () => {
    const post = await server.graphql(HEADLINE);
    expect(post.status).toBe(200);
    expect(post.headers.get("etag")).toBeNull();
    const failed = await fetch(getUrl(server, "{ nope }"), { headers: preflight });
    expect(failed.status).toBe(400);
    expect(failed.headers.get("etag")).toBeNull();
    expect(failed.headers.get("cache-control")).toBeNull();
  });
});

describe("automatic persisted queries", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (body: unknown) =>
    fetch(server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("asks for the document once, then answers by hash alone", async () => {
    const query = `{ state(code: "LAO") { name } } # ${crypto.randomUUID()}`;
    const sha256Hash = crypto.createHash("sha256").update(query).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };

    const unknown = await (await post({ extensions })).json();
    expect(unknown.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const registered = await (await post({ query, extensions })).json();
    expect(registered).toEqual({ data: { state: { name: "Lao People's Democratic Republic" } } });

    const byHash = await (await post({ extensions })).json();
    expect(byHash).toEqual({ data: { state: { name: "Lao People's Democratic Republic" } } });
  });

  it("refuses a document that does not match its hash", async () => {
    const response = await post({
      query: "{ report { key } }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/does not match/);
  });
});

describe("the ETag follows the data", () => {
  it("changes when a new version of the dataset is ingested, so old answers are not served", async () => {
    const scratch = await createScratchDatabase();
    const dataSource = await openLoadedDataSource(scratch.url);
    const server = await startTestServer({ dataSource, versionPollMs: 100 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-etag-"));
    try {
      const before = await fetch(getUrl(server, "{ report { title } }"), { headers: preflight });
      const etag = before.headers.get("etag")!;

      // A corrected edition of the same report: same id, different title.
      const config = loadConfig({ DATABASE_URL: scratch.url });
      const original = JSON.parse(
        fs.readFileSync(path.join(config.datasetDir, "beirut-progress-report-2011.json"), "utf8"),
      );
      original.report.title = `${original.report.title} (corrected edition)`;
      const edited = path.join(dir, "beirut-progress-report-2011.json");
      fs.writeFileSync(edited, JSON.stringify(original));
      await ingestReport(dataSource, edited, config.participantsFile);
      await new Promise((resolve) => setTimeout(resolve, 400));

      const stale = await fetch(getUrl(server, "{ report { title } }"), {
        headers: { ...preflight, "if-none-match": etag },
      });
      expect(stale.status).toBe(200);
      expect(stale.headers.get("etag")).not.toBe(etag);
      expect((await stale.json()).data.report.title).toMatch(/\(corrected edition\)$/);
    } finally {
      await server.close();
      await dataSource.destroy();
      await scratch.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the whole-answer cache", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const ask = (query: string) =>
    fetch(server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    }).then(async (r) => ({
      cache: r.headers.get("x-cache"),
      sql: r.headers.get("x-sql-statements"),
      body: await r.json(),
    }));

  it("answers a repeated question from memory, without SQL, byte for byte", async () => {
    // A name outside ASCII: the cache keeps the answer's UTF-8 bytes.
    const query = `{ states(filter: { codeIn: ["NOR", "CIV"] }) { nodes { name } } }`;
    const first = await ask(query);
    const second = await ask(query);
    expect([first.cache, second.cache]).toEqual([null, "hit"]);
    expect(Number(first.sql)).toBeGreaterThan(0);
    expect(second.sql).toBe("0");
    expect(second.body).toEqual(first.body);
    expect(second.body.data.states.nodes.map((s: { name: string }) => s.name)).toContain("Côte d'Ivoire");
  });

  it("computes a question once when many ask it at the same time", async () => {
    const query = `{ states(filter: { codeIn: ["SWE", "FIN"] }) { nodes { code name } } }`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask(query)));
    expect(answers.filter((a) => a.cache === "hit")).toHaveLength(5);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
  });

  it("keeps the media type each Accept asked for: JSON and GraphQL-response JSON are two answers", async () => {
    const query = `{ states(filter: { codeIn: ["LAO"] }) { nodes { code } } }`;
    const askAs = (accept: string) =>
      fetch(server.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept },
        body: JSON.stringify({ query }),
      }).then((r) => [r.headers.get("x-cache"), r.headers.get("content-type")]);
    const json = "application/json; charset=utf-8";
    const graphql = "application/graphql-response+json; charset=utf-8";
    expect(await askAs("application/json")).toEqual([null, json]);
    expect(await askAs("application/graphql-response+json")).toEqual([null, graphql]);
    expect(await askAs("application/json")).toEqual(["hit", json]);
    expect(await askAs("application/graphql-response+json")).toEqual(["hit", graphql]);
  });

  it("never keeps an answer with errors", async () => {
    const query = `{ states(first: 0) { totalCount } }`;
    const [first, second] = [await ask(query), await ask(query)];
    expect([first.cache, second.cache]).toEqual([null, null]);
    expect(second.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("review fixes on the HTTP layer", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("tells shared caches that GET answers vary with Accept (JSON or CSV)", async () => {
    const json = await fetch(`${server.url}/api/questions/StateCounts?groupBy=STATUS`);
    expect(json.headers.get("vary")).toMatch(/Accept/);
    const graphql = await fetch(getUrl(server, "{ report { key } }"), { headers: preflight });
    expect(graphql.headers.get("vary")).toMatch(/Accept/);
  });

  it("does not answer 304 to If-None-Match: *", async () => {
    const response = await fetch(getUrl(server, "{ report { key } }"), {
      headers: { ...preflight, "if-none-match": "*" },
    });
    expect(response.status).toBe(200);
  });

  it("answers PERSISTED_QUERY_NOT_FOUND for a hash named like an Object property", async () => {
    for (const sha256Hash of ["__proto__", "constructor", "toString"]) {
      const response = await fetch(server.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      });
      const body = await response.json();
      expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    }
  });
});
