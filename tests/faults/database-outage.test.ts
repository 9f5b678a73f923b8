/**
 * PostgreSQL goes away (a TCP proxy in between is cut): /readyz turns 503, queries fail fast with
 * DATABASE_UNAVAILABLE instead of hanging, and the service recovers by itself when the database
 * returns, without a restart.
 */
import { createDataSource } from "../../server/db/data-source";
import { openLoadedDataSource, testDatabaseUrl } from "../helpers/database";
import { startTestServer, type TestServer } from "../helpers/server";
import { TcpProxy } from "../helpers/tcp-proxy";

/** No hang: every request must be answered well before this (connect timeout is 5 s). */
const NO_HANG = { signal: () => AbortSignal.timeout(20_000) };

async function eventually(check: () => Promise<boolean>, attempts = 100): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("condition not met");
}

describe("when the database goes away", () => {
  const target = new URL(testDatabaseUrl());
  const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
  let server: TestServer;

  beforeAll(async () => {
    await proxy.open();
    // Make sure the schema and dataset are in place, then serve through the proxy.
    const direct = await openLoadedDataSource();
    await direct.destroy();
    const dataSource = createDataSource(proxy.urlFor(testDatabaseUrl()), { poolSize: 4 });
    await dataSource.initialize();
    server = await startTestServer({ dataSource, config: { responseCache: false } });
  });

  afterAll(async () => {
    await server.close();
    await server.dataSource.destroy().catch(() => {});
    await proxy.cut();
  });

  const ask = (query: string) =>
    fetch(server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
      signal: NO_HANG.signal(),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it("serves normally while the database is there", async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const answer = await ask(`{ state(code: "NOR") { name } }`);
    expect(answer.body).toEqual({ data: { state: { name: "Norway" } } });
  });

  it("reports not ready and answers DATABASE_UNAVAILABLE, without hanging, while it is gone", async () => {
    await proxy.cut();
    const ready = await fetch(`${server.url}/readyz`, { signal: NO_HANG.signal() });
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ database: "unreachable" });

    const answer = await ask(`{ state(code: "SWE") { name } }`);
    expect(answer.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      "DATABASE_UNAVAILABLE",
    ]);
    expect(answer.body.errors[0].message).toBe("The database is unavailable; try again shortly.");
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("recovers by itself when the database returns", async () => {
    await proxy.open();
    await eventually(async () => (await fetch(`${server.url}/readyz`)).status === 200);
    const answer = await ask(`{ state(code: "FIN") { code } state2: state(code: "SWE") { name } }`);
    expect(answer.body).toEqual({ data: { state: null, state2: { name: "Sweden" } } });
  });
});
