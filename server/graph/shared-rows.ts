import type DataLoader from "dataloader";
import { LRUCache } from "lru-cache";

/** What a loader holds for one key: the promise DataLoader hands out, and its value once it is in. */
interface Entry {
  promise: Promise<unknown>;
  settled: boolean;
  value?: unknown;
}

/**
 * Loader results shared by every request of one dataset version. The data only changes on
 * ingest, so the paragraph, footnote or finding one request read is the same for the next: each
 * loader's DataLoader takes its loader's share of these rows as its `cacheMap`, and so looks here
 * before it asks PostgreSQL and keeps here what it read (misses included).
 *
 * One LRU for all loaders, bounded by `maxRows` (a list counts as its length + 1; LOADER_CACHE_ROWS,
 * 50,000 by default: about 340 bytes an entry measured, so some 17 MiB). Each loader's
 * share is keyed by the loader's name, which is its key in the loader table (server/context.ts):
 * two loaders cannot share rows. A request reads the rows only when the version it started with
 * is the version they belong to; a new version drops them all at once.
 */
export class SharedRows {
  private version: string | null = null;
  private readonly entries: LRUCache<string, Entry>;

  constructor(maxRows = 50_000) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: maxRows,
      sizeCalculation: (entry) => (entry.settled && Array.isArray(entry.value) ? entry.value.length + 1 : 1),
    });
  }

  /** The version the rows belong to. */
  get currentVersion(): string | null {
    return this.version;
  }

  /** Called when the dataset version changes: the rows of the old version are dropped. */
  useVersion(version: string | null): void {
    if (version === this.version) return;
    this.version = version;
    this.entries.clear();
  }

  /** `loader`'s share, for a request of `version`; undefined when that is not the rows' version. */
  cacheFor(loader: string, version: string | null | undefined): SharedCache | undefined {
    if (!version || version !== this.version) return undefined;
    return new SharedCache(this.entries, `${loader}\u0000`);
  }

  /** Entries held over all loaders (a list is one entry). */
  get size(): number {
    return this.entries.size;
  }
}

/** One loader's share of the shared rows: a DataLoader cacheMap whose values can be read at once. */
export class SharedCache implements DataLoader.CacheMap<string, Promise<unknown>> {
  constructor(
    private readonly entries: LRUCache<string, Entry>,
    private readonly prefix: string,
  ) {}

  get(key: string): Promise<unknown> | undefined {
    return this.entries.get(this.prefix + key)?.promise;
  }

  set(key: string, promise: Promise<unknown>): void {
    const full = this.prefix + key;
    const entry: Entry = { promise, settled: false };
    this.entries.set(full, entry);
    promise.then(
      // Kept again once in, so that the LRU counts a list by its length.
      (value) =>
        this.entries.peek(full) === entry && this.entries.set(full, { promise, settled: true, value }),
      () => this.entries.peek(full) === entry && this.entries.delete(full),
    );
  }

  delete(key: string): void {
    this.entries.delete(this.prefix + key);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(this.prefix)) this.entries.delete(key);
  }

  /** The value for `key` when it is in hand (no promise to wait for), else undefined. */
  settled(key: string): { value: unknown } | undefined {
    const entry = this.entries.get(this.prefix + key);
    return entry?.settled ? { value: entry.value } : undefined;
  }

  /** Keeps a value read by another statement (e.g. a page that brought its states' assertions). */
  put(key: string, value: unknown): void {
    this.entries.set(this.prefix + key, { promise: Promise.resolve(value), settled: true, value });
  }

  /** Whether the share holds anything at all for this loader. */
  get holdsAny(): boolean {
    for (const key of this.entries.keys()) if (key.startsWith(this.prefix)) return true;
    return false;
  }

  has(key: string): boolean {
    return this.entries.has(this.prefix + key);
  }
}
