/**
 * The SDK client's contract beyond the catalogue: how failures reach the caller, headers,
 * custom typed documents, walking pages, and sending operations by hash. Against the real
 * server over real HTTP, plus tiny local servers for the failures a real server cannot be made
 * to show (no answer, an answer that is not GraphQL).
 */
import "reflect-metadata";

import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import { parse } from "graphql";

import {
  CcmGraphError,
  createClient,
  GraphQLResponseError,
  HttpError,
  NetworkError,
  TimeoutError,
  type TypedDocumentNode,
} from "../../sdk/index";
import catalogue from "../../sdk/generated/catalogue.json";
import manifest from "../../sdk/generated/persisted-operations.json";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface SentRequest {
  body: {
    query?: string;
    operationName?: string;
    variables?: Record<string, unknown>;
    extensions?: { persistedQuery?: { version: number; sha256Hash: string } };
  };
  headers: Headers;
}

/** A fetch that records what the SDK sends, then sends it. */
function recordingFetch(): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  return {
    sent,
    fetch: (input, init) => {
      sent.push({ body: JSON.parse(String(init?.body)), headers: new Headers(init?.headers) });
      return fetch(input, init);
    },
  };
}

/** A local HTTP server with the given handler, for the failures the real server never shows. */
async function localServer(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const local = http.createServer(handler);
  await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
  const { port } = local.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => {
      local.closeAllConnections();
      return new Promise((resolve) => local.close(() => resolve()));
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("GraphQL errors", () => {
  it("arrive as one GraphQLResponseError carrying the errors and the partial data", async () => {
    const client = createClient({ url: server.graphqlUrl });
    const error = await rejection(client.request('{ report { key } node(id: "garbage") { id } }'));
    expect(error).toBeInstanceOf(GraphQLResponseError);
    const e = error as GraphQLResponseError<{ report: { key: string }; node: null }>;
    expect(e.kind).toBe("graphql");
    expect(e.data).toEqual({ report: { key: "beirut-progress-report-2011" }, node: null });
    expect(e.errors).toHaveLength(1);
    expect(e.errors[0]).toMatchObject({ path: ["node"], extensions: { code: "BAD_USER_INPUT" } });
    expect(e.codes).toEqual(["BAD_USER_INPUT"]);
    expect(e.message).toContain('"garbage" is not a ccm-graph id');
  });

  it("carry the operation name and no data when a catalogue call is refused", async () => {
    const client = createClient({ url: server.graphqlUrl });
    const error = (await rejection(client.states({ first: 500 }))) as GraphQLResponseError;
    expect(error).toBeInstanceOf(GraphQLResponseError);
    expect(error.operationName).toBe("States");
    expect(error.codes).toEqual(["BAD_USER_INPUT"]);
    expect(error.data).toBeNull();
    expect(error.message).toMatch(/^States failed: /);
  });

  it("include invalid documents, answered with HTTP 400", async () => {
    const client = createClient({ url: server.graphqlUrl });
    const error = (await rejection(client.request("{ noSuchField }"))) as GraphQLResponseError;
    expect(error).toBeInstanceOf(GraphQLResponseError);
    expect(error.status).toBe(400);
    expect(error.codes).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });
});

describe("failures without a GraphQL answer are told apart", () => {
  it("a closed port is a NetworkError, not a timeout or a GraphQL error", async () => {
    const closed = await localServer(() => {});
    await closed.close();
    const client = createClient({ url: closed.url, timeout: 5_000 });
    const error = await rejection(client.report());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toBeInstanceOf(CcmGraphError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).not.toBeInstanceOf(GraphQLResponseError);
    expect((error as NetworkError).kind).toBe("network");
    expect((error as NetworkError).message).toContain("ECONNREFUSED");
  });

  it("a server that never answers is a TimeoutError after `timeout` ms", async () => {
    const silent = await localServer(() => {});
    try {
      const client = createClient({ url: silent.url, timeout: 200 });
      const started = Date.now();
      const error = await rejection(client.report());
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).not.toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ kind: "timeout", timeoutMs: 200, url: silent.url });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await silent.close();
    }
  });

  it("a server that starts answering and stalls mid-body is a TimeoutError too", async () => {
    const stalling = await localServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":');
    });
    try {
      const error = await rejection(createClient({ url: stalling.url, timeout: 200 }).report());
      expect(error).toBeInstanceOf(TimeoutError);
    } finally {
      await stalling.close();
    }
  });

  it("an answer that is not GraphQL (a proxy's 502 page) is an HttpError with its status", async () => {
    const proxy = await localServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad Gateway</h1>");
    });
    try {
      const error = await rejection(createClient({ url: proxy.url }).report());
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ kind: "http", status: 502, body: "<h1>Bad Gateway</h1>" });
    } finally {
      await proxy.close();
    }
  });

  it("the caller's own abort rejects with the abort reason, not an SDK error", async () => {
    const silent = await localServer(() => {});
    try {
      const controller = new AbortController();
      const pending = createClient({ url: silent.url }).report(undefined, { signal: controller.signal });
      controller.abort(new Error("user gave up"));
      const error = await rejection(pending);
      expect(error).not.toBeInstanceOf(CcmGraphError);
      expect((error as Error).message).toBe("user gave up");
    } finally {
      await silent.close();
    }
  });
});

describe("requests", () => {
  it("send the client's headers and each call's own", async () => {
    const { fetch, sent } = recordingFetch();
    const client = createClient({ url: server.graphqlUrl, fetch, headers: { "x-client": "ccm-sdk-test" } });
    await client.report();
    await client.report(undefined, { headers: { "x-call": "two" } });
    expect(sent[0].headers.get("x-client")).toBe("ccm-sdk-test");
    expect(sent[1].headers.get("x-client")).toBe("ccm-sdk-test");
    expect(sent[1].headers.get("x-call")).toBe("two");
    expect(sent[0].body.operationName).toBe("Report");
  });

  it("run a custom typed document with its variables", async () => {
    const document: TypedDocumentNode<{ state: { code: string; name: string } | null }, { code: string }> =
      parse("query OneState($code: ID!) { state(code: $code) { code name } }");
    const client = createClient({ url: server.graphqlUrl });
    const { state } = await client.request(document, { code: "civ" });
    expect(state).toEqual({ code: "CIV", name: "Côte d'Ivoire" });
  });
});

describe("walking pages", () => {
  it("yields every state exactly once, ten to a page, following the cursors", async () => {
    const { fetch, sent } = recordingFetch();
    const client = createClient({ url: server.graphqlUrl, fetch });
    const ids: string[] = [];
    let pages = 0;
    let totalCount = 0;
    for await (const page of client.pages("states", { first: 10 })) {
      pages += 1;
      totalCount = page.states.totalCount;
      expect(page.states.nodes.length).toBeLessThanOrEqual(10);
      ids.push(...page.states.nodes.map((s) => s.id));
    }
    expect(totalCount).toBe(130);
    expect(ids).toHaveLength(totalCount);
    expect(new Set(ids).size).toBe(totalCount);
    expect(pages).toBe(Math.ceil(totalCount / 10));
    // One request per page: the first without a cursor, each next one after the previous page.
    expect(sent).toHaveLength(pages);
    expect(sent[0].body.variables?.after).toBeNull();
    expect(sent.slice(1).every((r) => typeof r.body.variables?.after === "string")).toBe(true);
  });

  it("starts after a given cursor and stops on the last page", async () => {
    const client = createClient({ url: server.graphqlUrl });
    const first = await client.states({ first: 100 });
    const rest: string[] = [];
    for await (const state of client.items("states", { first: 10, after: first.states.pageInfo.endCursor })) {
      rest.push(state.code);
    }
    expect(rest).toHaveLength(30);
    expect(new Set([...first.states.nodes.map((s) => s.code), ...rest]).size).toBe(130);
  });
});

describe("persisted operations", () => {
  const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

  it("the manifest maps the sha256 of each catalogue document, exactly as sent, to the document", async () => {
    const { fetch, sent } = recordingFetch();
    const client = createClient({ url: server.graphqlUrl, fetch });
    await client.stateProfile({ code: "CIV" });
    await client.signatoriesWithStockpilesAndAssistanceNeeds().catch(() => undefined);
    // Both went through the recording fetch: the loop below checks something.
    expect(sent).toHaveLength(2);
    for (const { body } of sent) {
      expect((manifest as Record<string, string>)[sha256(body.query!)]).toBe(body.query);
    }
    expect(Object.keys(manifest)).toEqual(catalogue.map((e) => e.sha256));
    for (const entry of catalogue) expect(sha256(entry.document)).toBe(entry.sha256);
  });

  it("with `persisted: true`, sends a catalogue operation by hash alone", async () => {
    const { fetch, sent } = recordingFetch();
    const client = createClient({ url: server.graphqlUrl, fetch, persisted: true });
    const { report } = await client.report();
    expect(report?.key).toBe("beirut-progress-report-2011");
    expect(sent).toHaveLength(1);
    expect(sent[0].body.query).toBeUndefined();
    expect(sent[0].body.extensions?.persistedQuery).toEqual({
      version: 1,
      sha256Hash: catalogue.find((e) => e.name === "Report")!.sha256,
    });
  });

  it("falls back to the full document once for a document the server does not know, then uses the hash", async () => {
    const { fetch, sent } = recordingFetch();
    const client = createClient({ url: server.graphqlUrl, fetch, persisted: true });
    const query = `query Unlisted${crypto.randomBytes(4).toString("hex")} { report { finalisedOn } }`;
    expect(await client.request(query)).toEqual({ report: { finalisedOn: "2011-08-20" } });
    expect(sent.map((r) => r.body.query === undefined)).toEqual([true, false]);
    expect(sent[1].body.extensions?.persistedQuery?.sha256Hash).toBe(sha256(query));
    await client.request(query);
    expect(sent).toHaveLength(3);
    expect(sent[2].body.query).toBeUndefined();
  });
});
