/**
 * Apps keep answers in normalised caches that share objects between questions by their id:
 * Apollo Client's InMemoryCache and urql's graphcache. Every SDK operation selects the `id` of
 * every object that has one, and the SDK exports the configuration both caches need for the rest
 * (value types without a key), generated from the schema. The whole catalogue runs through both,
 * on one client each (answers share the cache), with no warning.
 */
import fs from "node:fs";
import path from "node:path";

import { buildSchema, parse } from "graphql";

import { selectionsWithoutId } from "../../scripts/selections-without-id";
import { keys, possibleTypes, typePolicies } from "../../sdk/index";
import { catalogueCases, runApolloClient, runUrql } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

const schema = buildSchema(fs.readFileSync(path.join(__dirname, "../../schema/schema.graphql"), "utf8"));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const everyOperation = catalogueCases.map((c) => c.name);

it("selects id on every object that has one, in every catalogue operation", () => {
  const missing = catalogueCases.flatMap((c) =>
    selectionsWithoutId(schema, parse(c.document)).map((place) => `${c.name}: ${place}`),
  );
  expect(missing).toEqual([]);
});

it("exports a key policy for every object type the schema answers with", () => {
  const objects = Object.values(schema.getTypeMap()).filter(
    (t) => "getFields" in t && !t.name.startsWith("__") && t !== schema.getQueryType() && !("getTypes" in t),
  );
  const objectTypes = objects.filter((t) => t.constructor.name === "GraphQLObjectType").map((t) => t.name);
  expect(Object.keys(typePolicies).sort()).toEqual(objectTypes.sort());
  expect(typePolicies.State).toEqual({ keyFields: ["id"] });
  expect(typePolicies.Citation).toEqual({ keyFields: false, merge: true });
  expect(keys.Citation({})).toBeNull();
  expect(keys.State).toBeUndefined(); // graphcache's default: the id
  expect(possibleTypes.Node).toContain("State");
});

it("runs the whole catalogue through Apollo Client's InMemoryCache with no warning", async () => {
  const run = await runApolloClient(server.graphqlUrl, { typePolicies, possibleTypes });
  expect(run.failed).toEqual([]);
  expect(run.passed).toEqual(everyOperation);
  expect(run.warnings).toEqual([]);
});

it("runs the whole catalogue through urql's graphcache (queries as GET) with no warning", async () => {
  const run = await runUrql(server.graphqlUrl, { graphcacheKeys: keys });
  expect(run.failed).toEqual([]);
  expect(run.passed).toEqual(everyOperation);
  expect(run.warnings).toEqual([]);
});

it("runs the whole catalogue through urql's graphcache over POST with no warning", async () => {
  const run = await runUrql(server.graphqlUrl, { graphcacheKeys: keys, preferGetMethod: false });
  expect(run.failed).toEqual([]);
  expect(run.warnings).toEqual([]);
});
