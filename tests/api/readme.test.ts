/** The README's first screen promises one query and its exact JSON answer: it must stay true. */
import fs from "node:fs";
import path from "node:path";

import { startTestServer, type TestServer } from "../helpers/server";

const README = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

describe("the README's example", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers the first query of the README with exactly the JSON printed under it", async () => {
    const query = /```graphql\n([\s\S]*?)\n```/.exec(README)![1];
    const printed = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(README)![1]);
    const response = await fetch(server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    expect(await response.json()).toEqual(printed);
    expect(printed.data.states.nodes[0].name).toBe("Côte d'Ivoire");
  });
});
