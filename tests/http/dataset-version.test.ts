/**
 * The dataset version hears of an ingest through PostgreSQL's LISTEN/NOTIFY (the ingest notifies
 * in its transaction), tells its listeners at once, and stops listening when stopped, whenever
 * that happens.
 */
import type { DataSource } from "typeorm";

import { loadConfig } from "../../server/config";
import { DATASET_CHANNEL, ingestReport, reportFilesIn } from "../../server/data/ingest";
import { createDataSource } from "../../server/db/data-source";
import { migrate } from "../../server/db/database";
import { DatasetVersion } from "../../server/http/caching";
import { createScratchDatabase } from "../helpers/database";

// A database of its own: a notification reaches every server listening on the same database, and
// would drop the shared rows other test files are counting on.
let dataSource: DataSource;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
beforeAll(async () => {
  scratch = await createScratchDatabase();
  dataSource = createDataSource(scratch.url, { poolSize: 2 });
  await dataSource.initialize();
  await migrate(dataSource);
  const config = loadConfig({});
  await ingestReport(dataSource, reportFilesIn(config.datasetDir)[0], config.participantsFile);
});
afterAll(async () => {
  await dataSource?.destroy();
  await scratch?.drop();
});

const notify = () => dataSource.query(`SELECT pg_notify($1, 'test')`, [DATASET_CHANNEL]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a DatasetVersion and records what its listeners are told. */
function watched() {
  const version = new DatasetVersion(dataSource);
  const told: (string | null)[] = [];
  version.onChange((value) => told.push(value));
  return { version, told };
}

describe("How does a running server hear of an ingest?", () => {
  it("tells its listeners null at once on a notification, then the version it reads", async () => {
    const { version, told } = watched();
    version.start(60_000);
    // Listening is ready once the version has been read after LISTEN.
    for (let i = 0; i < 100 && !told.some((v) => v !== null); i++) await sleep(20);
    const current = told.find((v) => v !== null);
    expect(current).toEqual(expect.any(String));

    told.length = 0;
    await notify();
    for (let i = 0; i < 100 && told.length < 2; i++) await sleep(20);
    // The same data, so the same version: caches stop at null, then carry on.
    expect(told).toEqual([null, current]);
    await version.stop();
  });

  it("hears nothing once stopped, even when stopped while it was still connecting", async () => {
    // Every moment of the start-up: before, during and after connecting and LISTEN.
    for (let waitMs = 0; waitMs <= 40; waitMs += 2) {
      const { version, told } = watched();
      version.start(60_000);
      await sleep(waitMs);
      await version.stop();
      await sleep(50);
      told.length = 0;
      await notify();
      await sleep(100);
      expect([waitMs, told]).toEqual([waitMs, []]);
    }
  });
});
