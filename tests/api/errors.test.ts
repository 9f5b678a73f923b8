/**
 * Errors a client can see carry a code from the closed set in server/errors.ts; anything
 * unexpected is logged with its details and reaches the client masked.
 */
import type { AddressInfo } from "node:net";
import http from "node:http";

import pino from "pino";
import type { DataSource } from "typeorm";

import { createApp } from "../../server/app";
import { loadConfig } from "../../server/config";
import { ERROR_CODES } from "../../server/errors";
import { createScratchDatabase, openLoadedDataSource } from "../helpers/database";
import { startTestServer, type TestServer } from "../helpers/server";

interface Answer {
  status: number;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

const codesOf = (answer: Answer) => answer.body.errors?.map((e) => e.extensions?.code);

describe("Which error codes does a client see?", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  const ask = (query: string, variables?: Record<string, unknown>) =>
    post(server.graphqlUrl, query, variables);

  it("answers a malformed query with GRAPHQL_PARSE_FAILED", async () => {
    const answer = await ask(`{ states { totalCount `);
    expect([answer.status, codesOf(answer)]).toEqual([400, ["GRAPHQL_PARSE_FAILED"]]);
  });

  it("answers an unknown field with GRAPHQL_VALIDATION_FAILED", async () => {
    const answer = await ask(`{ states { nodes { code population } } }`);
    expect([answer.status, codesOf(answer)]).toEqual([400, ["GRAPHQL_VALIDATION_FAILED"]]);
    expect(answer.body.errors![0].message).toContain('Cannot query field "population" on type "State"');
  });

  it("answers a bad date for asOf with BAD_USER_INPUT", async () => {
    // As a variable (how clients send values): the LocalDate scalar refuses it at coercion.
    const query = `query($asOf: LocalDate) { states(asOf: $asOf) { totalCount } }`;
    for (const asOf of ["2011-02-30", "20 August 2011", "2011-8-20"]) {
      const answer = await ask(query, { asOf });
      expect([asOf, codesOf(answer)]).toEqual([asOf, ["BAD_USER_INPUT"]]);
    }
    // Written into the document itself, the same value makes the document invalid.
    expect(codesOf(await ask(`{ stateCounts(groupBy: STATUS, asOf: "2011-02-30") { key } }`))).toEqual([
      "GRAPHQL_VALIDATION_FAILED",
    ]);
  });

  it("answers a list asked of a report that is not loaded with NOT_FOUND, and a lookup with null", async () => {
    const answer = await ask(
      `{ states(report: "no-such-report") { totalCount } state(code: "LAO", report: "no-such-report") { code } }`,
    );
    expect(codesOf(answer)).toEqual(["NOT_FOUND"]);
    expect(answer.body.data).toBeNull();
    const lookup = await ask(`{ state(code: "LAO", report: "no-such-report") { code } }`);
    expect(lookup.body).toEqual({ data: { state: null } });
  });

  it("has no mutations: introspection shows none and a mutation is refused", async () => {
    const introspection = await ask(`{ __schema { mutationType { name } subscriptionType { name } } }`);
    expect(introspection.body).toEqual({
      data: { __schema: { mutationType: null, subscriptionType: null } },
    });
    const mutation = await ask(`mutation { deleteState(code: "LAO") }`);
    expect([mutation.status, codesOf(mutation)]).toEqual([400, ["GRAPHQL_VALIDATION_FAILED"]]);
  });

  it("uses only codes from the closed set for every kind of refusal", async () => {
    const answers = await Promise.all([
      ask(`{ states { totalCount `),
      ask(`{ nope }`),
      ask(`{ states(first: 0) { totalCount } }`),
      ask(`{ states(after: "x") { totalCount } }`),
      ask(`{ node(id: "x") { id } }`),
      ask(`{ search(text: "") { rank } }`),
      ask(`{ states(report: "none") { totalCount } }`),
      ask(`query($d: LocalDate) { states(asOf: $d) { totalCount } }`, { d: "soon" }),
    ]);
    const codes = answers.flatMap((a) => codesOf(a) ?? []);
    expect(codes).toEqual([
      "GRAPHQL_PARSE_FAILED",
      "GRAPHQL_VALIDATION_FAILED",
      "BAD_USER_INPUT",
      "BAD_USER_INPUT",
      "BAD_USER_INPUT",
      "BAD_USER_INPUT",
      "NOT_FOUND",
      "BAD_USER_INPUT",
    ]);
    for (const code of codes) expect(ERROR_CODES).toContain(code);
  });
});

describe("Are unexpected errors logged and masked?", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let dataSource: DataSource;
  let server: http.Server;
  let stopApp: () => Promise<void>;
  let url: string;
  const logs: any[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    dataSource = await openLoadedDataSource(scratch.url);
    const logger = pino({ level: "error" }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const app = await createApp({
      dataSource,
      logger,
      config: { ...loadConfig({}), responseCache: false },
      isDatasetLoaded: () => true,
    });
    stopApp = () => app.stop();
    server = http.createServer(app.handle);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await stopApp?.();
    await dataSource?.destroy();
    await scratch?.drop();
  });

  it("answers a query that fails underneath with a masked INTERNAL_SERVER_ERROR, and logs the real error", async () => {
    const query = `{ states(filter: { stockpile: {} }) { totalCount nodes { code } } }`;
    // The same query works before anything is broken.
    const healthy = await post(url, query);
    expect(healthy.body.errors).toBeUndefined();
    expect(healthy.body.data.states.totalCount).toBe(26);

    // Break the database under the running server: the treaty participation table disappears.
    await dataSource.query(`ALTER TABLE participation RENAME TO participation_broken`);
    logs.length = 0;
    const answer = await post(url, query);

    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: "Internal server error",
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      }),
    ]);
    expect(answer.body.data).toBeNull();
    // Nothing about the database or the code leaks: no SQL, no table name, no stack, no file.
    for (const leak of [
      /participation/i,
      /relation/i,
      /select/i,
      /postgres/i,
      /stack/i,
      /\.ts\b/,
      /\bat \w/,
      /42P01/,
    ]) {
      expect([String(leak), leak.test(answer.text)]).toEqual([String(leak), false]);
    }

    // The logger got the real error, with the database's own message and a stack.
    const logged = logs.filter((line) => line.err);
    expect(logged).toHaveLength(1);
    expect(logged[0].msg).toBe("unexpected error while answering a GraphQL request");
    expect(logged[0].err.message).toContain('relation "participation" does not exist');
    expect(logged[0].err.stack).toEqual(expect.any(String));

    // Put it back: the same query answers again (the failure was the broken table, nothing else).
    await dataSource.query(`ALTER TABLE participation_broken RENAME TO participation`);
    const repaired = await post(url, query);
    expect(repaired.body.data).toEqual(healthy.body.data);
  });
});
