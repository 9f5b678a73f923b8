/**
 * Loaders are made from one table (server/context.ts); the rows requests of one dataset version
 * share live in one small module (server/graph/shared-rows.ts). These tests run the loaders on
 * the real database and check that no two loaders ever answer from each other's rows.
 */
import type { DataSource } from "typeorm";

import { createContext, LOADERS } from "../../server/context";
import { Reader } from "../../server/db/sql";
import { inReport } from "../../server/graph/loaders";
import { SharedRows } from "../../server/graph/shared-rows";
import { openLoadedDataSource } from "../helpers/database";

const REPORT = "beirut-progress-report-2011";
let dataSource: DataSource;
let reader: Reader;
beforeAll(async () => {
  dataSource = await openLoadedDataSource();
  reader = new Reader(dataSource);
});
afterAll(async () => dataSource?.destroy());

const requestOf = (rows: SharedRows, version = "v1") =>
  createContext(reader, undefined, undefined, { rows, version });

describe("Do two loaders ever share rows?", () => {
  it("keeps paragraph 29 and footnote 29 apart, within a request and across requests", async () => {
    const rows = new SharedRows();
    rows.useVersion("v1");
    const first = requestOf(rows);
    const [paragraph, footnote] = await Promise.all([
      first.loaders.paragraph.load(inReport(REPORT, 29)),
      first.loaders.footnote.load(inReport(REPORT, 29)),
    ]);
    expect(paragraph).toMatchObject({ number: 29, section_key: "IV" });
    expect(footnote).toMatchObject({ number: 29, anchor: expect.any(String) });
    expect(paragraph!.text).not.toBe(footnote!.text);
    // The next request of the version has both in hand, each under its own loader.
    const next = requestOf(rows);
    expect(next.rows.now("paragraph", inReport(REPORT, 29))).toEqual(paragraph);
    expect(next.rows.now("footnote", inReport(REPORT, 29))).toEqual(footnote);
    expect(next.db.statements).toBe(0);
  });

  it("primes one loader without giving its value to another", async () => {
    const rows = new SharedRows();
    rows.useVersion("v1");
    const request = requestOf(rows);
    request.rows.prime("state", inReport(REPORT, "XXX"), null);
    expect(request.rows.shares("state", inReport(REPORT, "XXX"))).toBe(true);
    expect(request.rows.shares("stateAssertions", inReport(REPORT, "XXX"))).toBe(false);
    expect(await request.loaders.stateAssertions.load(inReport(REPORT, "XXX"))).toEqual([]);
    expect(request.db.statements).toBe(1);
  });

  it("names every loader of the table once (its name is its share of the rows)", () => {
    const names = Object.keys(LOADERS);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(28);
  });
});

describe("What do requests of one dataset version share?", () => {
  it("shares nothing with a request of another version, and drops everything on a new version", async () => {
    const rows = new SharedRows();
    rows.useVersion("v1");
    await requestOf(rows).loaders.paragraph.load(inReport(REPORT, 1));
    expect(rows.size).toBe(1);
    const other = requestOf(rows, "v0");
    expect(other.rows.shares("paragraph")).toBe(false);
    expect(other.rows.now("paragraph", inReport(REPORT, 1))).toBeInstanceOf(Promise);
    rows.useVersion("v2");
    expect(rows.size).toBe(0);
  });

  it("keeps misses too, so asking again for an unknown key costs no statement", async () => {
    const rows = new SharedRows();
    rows.useVersion("v1");
    const first = requestOf(rows);
    expect(await first.loaders.finding.load(inReport(REPORT, "no-such-finding"))).toBeNull();
    const second = requestOf(rows);
    expect(second.rows.now("finding", inReport(REPORT, "no-such-finding"))).toBeNull();
    expect(second.db.statements).toBe(0);
  });

  it("forgets a failed read, so the next request asks again", async () => {
    const rows = new SharedRows();
    rows.useVersion("v1");
    const cache = rows.cacheFor("paragraph", "v1")!;
    const failed = Promise.reject(new Error("connection lost"));
    cache.set("k", failed);
    await failed.catch(() => {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.has("k")).toBe(false);
  });

  it("is bounded: a list counts as its length", async () => {
    const rows = new SharedRows(10);
    rows.useVersion("v1");
    const cache = rows.cacheFor("stateAssertions", "v1")!;
    cache.put("a", new Array(6).fill(0));
    cache.put("b", new Array(6).fill(0));
    // 7 + 7 > 10: the older list went.
    expect([cache.has("a"), cache.has("b")]).toEqual([false, true]);
  });
});
