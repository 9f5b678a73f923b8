/**
 * The SQL each question sends, kept as data in the style of graphile's test fixtures: each
 * tests/api/statements/<name>.graphql is an operation with the number of statements it must
 * issue (`#> statements: N`), and <name>.sql beside it is the SQL it issued, one statement per
 * block. A snapshot missing locally is written; under CI a missing or different one fails
 * (UPDATE_SNAPSHOTS=1 rewrites them after a deliberate change).
 */
import fs from "node:fs";
import path from "node:path";

import { DEFAULT_LIMITS } from "../../server/config";
import { startTestServer, type TestServer } from "../helpers/server";

const FIXTURES = path.join(__dirname, "statements");
const cases = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".graphql"))
  .sort()
  .map((name) => {
    const text = fs.readFileSync(path.join(FIXTURES, name), "utf8");
    const count = /^#> statements: (\d+)$/m.exec(text);
    if (!count) throw new Error(`${name} has no "#> statements: N" line`);
    return { name: name.replace(/\.graphql$/, ""), query: text, statements: Number(count[1]) };
  });

let server: TestServer;
let issued: { text: string; params: unknown[] }[] = [];

beforeAll(async () => {
  // No answer cache and no shared loader rows: each question costs what it costs on its own.
  server = await startTestServer({
    config: {
      responseCache: false,
      loaderCache: false,
      limits: { ...DEFAULT_LIMITS, maxCost: 1_000_000_000 },
    },
  });
  const query = server.reader.query.bind(server.reader);
  jest.spyOn(server.reader, "query").mockImplementation(((text: string, params: unknown[]) => {
    issued.push({ text, params });
    return query(text, params);
  }) as typeof server.reader.query);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await server?.close();
});

/** One statement per block, its whitespace collapsed and its parameters below it. */
function snapshotOf(statements: { text: string; params: unknown[] }[]): string {
  return statements
    .map(({ text, params }) => `${text.replace(/\s+/g, " ").trim()};\n-- params: ${JSON.stringify(params)}\n`)
    .join("\n");
}

describe("How many SQL statements does each question issue, and which?", () => {
  it("has cases to run", () => expect(cases.length).toBeGreaterThanOrEqual(8));

  it.each(cases)(
    "$name issues $statements statement(s), as its snapshot shows",
    async ({ name, query, statements }) => {
      issued = [];
      const answer = await server.graphql(query);
      expect(answer.errors).toBeUndefined();
      expect(answer.sqlStatements).toBe(statements);
      expect(issued).toHaveLength(statements);
      const file = path.join(FIXTURES, `${name}.sql`);
      const actual = snapshotOf(issued);
      if (process.env.UPDATE_SNAPSHOTS === "1" || (!fs.existsSync(file) && !process.env.CI)) {
        fs.writeFileSync(file, actual);
      }
      expect(fs.existsSync(file)).toBe(true);
      expect(actual).toBe(fs.readFileSync(file, "utf8"));
    },
  );
});
