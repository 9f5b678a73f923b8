/**
 * Clients that send queries as plain GETs, with no preflight header: urql's default client (it
 * prefers GET when the URL is short enough), urql forced to GET, and a bare `fetch(url)` as a
 * dashboard or an address bar sends it. Each runs the whole SDK catalogue against the real server.
 */
import { catalogueCases, runBareFetchGet, runUrql } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const everyOperation = catalogueCases.map((c) => c.name);

/** A fetch that notes the method of every request it sends. */
function watchingFetch(methods: string[]): typeof fetch {
  return (input, init) => {
    methods.push(init?.method ?? "GET");
    return fetch(input, init);
  };
}

it("runs the whole catalogue through urql's default client", async () => {
  const methods: string[] = [];
  const run = await runUrql(server.graphqlUrl, { fetch: watchingFetch(methods) });
  expect(run.failed).toEqual([]);
  expect(run.passed).toEqual(everyOperation);
  // urql sends GET whenever the URL stays under its limit: most of the catalogue.
  expect(methods.filter((m) => m === "GET").length).toBeGreaterThanOrEqual(everyOperation.length / 2);
});

it("runs the whole catalogue through urql with every query as GET", async () => {
  const methods: string[] = [];
  const run = await runUrql(server.graphqlUrl, { preferGetMethod: "force", fetch: watchingFetch(methods) });
  expect(run.failed).toEqual([]);
  expect(run.passed).toEqual(everyOperation);
  expect(new Set(methods)).toEqual(new Set(["GET"]));
});

it("runs the whole catalogue as bare fetch(url) GETs", async () => {
  const run = await runBareFetchGet(server.graphqlUrl);
  expect(run.failed).toEqual([]);
  expect(run.passed).toEqual(everyOperation);
});
