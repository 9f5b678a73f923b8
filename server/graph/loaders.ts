/**
 * Loaders, built from one table (server/context.ts): each entry says how to read one report's
 * rows for a batch of keys in one statement; the factory makes a plain DataLoader of each, keyed
 * by `{ reportId, key }`, that returns results in key order. Where requests of one dataset version
 * share rows (./shared-rows.ts), a loader's DataLoader takes its share as its cacheMap.
 */
import DataLoader from "dataloader";
import type { SQL } from "pg-sql2";

import type { RequestDb } from "../db/sql";
import type { SharedCache, SharedRows } from "./shared-rows";

export type Key = string | number;

/** Which row of which report: what every report-scoped loader is keyed by. */
export interface InReport<K extends Key = Key> {
  reportId: string;
  key: K;
}

export const inReport = <K extends Key>(reportId: string, key: K): InReport<K> => ({ reportId, key });

/** The DataLoader cache key of an InReport key (a report id holds no NUL). */
export const cacheKeyOf = ({ reportId, key }: InReport): string => `${reportId}\u0000${key}`;

/** How a loader reads the values of a batch of keys of one report: one statement. */
export interface LoaderDefinition<K extends Key, V> {
  read(db: RequestDb, reportId: string, keys: readonly K[]): Promise<Map<K, V>>;
  /** The value of a key that has no rows: null for a single row, [] for a list. */
  missing(): V;
}

/** A loader of one row per key (null when there is none). */
export function oneRow<Row, K extends Key>(
  statement: (reportId: string, keys: readonly K[]) => SQL,
  keyOf: (row: Row) => K,
): LoaderDefinition<K, Row | null> {
  return {
    async read(db, reportId, keys) {
      const rows = await db.query<Row>(statement(reportId, keys));
      return new Map(rows.map((row) => [keyOf(row), row]));
    },
    missing: () => null,
  };
}

/** A loader of a list of rows per key (a row may belong to several keys). */
export function rowsPer<Row, K extends Key>(
  statement: (reportId: string, keys: readonly K[]) => SQL,
  keysOf: (row: Row) => readonly K[],
): LoaderDefinition<K, Row[]> {
  return {
    async read(db, reportId, keys) {
      return groupBy(await db.query<Row>(statement(reportId, keys)), keysOf);
    },
    missing: () => [],
  };
}

/** Rows grouped under each of their keys, in row order. */
export function groupBy<Row, K>(rows: readonly Row[], keysOf: (row: Row) => readonly K[]): Map<K, Row[]> {
  const grouped = new Map<K, Row[]>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      const list = grouped.get(key);
      if (list) list.push(row);
      else grouped.set(key, [row]);
    }
  }
  return grouped;
}

export type LoaderTable = Record<string, LoaderDefinition<any, any>>;
export type KeyOf<D> = D extends LoaderDefinition<infer K, infer _V> ? K : never;
export type ValueOf<D> = D extends LoaderDefinition<infer _K, infer V> ? V : never;

/** The request's DataLoader for each entry of the table. */
export type LoadersOf<T extends LoaderTable> = {
  readonly [N in keyof T]: DataLoader<InReport<KeyOf<T[N]>>, ValueOf<T[N]>, string>;
};

/** The DataLoader of one definition: one statement per report of a batch. */
function dataLoaderOf<K extends Key, V>(
  db: RequestDb,
  definition: LoaderDefinition<K, V>,
  cacheMap?: SharedCache,
): DataLoader<InReport<K>, V, string> {
  return new DataLoader<InReport<K>, V, string>(
    async (keys) => {
      const byReport = groupBy(keys, (key) => [key.reportId]);
      const found = new Map<string, Map<K, V>>();
      await Promise.all(
        [...byReport].map(async ([reportId, asked]) =>
          found.set(
            reportId,
            await definition.read(
              db,
              reportId,
              asked.map((a) => a.key),
            ),
          ),
        ),
      );
      return keys.map((key) => found.get(key.reportId)?.get(key.key) ?? definition.missing());
    },
    {
      cacheKeyFn: cacheKeyOf,
      ...(cacheMap ? { cacheMap: cacheMap as DataLoader.CacheMap<string, Promise<V>> } : {}),
    },
  );
}

/** Rows shared with the other requests of one dataset version, and the version this request started with. */
export interface SharedRowsOfVersion {
  rows: SharedRows;
  version: string | null | undefined;
}

/**
 * What a request can ask of its loaders beside `load`: values at once when they are shared, and
 * whether they are.
 */
export interface Rows<T extends LoaderTable> {
  /** Whether this request's loaders share rows with other requests at all (LOADER_CACHE). */
  readonly sharing: boolean;
  /**
   * What loader `name` gives for `at`: at once when the rows are shared and in hand (no promise,
   * no batch), else through the loader. A big answer resolves thousands of paragraphs and
   * footnotes: values in hand let graphql-js complete them synchronously.
   */
  now<N extends keyof T>(name: N, at: InReport<KeyOf<T[N]>>): ValueOf<T[N]> | Promise<ValueOf<T[N]>>;
  /**
   * Whether loader `name` answers from rows shared with other requests: holding `at`, or without
   * `at` holding anything (then a statement that would bring those rows along can leave them out).
   */
  shares(name: keyof T, at?: InReport): boolean;
  /** Gives loader `name` a value read by another statement, for this request and the ones after. */
  prime<N extends keyof T>(name: N, at: InReport<KeyOf<T[N]>>, value: ValueOf<T[N]>): void;
  /** A loader made on first use and kept for the request (e.g. one per filter argument); never shared. */
  adHoc<K extends Key, V>(
    id: string,
    definition: () => LoaderDefinition<K, V>,
  ): DataLoader<InReport<K>, V, string>;
}

/**
 * One set of loaders per request, from the table. Each DataLoader (and its share of the shared
 * rows) is made on the request's first use of it: most requests use a few of the ~30, and
 * `{ __typename }` none.
 */
export function createLoaders<T extends LoaderTable>(
  table: T,
  db: RequestDb,
  shared?: SharedRowsOfVersion,
): { loaders: LoadersOf<T>; rows: Rows<T> } {
  const caches = new Map<keyof T, SharedCache | undefined>();
  const cacheOf = (name: keyof T & string): SharedCache | undefined => {
    if (!shared) return undefined;
    if (!caches.has(name)) caches.set(name, shared.rows.cacheFor(name, shared.version));
    return caches.get(name);
  };
  const made = new Map<keyof T, DataLoader<InReport, unknown, string>>();
  const loaderOf = (name: keyof T & string): DataLoader<InReport, unknown, string> => {
    let loader = made.get(name);
    if (!loader) {
      loader = dataLoaderOf(db, table[name] as LoaderDefinition<Key, unknown>, cacheOf(name));
      made.set(name, loader);
    }
    return loader;
  };
  const loaders = Object.create(lazyLoadersOf(table)) as LoadersOf<T>;
  (loaders as unknown as { [MAKE]: typeof loaderOf })[MAKE] = loaderOf;
  const adHoc = new Map<string, DataLoader<InReport, unknown, string>>();
  const rows: Rows<T> = {
    sharing: shared !== undefined,
    now(name, at) {
      const inHand = cacheOf(name as keyof T & string)?.settled(cacheKeyOf(at));
      if (inHand) return inHand.value as ValueOf<T[typeof name]>;
      return loaderOf(name as keyof T & string).load(at) as Promise<ValueOf<T[typeof name]>>;
    },
    shares(name, at) {
      const cache = cacheOf(name as keyof T & string);
      return cache !== undefined && (at === undefined ? cache.holdsAny : cache.has(cacheKeyOf(at)));
    },
    prime(name, at, value) {
      cacheOf(name as keyof T & string)?.put(cacheKeyOf(at), value);
      loaderOf(name as keyof T & string).prime(at, value);
    },
    adHoc<K extends Key, V>(id: string, definition: () => LoaderDefinition<K, V>) {
      let loader = adHoc.get(id);
      if (!loader) adHoc.set(id, (loader = dataLoaderOf(db, definition() as LoaderDefinition<Key, unknown>)));
      return loader as unknown as DataLoader<InReport<K>, V, string>;
    },
  };
  return { loaders, rows };
}

/** Where a request's loaders object keeps its maker (a symbol: no loader can be named so). */
const MAKE = Symbol("make loader");

/** One prototype per table: a getter per loader name that asks the request's maker for it. */
const prototypes = new WeakMap<LoaderTable, object>();
function lazyLoadersOf(table: LoaderTable): object {
  let prototype = prototypes.get(table);
  if (!prototype) {
    prototype = {};
    for (const name of Object.keys(table)) {
      Object.defineProperty(prototype, name, {
        get(this: { [MAKE]: (name: string) => unknown }) {
          return this[MAKE](name);
        },
        enumerable: true,
      });
    }
    prototypes.set(table, prototype);
  }
  return prototype;
}

/**
 * Applies `f` to a value now, or once it is there: keeps a resolver synchronous when it can be.
 * (Not named `then`: a module exporting `then` is a thenable, and `await import()` would call it.)
 */
export function whenReady<T, R>(value: T | Promise<T>, f: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** Values now when all are in hand, else a promise of them all (a tuple stays a tuple). */
export function allNow<T extends readonly unknown[]>(
  values: T,
): { -readonly [I in keyof T]: Awaited<T[I]> } | Promise<{ -readonly [I in keyof T]: Awaited<T[I]> }> {
  type All = { -readonly [I in keyof T]: Awaited<T[I]> };
  return values.some((value) => value instanceof Promise)
    ? (Promise.all(values) as Promise<All>)
    : (values as unknown as All);
}

/** The rows a loadMany found (drops nulls and errors). */
export const present = <T>(rows: (T | null | Error)[]): T[] =>
  rows.filter((row): row is T => row !== null && !(row instanceof Error));
