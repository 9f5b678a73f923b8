import { LRUCache } from "lru-cache";

/** One loader's rows: a value per key ("reportId|key"), wrapped so that null and [] are kept too. */
export type RowStore = LRUCache<string, { value: unknown }>;

/**
 * Loader results shared by every request of one dataset version. The data only changes on
 * ingest, so the paragraph, footnote or finding one request read is the same for the next: the
 * per-request DataLoaders look here before they ask PostgreSQL, and put what they read here.
 *
 * A request reads it only when the version it started with is the version the rows belong to;
 * when the server learns of a new version (an ingest's notification, or the poll) every row goes
 * at once. Requests must not change what loaders return (they build their own objects from it).
 */
export class SharedRows {
  private version: string | null = null;
  private readonly stores = new Map<string, RowStore>();

  /** `maxRows` bounds each loader's store, counting a list as its length (+1). */
  constructor(private readonly maxRows = 200_000) {}

  /** The version the rows belong to. */
  get currentVersion(): string | null {
    return this.version;
  }

  /** Called when the dataset version changes: the rows of the old version are dropped. */
  useVersion(version: string | null): void {
    if (version === this.version) return;
    this.version = version;
    this.stores.clear();
  }

  /** `loader`'s store for a request of `version`, or undefined when that is not the rows' version. */
  storeFor(loader: string, version: string | null | undefined): RowStore | undefined {
    if (!version || version !== this.version) return undefined;
    let store = this.stores.get(loader);
    if (!store) {
      store = new LRUCache<string, { value: unknown }>({
        maxSize: this.maxRows,
        sizeCalculation: ({ value }) => (Array.isArray(value) ? value.length + 1 : 1),
      });
      this.stores.set(loader, store);
    }
    return store;
  }

  /** Entries held over all loaders (a list is one entry), for tests. */
  get size(): number {
    let rows = 0;
    for (const store of this.stores.values()) rows += store.size;
    return rows;
  }
}
