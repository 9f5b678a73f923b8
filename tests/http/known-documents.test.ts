/**
 * A query asked again is answered without Apollo's pipeline (server/http/known-documents.ts): the
 * second answer must be the first one, byte for byte and header for header, and whatever Apollo
 * would refuse or report (bad variables, the cost limit, a field that fails) must still be
 * refused or reported as Apollo does.
 */
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  // The answer cache off: every request reaches GraphQL.
  server = await startTestServer({ config: { responseCache: false } });
});
afterAll(async () => {
  await server?.close();
});

const STATES = `query States($first: Int, $status: TreatyStatus) {
  states(first: $first, filter: { status: $status }) { totalCount nodes { code name } }
}`;

async function ask(init: { query: string; variables?: unknown; accept?: string; get?: boolean }) {
  const headers: Record<string, string> = init.accept ? { accept: init.accept } : {};
  const response = init.get
    ? await fetch(
        `${server.graphqlUrl}?${new URLSearchParams({
          query: init.query,
          ...(init.variables ? { variables: JSON.stringify(init.variables) } : {}),
        })}`,
        { headers },
      )
    : await fetch(server.graphqlUrl, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ query: init.query, variables: init.variables }),
      });
  const pick = (name: string) => response.headers.get(name);
  return {
    status: response.status,
    body: await response.text(),
    headers: {
      type: pick("content-type"),
      sql: pick("x-sql-statements"),
      etag: pick("etag"),
      cacheControl: pick("cache-control"),
      vary: pick("vary"),
    },
  };
}

describe("a query asked again", () => {
  it.each([
    ["POST", {}],
    ["POST for graphql-response+json", { accept: "application/graphql-response+json" }],
    ["POST for any type", { accept: "*/*" }],
    ["GET", { get: true }],
  ])("gets the first answer again (%s)", async (_label, how) => {
    const request = { query: STATES, variables: { first: 3, status: "SIGNATORY" }, ...how };
    const first = await ask(request);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).data.states.nodes).toHaveLength(3);
    const again = await ask(request);
    expect(again).toEqual(first);
    // Other variables, the same document: the answer of those variables.
    const other = await ask({ ...request, variables: { first: 2, status: "NOT_PARTY" } });
    expect(other.status).toBe(200);
    expect(JSON.parse(other.body).data.states.nodes).toHaveLength(2);
  });

  it("with variables Apollo refuses is refused as Apollo refuses them", async () => {
    await ask({ query: STATES, variables: { first: 1 } });
    const refused = await ask({ query: STATES, variables: { first: "many" } });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("is held to the cost limit of its own variables", async () => {
    const query = `query Deep($first: Int) { states(first: $first) { nodes { findings { states { findings { states { code } } } } } } }`;
    const small = await ask({ query, variables: { first: 1 } });
    expect(small.status).toBe(200);
    const big = await ask({ query, variables: { first: 100 } });
    expect(big.status).toBe(400);
    expect(JSON.parse(big.body).errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("that fails in a field gets Apollo's partial answer every time", async () => {
    const query = `{ report { key } node(id: "garbage") { id } }`;
    const first = await ask({ query });
    const again = await ask({ query });
    expect(again).toEqual(first);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});
