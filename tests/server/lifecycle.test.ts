/**
 * The server as a user runs it: `npm start` in a child process on the embedded PostgreSQL, with
 * its own data folder. Start, answer, restart on the same data, stop cleanly, refuse clearly.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "../../server/db/embedded";
import {
  killLeftovers,
  postgresProcessesOn,
  type ServerProcess,
  startServerProcess,
  waitUntilReady,
} from "../helpers/server-process";

/** Starts the server as `npm start` does (`node --import tsx server/index.ts`) on the embedded database in `dataDir`. */
function startServer(dataDir: string, port: number, env: NodeJS.ProcessEnv = {}): ServerProcess {
  return startServerProcess({ dataDir, port, env });
}

describe("running the server with npm start on the embedded PostgreSQL", () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-test-start-")), "pg");
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the folder.
  fs.chmodSync(path.dirname(dataDir), 0o755);
  let first: ServerProcess | undefined;

  afterAll(async () => {
    killLeftovers(first, dataDir);
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it("serves /graphql with the dataset loaded, and /healthz and /readyz answer 200", async () => {
    first = startServer(dataDir, await freePort());
    await waitUntilReady(first, 90_000);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    const response = await fetch(`${first.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename report { key } }" }),
    });
    expect(await response.json()).toEqual({
      data: { __typename: "Query", report: { key: "beirut-progress-report-2011" } },
    });
  });

  it("refuses a second server on the same data folder with a one-line message", async () => {
    const second = startServer(dataDir, await freePort());
    const { code } = await second.exited;
    expect(code).toBe(1);
    const lines = second.output().trim().split("\n");
    expect(lines.at(-1)).toMatch(
      /^ccm-graph: the data folder .* is in use by another PostgreSQL \(pid \d+\)/,
    );
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each([
    ["MAX_DEPTH", "abc", 'ccm-graph: MAX_DEPTH must be a whole number >= 1, got "abc"'],
    ["RESPONSE_CACHE", "no", 'ccm-graph: RESPONSE_CACHE must be "on" or "off", got "no"'],
    ["PORT", "70000", 'ccm-graph: PORT must be a port number (0-65535), got "70000"'],
  ])("refuses %s=%s with a one-line message naming the variable", async (name, value, message) => {
    const other = path.join(path.dirname(dataDir), `bad-${name}`);
    const bad = startServer(other, await freePort(), { [name]: value });
    expect((await bad.exited).code).toBe(1);
    expect(bad.output().trim()).toBe(message);
    expect(fs.existsSync(other)).toBe(false);
  });

  it("refuses a busy port with a one-line message before touching the database", async () => {
    const busy = new URL(first!.url).port;
    const other = path.join(path.dirname(dataDir), "other");
    const second = startServer(other, Number(busy));
    expect((await second.exited).code).toBe(1);
    expect(second.output().trim()).toBe(
      `ccm-graph: port ${busy} on 127.0.0.1 is already in use; stop the other server or set PORT`,
    );
    expect(fs.existsSync(other)).toBe(false);
  });

  it("stops on SIGTERM within seconds and leaves no postgres process behind", async () => {
    expect(postgresProcessesOn(dataDir).length).toBeGreaterThan(0);
    first!.child.kill("SIGTERM");
    expect((await first!.exited).code).toBe(0);
    expect(postgresProcessesOn(dataDir)).toEqual([]);
    expect(first!.output()).toMatch(/"msg":"stopped"/);
  });

  it("restarts on the same data folder, reusing the loaded dataset", async () => {
    const again = startServer(dataDir, await freePort());
    try {
      await waitUntilReady(again, 30_000);
      expect(again.output()).toMatch(/dataset already up to date/);
      expect(again.output()).not.toMatch(/"msg":"dataset loaded"/);
    } finally {
      again.child.kill("SIGINT");
      expect((await again.exited).code).toBe(0);
    }
    expect(postgresProcessesOn(dataDir)).toEqual([]);
  });
});
