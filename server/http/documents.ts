/**
 * The query documents the server keeps: Apollo's store of parsed and validated documents, and
 * the persisted queries (APQ and the SDK's catalogue).
 */
import fs from "node:fs";
import path from "node:path";

import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode } from "graphql";

import { PROJECT_ROOT } from "../config";

/**
 * Heap a parsed query document takes per character of its text, measured: 1,500 distinct
 * 693-character documents held 61 KB each (the AST keeps every token through its locations).
 * Apollo's own cache counts a document's JSON (14 KB for those), a quarter of what it holds.
 */
export const DOCUMENT_HEAP_BYTES_PER_CHARACTER = 90;

/**
 * Apollo's cache of parsed and validated documents, bounded by the heap it takes: a client that
 * sends ever new documents (within MAX_DOCUMENT_LENGTH each) cannot grow it past `maxBytes`.
 */
export function documentStore(maxBytes: number): KeyValueCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({
    maxSize: maxBytes,
    sizeCalculation: (document) => Math.max(1, (document.loc?.end ?? 0) * DOCUMENT_HEAP_BYTES_PER_CHARACTER),
  });
}

const PERSISTED_OPERATIONS = path.join(PROJECT_ROOT, "sdk", "generated", "persisted-operations.json");

/**
 * The APQ store: automatic persisted queries that clients register at run time, plus the SDK's
 * catalogue, which is known by hash from the start (sdk/generated/persisted-operations.json).
 */
export function persistedQueryStore(): KeyValueCache<string> {
  const manifest: Record<string, string> = fs.existsSync(PERSISTED_OPERATIONS)
    ? JSON.parse(fs.readFileSync(PERSISTED_OPERATIONS, "utf8"))
    : {};
  const registered = new InMemoryLRUCache<string>({ maxSize: 5 * 1024 * 1024 });
  return {
    // Apollo prefixes APQ keys with "apq:".
    get: async (key) => {
      const hash = key.replace(/^apq:/, "");
      // Own keys only: "__proto__" or "constructor" must not reach Object's prototype.
      return Object.hasOwn(manifest, hash) ? manifest[hash] : registered.get(key);
    },
    set: (key, value, options) => registered.set(key, value, options),
    delete: (key) => registered.delete(key),
  };
}
