/**
 * A request nested to any depth, anywhere (variables of any type, extensions, the document, a
 * question URL's JSON parameter, a GET's query string), gets a 4xx with an error code, never a
 * 500: nothing on the way recurses once per level of what a client sent. Depths from 10 to
 * 100,000 levels, on a server whose body limit lets 100,000 levels in.
 */
import { startTestServer, type TestServer } from "../helpers/server";
import { DEFAULT_LIMITS } from "../../server/config";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    production: true,
    config: { rateLimitPerMinute: 0, limits: { ...DEFAULT_LIMITS, maxBodyBytes: 2_000_000 } },
  });
});
afterAll(async () => {
  await server?.close();
});

const DEPTHS = [10, 1_000, 10_000, 100_000];

const arrays = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const objects = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
/** A StateFilter nested `depth` levels through `not`. */
const filters = (depth: number) => '{"not":'.repeat(depth) + '{"codeIn":["LAO"]}' + "}".repeat(depth);

/** JSON request bodies with `nested` placed somewhere: [where, body]. */
function bodies(depth: number): [string, string][] {
  return [
    ["an unused variable", `{"query":"{ __typename }","variables":{"x":${arrays(depth)}}}`],
    ["an Int list variable", `{"query":"query($a:[Int]){ __typename }","variables":{"a":${arrays(depth)}}}`],
    [
      "a page-size variable",
      `{"query":"query($f:Int){ states(first:$f){ totalCount } }","variables":{"f":${arrays(depth)}}}`,
    ],
    [
      "a String variable",
      `{"query":"query($n:String!){ stateByName(name:$n){ code } }","variables":{"n":${objects(depth)}}}`,
    ],
    [
      "a filter variable",
      `{"query":"query($f:StateFilter){ states(filter:$f){ totalCount } }","variables":{"f":${filters(depth)}}}`,
    ],
    ["extensions", `{"query":"{ __typename }","extensions":{"x":${objects(depth)}}}`],
    ["persisted-query extensions", `{"extensions":{"persistedQuery":${objects(depth)}}}`],
    ["the operation name", `{"query":"{ __typename }","operationName":${arrays(depth)}}`],
    ["the query", `{"query":${arrays(depth)}}`],
    ["the whole body", arrays(depth)],
    ["a field beside the query", `{"query":"{ __typename }","x":${arrays(depth)}}`],
  ];
}

async function expectRefusedOrAnswered(response: Response): Promise<void> {
  const text = await response.text();
  expect({ status: response.status, body: text.slice(0, 300) }).toEqual({
    status: expect.any(Number),
    body: expect.not.stringMatching(/INTERNAL_SERVER_ERROR/),
  });
  expect(response.status).toBeLessThan(500);
  const answer = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  // An answer with data is a 200; anything else is refused with a code.
  if (response.status >= 400) expect(answer.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
}

describe.each(DEPTHS)("a body nested %i levels", (depth) => {
  it.each(bodies(depth))("in %s gets a 4xx or an answer, never a 500", async (_where, body) => {
    // Twice: the second may be served by the answer cache.
    for (let i = 0; i < 2; i++) {
      const response = await fetch(server.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      await expectRefusedOrAnswered(response);
    }
  });
});

// 1,000 levels of objects is about as deep as a URL within Node's 16 KB header limit can nest.
describe.each([10, 500, 1_000])("a GET nested %i levels", (depth) => {
  it.each([
    ["variables", `query=${encodeURIComponent("query($a:[Int]){ __typename }")}&variables=${arrays(depth)}`],
    ["extensions", `query=${encodeURIComponent("{ __typename }")}&extensions=${objects(depth)}`],
  ])("in %s gets a 4xx or an answer, never a 500", async (_where, search) => {
    const response = await fetch(`${server.graphqlUrl}?${search}`);
    await expectRefusedOrAnswered(response);
  });

  it("in a question URL's filter gets a 4xx", async () => {
    const response = await fetch(
      `${server.url}/api/questions/States?filter=${encodeURIComponent(filters(depth))}`,
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

it("with the default body limit, 100,000 levels are refused as too large", async () => {
  const defaults = await startTestServer({ production: true });
  try {
    const response = await fetch(defaults.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"query":"{ __typename }","variables":{"x":${arrays(100_000)}}}`,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe("REQUEST_TOO_LARGE");
  } finally {
    await defaults.close();
  }
});
