/**
 * The README promises queries and their exact JSON answers: each ```graphql block followed by a
 * ```json block is asked of the real server, and must answer exactly what is printed.
 */
import fs from "node:fs";
import path from "node:path";

import { startTestServer, type TestServer } from "../helpers/server";

const README = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
// A block's body holds no ``` fence: a query without an answer under it is not paired with a later one.
const examples = [
  ...README.matchAll(/```graphql\n((?:(?!```)[\s\S])*?)\n```\s*```json\n((?:(?!```)[\s\S])*?)\n```/g),
].map(([, query, json], i) => ({ n: i + 1, query, printed: JSON.parse(json) }));

describe("the README's examples", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("has the headline example first, and the monitoring examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(examples[0].printed.data.states.nodes[0].name).toBe("Côte d'Ivoire");
  });

  it.each(examples)(
    "answers example $n with exactly the JSON printed under it",
    async ({ query, printed }) => {
      const response = await fetch(server.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      expect(await response.json()).toEqual(printed);
    },
  );
});
