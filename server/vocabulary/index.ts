/**
 * The dataset's vocabulary: every closed list of words the data is written in, each word with
 * its meaning, declared once. Read by the dataset format, the ingest, the GraphQL enums and,
 * through the database, by filters, fields and counts.
 */
import crypto from "node:crypto";

import { ASSERTION_MEANINGS, type AssertionMeanings } from "./assertion-kinds";

export * from "./assertion-kinds";
export * from "./facts";
export * from "./report";
export * from "./words";

/**
 * A hash of what the ingest writes from the vocabulary (the assertion kinds' meanings): part of
 * every dataset version, so that a changed meaning reloads the data at the next start.
 */
export function vocabularyVersion(meanings: AssertionMeanings = ASSERTION_MEANINGS): string {
  return crypto.createHash("sha256").update(JSON.stringify(meanings)).digest("hex").slice(0, 16);
}
