/** Operators see one log line per request and Prometheus metrics by operation. */
import { startTestServer, type TestServer } from "../helpers/server";

describe("logs and metrics", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ logLevel: "info" });
  });
  afterAll(async () => {
    await server.close();
  });

  it("logs each request with its request id, operation name, duration and SQL statements", async () => {
    const response = await fetch(server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "test-request-1" },
      body: JSON.stringify({ query: 'query LaoName { state(code: "LAO") { name } }' }),
    });
    expect(response.headers.get("x-request-id")).toBe("test-request-1");
    await response.json();
    const line = server.logs.find((l) => l.req?.id === "test-request-1");
    expect(line).toMatchObject({
      msg: "request completed",
      operationName: "LaoName",
      req: { method: "POST", url: "/graphql" },
      res: { statusCode: 200 },
    });
    expect(typeof line!.responseTime).toBe("number");
    expect(line!.sqlStatements).toBeGreaterThan(0);
  });

  it("makes up a request id when the client sends none or an unsafe one", async () => {
    const response = await fetch(`${server.url}/readyz`, {
      headers: { "x-request-id": "bad id with spaces" },
    });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("counts requests and times them by operation at GET /metrics", async () => {
    for (let i = 0; i < 3; i++) await server.graphql("query MetricsProbe { report { key } }");
    await server.graphql("query MetricsFailure { nope }");
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain('ccm_graph_graphql_requests_total{operation="MetricsProbe",outcome="ok"} 3');
    expect(text).toContain('ccm_graph_graphql_requests_total{operation="MetricsFailure",outcome="error"} 1');
    expect(text).toMatch(/ccm_graph_graphql_request_duration_seconds_count\{operation="MetricsProbe"\} 3/);
    expect(text).toMatch(
      /ccm_graph_graphql_request_duration_seconds_bucket\{le="0.005",operation="MetricsProbe"\} \d/,
    );
  });
});
