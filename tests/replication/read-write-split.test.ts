/**
 * Several nodes on a PostgreSQL primary and a streaming-replication hot standby (made here with
 * pg_basebackup from Debian's PostgreSQL binaries): reads go to the standby, writes and LISTEN
 * never do, a node learns of an ingest by polling what it reads, a lagging or stopped standby
 * hands its reads to the primary, and every node gives the same answer and ETag for one version.
 *
 * Replay on the standby is paused (pg_wal_replay_pause) to make lag happen when the test says,
 * so nothing here depends on timing: waits are "until", bounded only by jest's timeout.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { Client } from "pg";
import type { DataSource } from "typeorm";

import { loopbackHost } from "../../scripts/cluster/hosts";
import {
  hasPostgresBinaries,
  type PostgresServer,
  startReplicatedPostgres,
} from "../../scripts/cluster/postgres";
import { loadConfig } from "../../server/config";
import { Snapshot } from "../../server/db/snapshot";
import { VERSION_QUERY, versionOfRow } from "../../server/db/version";
import { ingestReport, reportFilesIn } from "../../server/data/ingest";
import { openLoadedDataSource } from "../helpers/database";
import { startTestServer, type TestServer } from "../helpers/server";

// In CI the binaries must be there (the test fails without them); elsewhere it is skipped with a note.
const available = hasPostgresBinaries();
if (!available && !process.env.CI) console.warn("skipped: no PostgreSQL server binaries (set CCM_PG_BIN)");
const describeWithPostgres = available || process.env.CI ? describe : describe.skip;

jest.setTimeout(120_000);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Retries `check` until it holds (jest's timeout bounds it); no assertion depends on how long it took. */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check().catch(() => false))) await new Promise((resolve) => setTimeout(resolve, 50));
}

const config = loadConfig({});
const REPORT_QUERY = "{ report { datasetVersion note } }";

let root: string;
let primary: PostgresServer;
let standby: PostgresServer;
let dataSource: DataSource;
let changedFile: string;
const servers: TestServer[] = [];
/** Reads from the standby, however far behind it is. */
let patientNode: TestServer;
/** Reads from the standby while it is at most 300 ms behind. */
let laggingNode: TestServer;

/** Runs one statement on `server`'s ccm database. */
async function sqlOn(server: PostgresServer, text: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: server.url("ccm") });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** A node whose reads go to the standby; `maxLagMs` is its DATABASE_READ_MAX_LAG_MS. */
async function standbyNode(maxLagMs: number): Promise<TestServer> {
  const server = await startTestServer({
    dataSource,
    env: {
      DATABASE_URL: primary.url("ccm"),
      DATABASE_READ_URL: standby.url("ccm"),
      DATABASE_READ_MAX_LAG_MS: String(maxLagMs),
    },
    versionPollMs: 100,
  });
  servers.push(server);
  return server;
}

async function reportOf(server: TestServer): Promise<{ datasetVersion: string; note: string }> {
  const answer = await server.graphql<{ report: { datasetVersion: string; note: string } }>(REPORT_QUERY);
  expect(answer.errors).toBeUndefined();
  return answer.data!.report;
}

async function readyz(server: TestServer): Promise<Record<string, any>> {
  const response = await fetch(`${server.url}/readyz`);
  return { ...((await response.json()) as Record<string, any>), httpStatus: response.status };
}

/** Ingests the report file `file` on the primary. */
const ingest = (file: string) => ingestReport(dataSource, file, config.participantsFile);
const [originalFile] = reportFilesIn(config.datasetDir);

describeWithPostgres("several nodes on a primary and a streaming standby", () => {
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-test-replication-"));
    ({
      primary,
      standbys: [standby],
    } = await startReplicatedPostgres(
      root,
      { primary: loopbackHost("primary"), standbys: [loopbackHost("standby")] },
      { primary: await freePort(), standbys: [await freePort()] },
    ));
    const admin = new Client({ connectionString: primary.url() });
    await admin.connect();
    await admin.query("CREATE DATABASE ccm");
    await admin.end();
    dataSource = await openLoadedDataSource(primary.url("ccm"));
    // A changed report: the same file with another note, so another dataset version.
    const dataset = JSON.parse(fs.readFileSync(originalFile, "utf8"));
    dataset.report.note = `${dataset.report.note} (changed for a test)`;
    changedFile = path.join(root, "changed-report.json");
    fs.writeFileSync(changedFile, JSON.stringify(dataset));
    // The standby has replayed the load.
    await until(async () => (await sqlOn(standby, "SELECT count(*) AS n FROM report"))[0].n === 1);
    patientNode = await standbyNode(600_000);
    laggingNode = await standbyNode(300);
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    await dataSource?.destroy();
    await standby?.stop();
    await primary?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it("reads from the standby (with its replay paused, an ingest is not seen), and learns the new version by polling once it replays, with no LISTEN anywhere", async () => {
    const node = patientNode;
    const before = await reportOf(node);
    await sqlOn(standby, "SELECT pg_wal_replay_pause()");
    await ingest(before.note.includes("changed for a test") ? originalFile : changedFile);
    // The primary has the new note; the node, reading the paused standby, still the old one.
    const [onPrimary] = await sqlOn(primary, "SELECT note FROM report");
    expect(onPrimary.note).not.toBe(before.note);
    expect(await reportOf(node)).toEqual(before);
    expect((await readyz(node)).pools).toEqual([
      expect.objectContaining({ role: "primary", reachable: true, serving: false }),
      expect.objectContaining({ role: "standby", reachable: true, serving: true }),
    ]);

    await sqlOn(standby, "SELECT pg_wal_replay_resume()");
    await until(async () => (await reportOf(node)).datasetVersion !== before.datasetVersion);
    expect((await reportOf(node)).note).toBe(onPrimary.note);
    // A hot standby cannot LISTEN, and the nodes do not LISTEN on the primary either.
    for (const server of [primary, standby]) {
      const listening = await sqlOn(server, "SELECT query FROM pg_stat_activity WHERE query ILIKE 'LISTEN%'");
      expect(listening).toEqual([]);
    }
    const sessions = await sqlOn(
      standby,
      "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'ccm-graph'",
    );
    expect(sessions[0].n).toBeGreaterThan(0);
  });

  it("gives reads to the primary while the standby lags past DATABASE_READ_MAX_LAG_MS, and back once it catches up", async () => {
    const node = laggingNode;
    await until(async () => (await readyz(node)).pools[1].serving === true);
    const before = await reportOf(node);
    await sqlOn(standby, "SELECT pg_wal_replay_pause()");
    await ingest(before.note.includes("changed for a test") ? originalFile : changedFile);
    await until(async () => (await readyz(node)).pools[1].serving === false);
    const ready = await readyz(node);
    expect(ready.httpStatus).toBe(200);
    expect(ready.pools[0]).toEqual(expect.objectContaining({ role: "primary", serving: true }));
    expect(ready.pools[1].lagMs).toBeGreaterThan(300);
    // Served by the primary: the new note, though the standby still holds the old one.
    await until(async () => (await reportOf(node)).note !== before.note);
    const [onStandby] = await sqlOn(standby, "SELECT note FROM report");
    expect(onStandby.note).toBe(before.note);

    await sqlOn(standby, "SELECT pg_wal_replay_resume()");
    await until(async () => (await readyz(node)).pools[1].serving === true);
  });

  it("answers every question while the standby is stopped, from the primary, and returns to the standby", async () => {
    const node = laggingNode;
    await standby.stop("fast");
    const answers = await Promise.all(Array.from({ length: 20 }, () => node.graphql(REPORT_QUERY)));
    expect(answers.map((a) => [a.status, a.errors])).toEqual(answers.map(() => [200, undefined]));
    const ready = await readyz(node);
    expect(ready.httpStatus).toBe(200);
    expect(ready.pools).toEqual([
      expect.objectContaining({ role: "primary", reachable: true, serving: true }),
      expect.objectContaining({ role: "standby", reachable: false, serving: false }),
    ]);
    await standby.start();
    await until(async () => (await readyz(node)).pools[1].serving === true);
  });

  it("moves a request's snapshot to the primary when its standby stops mid-request, at the same version", async () => {
    await until(async () => (await readyz(laggingNode)).pools[1].serving === true);
    // The move is made only between snapshots of one dataset version: start from a standby that
    // has replayed every ingest (serving only says it is within the 300 ms lag limit).
    const versionOn = async (server: PostgresServer) =>
      versionOfRow((await sqlOn(server, VERSION_QUERY))[0]).version;
    await until(async () => (await versionOn(standby)) === (await versionOn(primary)));
    const reader = laggingNode.reader;
    const snapshot = await Snapshot.open(reader);
    const ask = () =>
      snapshot.query<{ standby: boolean; paragraphs: number }>(
        "SELECT pg_is_in_recovery() AS standby, (SELECT count(*)::int FROM paragraph) AS paragraphs",
        [],
      );
    const [before] = await ask();
    expect(before.standby).toBe(true);
    // The snapshot's connection sits idle in its transaction while the standby shuts down.
    await standby.stop("fast");
    const [after] = await ask();
    expect(after).toEqual({ standby: false, paragraphs: before.paragraphs });
    await snapshot.close();
    await standby.start();
    await until(async () => (await readyz(laggingNode)).pools[1].serving === true);
  });

  it("gives the same answer and ETag on every node for one version (standby readers and a primary-only node)", async () => {
    const primaryOnly = await startTestServer({ dataSource, env: { DATABASE_URL: primary.url("ccm") } });
    servers.push(primaryOnly);
    const nodes = [patientNode, laggingNode, primaryOnly];
    const catalogue = JSON.parse(
      fs.readFileSync(path.join(__dirname, "../../sdk/generated/catalogue.json"), "utf8"),
    ) as { name: string; document: string; variables?: Record<string, unknown> }[];
    // Every node on the same version first.
    const version = (await reportOf(primaryOnly)).datasetVersion;
    for (const node of nodes) await until(async () => (await reportOf(node)).datasetVersion === version);
    for (const question of catalogue) {
      const params = new URLSearchParams({ query: question.document, operationName: question.name });
      if (question.variables) params.set("variables", JSON.stringify(question.variables));
      const answers = await Promise.all(
        nodes.map(async (node) => {
          const response = await fetch(`${node.graphqlUrl}?${params}`);
          return { status: response.status, etag: response.headers.get("etag"), body: await response.text() };
        }),
      );
      expect(answers[0].status).toBe(200);
      expect(answers[0].etag).toMatch(/^W\/"/);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    }
  });

  it("answers from one snapshot: a node that has not read the new version yet answers it whole, without an ETag", async () => {
    // Polls once an hour and never LISTENs: only its requests' snapshots see the ingest.
    const node = await startTestServer({
      dataSource,
      env: {
        DATABASE_URL: primary.url("ccm"),
        DATABASE_READ_URL: primary.url("ccm"),
        READ_SNAPSHOT: "on",
        RESPONSE_CACHE: "off",
      },
      versionPollMs: 3_600_000,
    });
    servers.push(node);
    const url = `${node.graphqlUrl}?query=${encodeURIComponent(REPORT_QUERY)}`;
    const before = await fetch(url);
    expect(before.headers.get("etag")).toEqual(expect.any(String));
    const oldNote = ((await before.json()) as any).data.report.note;
    await ingest(oldNote.includes("changed for a test") ? originalFile : changedFile);
    // Asked again, the query skips Apollo's pipeline (server/http/known-documents.ts): it must
    // still read in the request's own snapshot.
    const after = await fetch(url, { headers: { "cache-control": "no-cache" } });
    const body = (await after.json()) as any;
    expect(body.data.report.note).not.toBe(oldNote);
    // The snapshot's version is not the node's yet: no ETag that would name the old one.
    expect(after.headers.get("etag")).toBeNull();
    // The node read its version at once: the next answer has the new version's ETag.
    await until(async () => (await fetch(url)).headers.get("etag") !== before.headers.get("etag"));
  });
});
