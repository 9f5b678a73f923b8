/**
 * The dataset's vocabulary: every closed list of words the data is written in, each word with
 * its meaning, declared once. Read by the dataset format, the ingest, the GraphQL enums and,
 * through the database, by filters, fields and counts.
 */
import crypto from "node:crypto";

import { ASSERTION_MEANINGS, type AssertionMeanings } from "./assertion-kinds";
import { DEADLINE_RULES, FIRST_ENTRY_INTO_FORCE, THIRTIETH_DEPOSIT } from "./deadlines";
import { ARTICLE_OF_THEME } from "./implementation";

export * from "./assertion-kinds";
export * from "./deadlines";
export * from "./facts";
export * from "./implementation";
export * from "./report";
export * from "./words";

/**
 * A hash of what the ingest derives from the vocabulary (the assertion kinds' meanings, the
 * deadline rules, the article of each theme's actions): part of every dataset version, so that
 * a changed meaning or rule reloads the data at the next start.
 */
export function vocabularyVersion(meanings: AssertionMeanings = ASSERTION_MEANINGS): string {
  return crypto
    .createHash("sha256")
    .update(
      JSON.stringify([meanings, DEADLINE_RULES, ARTICLE_OF_THEME, FIRST_ENTRY_INTO_FORCE, THIRTIETH_DEPOSIT]),
    )
    .digest("hex")
    .slice(0, 16);
}
