/** Rate limiting per client IP: off by default for local use, on in production mode, 429 with Retry-After. */
import { loadConfig } from "../../server/config";
import { startTestServer, type TestServer } from "../helpers/server";

describe("rate limiting", () => {
  it("is off by default and on in production mode", () => {
    expect(loadConfig({}).rateLimitPerMinute).toBe(0);
    expect(loadConfig({ NODE_ENV: "production" }).rateLimitPerMinute).toBe(600);
    expect(loadConfig({ NODE_ENV: "production", RATE_LIMIT_PER_MINUTE: "0" }).rateLimitPerMinute).toBe(0);
  });

  describe("with a limit of 5 requests a minute", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: "5" } });
    });
    afterAll(async () => {
      await server.close();
    });

    it("answers the first 5 requests and refuses the 6th with 429 and Retry-After", async () => {
      const statuses: number[] = [];
      const remaining: (string | null)[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 6; i++) {
        const response = await fetch(server.graphqlUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ __typename }" }),
        });
        statuses.push(response.status);
        remaining.push(response.headers.get("ratelimit-remaining"));
        expect(response.headers.get("ratelimit-limit")).toBe("5");
        if (response.status === 429) refused = response;
        else await response.text();
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(remaining).toEqual(["4", "3", "2", "1", "0", "0"]);
      // The seconds left in the client's one-minute window.
      const retryAfter = Number(refused!.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await refused!.json()).toEqual({
        errors: [
          {
            message: "Too many requests: at most 5 a minute per client.",
            extensions: { code: "RATE_LIMITED" },
          },
        ],
      });
    });

    it("still answers health checks when a client is over its limit", async () => {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    });
  });
});
