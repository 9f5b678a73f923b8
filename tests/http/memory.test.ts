/**
 * Memory stays bounded whatever clients send: the caches the server keeps are capped, and the
 * caps are settings (DOCUMENT_CACHE_MB, RESPONSE_CACHE_MB; README, Configuration).
 */
import { parse } from "graphql";

import { documentStore } from "../../server/http/documents";

/** A query document exactly `length` characters long. */
function documentOf(name: string, length: number) {
  const text = `{ ${name}: __typename }`;
  return parse(text.padEnd(length - 1, " ") + " ");
}

describe("Can a client grow the server's cache of parsed documents without end?", () => {
  it("keeps documents up to the cap, counting each by its length (90 bytes of heap a character), and drops the oldest", async () => {
    const store = documentStore(3 * 100 * 90); // room for three 100-character documents
    for (const name of ["a", "b", "c", "d"]) await store.set(name, documentOf(name, 100));
    expect(await store.get("a")).toBeUndefined();
    for (const name of ["b", "c", "d"]) expect(await store.get(name)).toBeDefined();
  });

  it("does not keep a document larger than the whole cap", async () => {
    const store = documentStore(100 * 90);
    await store.set("big", documentOf("big", 101));
    expect(await store.get("big")).toBeUndefined();
  });
});
