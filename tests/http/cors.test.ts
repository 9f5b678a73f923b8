/** Apps call from browsers: CORS is open by default (public, read-only API) and configurable. */
import { startTestServer, type TestServer } from "../helpers/server";

describe("CORS", () => {
  describe("by default", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => {
      await server.close();
    });

    it("lets a page on any origin call the API", async () => {
      const preflight = await fetch(server.graphqlUrl, {
        method: "OPTIONS",
        headers: {
          origin: "https://dashboard.example.org",
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-methods")).toMatch(/POST/);

      const response = await fetch(server.graphqlUrl, {
        method: "POST",
        headers: { origin: "https://dashboard.example.org", "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    });

    it("lets browser code read the ETag, the rate limit's headers and the request id", async () => {
      const response = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent("{ __typename }")}`, {
        headers: { origin: "https://dashboard.example.org" },
      });
      const exposed = (response.headers.get("access-control-expose-headers") ?? "")
        .split(",")
        .map((h) => h.trim().toLowerCase());
      expect(exposed).toEqual(
        expect.arrayContaining([
          "etag",
          "ratelimit-limit",
          "ratelimit-remaining",
          "ratelimit-reset",
          "retry-after",
          "x-request-id",
        ]),
      );
    });

    it("advertises the methods /graphql answers, HEAD included", async () => {
      const preflight = await fetch(server.graphqlUrl, {
        method: "OPTIONS",
        headers: { origin: "https://dashboard.example.org", "access-control-request-method": "HEAD" },
      });
      expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, POST");
      const head = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent("{ __typename }")}`, {
        method: "HEAD",
        headers: { origin: "https://dashboard.example.org" },
      });
      expect(head.status).toBe(200);
    });
  });

  describe("with CORS_ORIGINS set", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({
        env: { CORS_ORIGINS: "https://allowed.example.org, https://other.example.org" },
      });
    });
    afterAll(async () => {
      await server.close();
    });

    it("allows the listed origins and no others", async () => {
      const ask = (origin: string) =>
        fetch(server.graphqlUrl, {
          method: "POST",
          headers: { origin, "content-type": "application/json" },
          body: JSON.stringify({ query: "{ __typename }" }),
        });
      expect((await ask("https://allowed.example.org")).headers.get("access-control-allow-origin")).toBe(
        "https://allowed.example.org",
      );
      expect((await ask("https://evil.example.com")).headers.get("access-control-allow-origin")).toBeNull();
    });
  });
});
