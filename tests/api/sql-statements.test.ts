/**
 * Relations resolve through per-request DataLoaders: one SQL statement per relation level, however
 * many rows the level has. These tests count the statements a request issues (the
 * `x-sql-statements` header) and look at the keys each statement was given (a spy on the Reader the
 * request's database handle calls), the way graphql/dataloader's tests assert how the backend was
 * called. Which statements each question sends is kept as data: ./statements/ (statements.test.ts).
 */
import "reflect-metadata";

import { MAX_PREPARED_STATEMENTS, PreparedStatements } from "../../server/db/sql";
import { createContext } from "../../server/context";
import { DEFAULT_LIMITS } from "../../server/config";
import { inReport } from "../../server/graph/loaders";
import { ParagraphResolver } from "../../server/structure/resolver";
import { type ParagraphRow, toParagraph } from "../../server/structure/structure";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
/** Every statement the server sent to PostgreSQL, with its parameters, in order. */
let statements: { text: string; params: unknown[] }[] = [];

beforeAll(async () => {
  server = await startTestServer({
    // No response cache (a repeated query would issue no SQL at all), no shared loader rows (a
    // level read before would issue none either: see the last describe), and a cost limit high
    // enough for the wide pages this file asks for on purpose.
    config: {
      responseCache: false,
      loaderCache: false,
      limits: { ...DEFAULT_LIMITS, maxCost: 1_000_000_000 },
    },
  });
  // Requests read through the app's Reader (the background dataset-version poll does not).
  const query = server.reader.query.bind(server.reader);
  jest.spyOn(server.reader, "query").mockImplementation(((text: string, params: unknown[]) => {
    statements.push({ text, params });
    return query(text, params);
  }) as typeof server.reader.query);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await server?.close();
});

/** Runs a query, checks it succeeded, and returns the statements it issued with the header's count. */
async function run(query: string) {
  statements = [];
  const response = await server.graphql(query);
  expect(response.errors).toBeUndefined();
  return { data: response.data as any, count: response.sqlStatements, issued: statements };
}

const FIVE_LEVELS = (first: number) => `{ states(first: ${first}) { nodes { code
  findings { key paragraph { number footnotes { number states { code } } } } } } }`;

describe("Does each relation level ask its loader once, with every key of the level?", () => {
  // The statements of this question and their count are a fixture (statements/five-levels-from-100-states):
  // the page of states with their assertions, then paragraphs with their footnotes (asked below
  // them, so read in the same statement), then states of footnotes.
  it("asks each level's loader once with every key of the level", async () => {
    const { data, issued } = await run(FIVE_LEVELS(100));
    const codes: string[] = data.states.nodes.map((s: any) => s.code);
    const findings = data.states.nodes.flatMap((s: any) => s.findings);
    const paragraphs = [...new Set<number>(findings.map((f: any) => f.paragraph.number))];
    const footnotes = [
      ...new Set<number>(findings.flatMap((f: any) => f.paragraph.footnotes.map((n: any) => n.number))),
    ];
    // Each level's statement takes the report, then the level's keys.
    const keysOf = (level: number) => issued[level].params[1] as unknown[];
    expect(codes).toHaveLength(100);
    expect(issued).toHaveLength(3);
    // Every paragraph any of their findings stands in, each asked once (with its footnotes).
    expect(sorted(keysOf(1))).toEqual(sorted(paragraphs));
    expect(issued[1].text).toContain("footnote_rows");
    expect(sorted(keysOf(2))).toEqual(sorted(footnotes));
    // The page is not trivial: many states, findings and footnotes were fetched in those 3.
    expect([findings.length > 100, paragraphs.length > 20, footnotes.length > 20]).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe("Does the server prepare its statements, without letting clients fill the connections?", () => {
  it("asks the same question again with the prepared statements it already has", async () => {
    const query = `{ states(filter: { stockpile: {} }, first: 7) { nodes { code findings { key } } } }`;
    await run(query);
    // Asked a second time, the query is known and answered by a statement of its own (a plan).
    await run(query);
    const known = server.reader.prepared.size;
    expect(known).toBeGreaterThan(0);
    const again = await run(query);
    expect(again.issued.length).toBeGreaterThan(0);
    // Nothing new was named: every text of the third run was prepared by the first two.
    expect(server.reader.prepared.size).toBe(known);
  });

  it("names each text once, always the same name, and stops naming new texts at its bound", () => {
    const prepared = new PreparedStatements(2);
    const first = prepared.nameOf("SELECT 1");
    expect(first).toMatch(/^ccm_[0-9a-f]{24}$/);
    expect(prepared.nameOf("SELECT 1")).toBe(first);
    expect(prepared.nameOf("SELECT 2")).toEqual(expect.any(String));
    expect(prepared.nameOf("SELECT 2")).not.toBe(first);
    // Full: a third text runs unnamed (parsed and planned each time), known texts keep their names.
    expect(prepared.nameOf("SELECT 3")).toBeUndefined();
    expect(prepared.nameOf("SELECT 1")).toBe(first);
    expect(prepared.size).toBe(2);
  });

  it("answers correctly once the bound is reached, with unnamed statements", async () => {
    const full = await startTestServer({ config: { responseCache: false } });
    try {
      // Fill the registry with texts no request sends, then ask a real question.
      for (let i = 0; full.reader.prepared.size < MAX_PREPARED_STATEMENTS; i++)
        full.reader.prepared.nameOf(`-- ${i}`);
      const answer = await full.graphql(`{ states(filter: { stockpile: {} }) { totalCount } }`);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({ states: { totalCount: 26 } });
      expect(full.reader.prepared.size).toBe(MAX_PREPARED_STATEMENTS);
    } finally {
      await full.close();
    }
  });
});

describe("Do requests of one dataset version share the rows they read?", () => {
  let shared: TestServer;
  beforeAll(async () => {
    shared = await startTestServer({
      config: { responseCache: false, limits: { ...DEFAULT_LIMITS, maxCost: 1_000_000_000 } },
    });
  });
  afterAll(async () => shared?.close());

  it("reads the levels below the first once: the same question again costs only its first statement", async () => {
    const query = FIVE_LEVELS(100);
    const first = await shared.graphql(query);
    const second = await shared.graphql(query);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    // The page of states is read afresh (it depends on the arguments); paragraphs, footnotes and
    // their states came from the rows the first request read.
    expect([first.sqlStatements, second.sqlStatements]).toEqual([3, 1]);
    expect(shared.sharedRows!.size).toBeGreaterThan(100);
  });

  it("hands over shared rows at once, so a big answer completes without a promise per field", async () => {
    const first = await shared.graphql(`{ report { key } paragraph(number: 29) { number section { key } } }`);
    expect(first.errors).toBeUndefined();
    const key = inReport((first.data as any).report.key, 29);
    const rows = shared.sharedRows!;
    const contextOf = (version: string | null) =>
      createContext(shared.reader, undefined, undefined, { rows, version });
    const now = (version: string | null) => contextOf(version).rows.now("paragraph", key);
    const inHand = now(rows.currentVersion);
    expect(inHand).not.toBeInstanceOf(Promise);
    expect(inHand).toMatchObject({ number: 29 });
    // And a resolver on top of it answers with the value itself, not a promise of it.
    const section = new ParagraphResolver().section(
      toParagraph(inHand as ParagraphRow),
      contextOf(rows.currentVersion),
    );
    expect(section).not.toBeInstanceOf(Promise);
    expect(section).toMatchObject({ key: (first.data as any).paragraph.section.key });
    // A request of another version gets a promise, read from PostgreSQL: the same paragraph.
    const read = now("some-other-version");
    expect(read).toBeInstanceOf(Promise);
    expect(await read).toEqual(inHand);
  });

  it("does not share rows across versions: a request of another version reads its own", async () => {
    const rows = shared.sharedRows!;
    const version = rows.currentVersion;
    expect(version).toEqual(expect.any(String));
    expect(rows.cacheFor("paragraph", version)).toBeDefined();
    expect(rows.cacheFor("paragraph", "some-other-version")).toBeUndefined();
    rows.useVersion("next-version");
    expect(rows.size).toBe(0);
    // A request that started with the old version reads from PostgreSQL again, and is right.
    const answer = await shared.graphql(FIVE_LEVELS(5));
    expect(answer.sqlStatements).toBe(3);
    rows.useVersion(version);
  });
});

function sorted(values: unknown[]): string[] {
  return values.map(String).sort();
}
