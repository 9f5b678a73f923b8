/**
 * What clients send at the edges of HTTP: paths written another way, plain OPTIONS, odd Host
 * headers, compressed bodies, unknown routes. Each gets a JSON answer with a code, never a 500.
 */
import http from "node:http";
import zlib from "node:zlib";

import { startTestServer, type TestServer } from "../helpers/server";

/** A raw request (fetch will not send some of these headers), answered with status, headers and body. */
function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

const TYPENAME = JSON.stringify({ query: "{ __typename }" });

describe("requests at the edges of HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers /graphql/ with a trailing slash, and /GraphQL, as /graphql", async () => {
    for (const path of ["/graphql/", "/GraphQL"]) {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: TYPENAME,
      });
      expect({ path, status: response.status, body: await response.json() }).toEqual({
        path,
        status: 200,
        body: { data: { __typename: "Query" } },
      });
    }
  });

  it("answers a plain OPTIONS (no Origin, not a preflight) with 204, as before", async () => {
    const response = await fetch(server.graphqlUrl, { method: "OPTIONS" });
    expect(response.status).toBe(204);
  });

  it("refuses a Host header that is not a host name with 400 BAD_REQUEST, not a 500", async () => {
    const response = await rawRequest(server.graphqlUrl, {
      method: "POST",
      headers: { host: "not a host", "content-type": "application/json" },
      body: TYPENAME,
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(server.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it("refuses a compressed body with 415 and says so", async () => {
    const response = await rawRequest(server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: zlib.gzipSync(TYPENAME),
    });
    expect(response.status).toBe(415);
    const error = JSON.parse(response.body).errors[0];
    expect(error.extensions.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/compressed/i);
  });

  it("answers an unknown route and an over-long question name with JSON 404s", async () => {
    const unknown = await fetch(`${server.url}/admin`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].extensions.code).toBe("NOT_FOUND");

    const long = await fetch(`${server.url}/api/questions/${"A".repeat(300)}`);
    expect(long.status).toBe(404);
    expect((await long.json()).errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("answers a path with a broken percent-encoding with a JSON 400", async () => {
    const response = await rawRequest(`${server.url}/api/questions/%E0%A4%A`, {});
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("sends the explorer's scripts with their length and a long cache lifetime", async () => {
    const response = await fetch(`${server.url}/explorer/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    const body = await response.text();
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(body));
  });
});
