/**
 * Stopping the server as operators do, under a load of uncached questions: Ctrl-C in a terminal
 * (SIGINT to the whole process group of `npm start`), a supervisor's SIGTERM to `npm start`, a
 * SIGTERM to node itself (the image runs node directly), and Ctrl-C during start-up. Every
 * request in flight gets its answer, and nothing is left running.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "../../server/db/embedded";
import {
  driveLoad,
  killLeftovers,
  postgresProcessesOn,
  processesInGroup,
  type ServerProcess,
  startServerProcess,
  waitForOutput,
  waitUntilReady,
} from "../helpers/server-process";

let root: string;
/** One data folder for the cases that stop a ready server: created by the first, reused after. */
let dataDir: string;
const started: { server: ServerProcess; dataDir: string }[] = [];

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-test-stop-"));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the folder.
  fs.chmodSync(root, 0o755);
  dataDir = path.join(root, "pg");
});

afterAll(() => {
  for (const { server, dataDir } of started) killLeftovers(server, dataDir);
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function readyServer(via: "node" | "npm"): Promise<ServerProcess> {
  // Uncached, so that every request reaches PostgreSQL while the signal arrives.
  const server = startServerProcess({
    via,
    dataDir,
    port: await freePort(),
    env: { RESPONSE_CACHE: "off", LOADER_CACHE: "off" },
  });
  started.push({ server, dataDir });
  await waitUntilReady(server, 90_000);
  return server;
}

/** Sends `signal` to `target` after a second and a half of load; returns the load's outcome. */
async function stopUnderLoad(server: ServerProcess, target: number, signal: NodeJS.Signals) {
  const load = driveLoad(`${server.url}/graphql`, 16);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(load.outcome.answered).toBeGreaterThan(0);
  load.mark();
  process.kill(target, signal);
  const outcome = await load.done;
  const exit = await server.exited;
  return { outcome, exit };
}

function expectNothingLeft(server: ServerProcess, dataDir: string): void {
  expect(processesInGroup(server.child.pid!)).toEqual([]);
  expect(postgresProcessesOn(dataDir)).toEqual([]);
  expect(server.output()).toMatch(/"msg":"stopped"/);
  expect(server.output()).not.toMatch(/took too long/);
}

describe("stopping the server under load", () => {
  it("Ctrl-C (SIGINT to npm start's whole process group) answers every request in flight", async () => {
    const server = await readyServer("npm");
    // The group holds npm and node, not PostgreSQL: it runs in a group of its own.
    const { outcome } = await stopUnderLoad(server, -server.child.pid!, "SIGINT");
    expect(outcome.failures).toEqual([]);
    expect(outcome.answeredAfterMark).toBeGreaterThan(0);
    expectNothingLeft(server, dataDir);
  });

  it("SIGTERM to the npm start process (a supervisor's stop) stops node and PostgreSQL too", async () => {
    const server = await readyServer("npm");
    const { outcome, exit } = await stopUnderLoad(server, server.child.pid!, "SIGTERM");
    expect(outcome.failures).toEqual([]);
    expect(outcome.answeredAfterMark).toBeGreaterThan(0);
    // npm forwards the signal to node (the start script execs it) and ends as node did.
    expect(exit).toEqual({ code: 0, signal: null });
    expectNothingLeft(server, dataDir);
  });

  it("SIGTERM to node (how the image stops it) answers every request in flight and exits 0", async () => {
    const server = await readyServer("node");
    const { outcome, exit } = await stopUnderLoad(server, server.child.pid!, "SIGTERM");
    expect(outcome.failures).toEqual([]);
    expect(outcome.answeredAfterMark).toBeGreaterThan(0);
    expect(exit).toEqual({ code: 0, signal: null });
    expectNothingLeft(server, dataDir);
  });
});

describe("Ctrl-C during start-up", () => {
  it.each([
    // A first start: initdb is creating the cluster.
    ["while initdb creates the cluster", "initdb", /creating the embedded PostgreSQL cluster/],
    // PostgreSQL is up; the migrations and the dataset load come next.
    ["while the dataset loads", "ingest", /ready to accept connections/],
  ])("stops the process within 2 s %s, leaving a folder the next start uses", async (_when, name, moment) => {
    const ownDir = path.join(root, `startup-${name}`);
    const server = startServerProcess({
      dataDir: ownDir,
      port: await freePort(),
      env: { LOG_LEVEL: "debug" },
    });
    started.push({ server, dataDir: ownDir });
    await waitForOutput(server, moment, 90_000);
    const signalled = Date.now();
    process.kill(-server.child.pid!, "SIGINT");
    const exit = await server.exited;
    expect(Date.now() - signalled).toBeLessThan(2_000);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output()).not.toMatch(/"msg":"ccm-graph ready/);
    expectNothingLeft(server, ownDir);
    // Nothing half-made stays behind: the next start creates or reuses the folder and serves.
    const next = startServerProcess({ dataDir: ownDir, port: await freePort() });
    started.push({ server: next, dataDir: ownDir });
    await waitUntilReady(next, 90_000);
    process.kill(next.child.pid!, "SIGTERM");
    expect(await next.exited).toEqual({ code: 0, signal: null });
  });
});
