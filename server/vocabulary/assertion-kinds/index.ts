/**
 * What each kind of assertion means: the one declaration of the assertion kinds. The dataset
 * format takes its list of kinds from here; the ingest writes each meaning into the database
 * (assertion_kind.meaning), where filters, State fields and counts read it; the dataset version
 * hashes it, so that changing a meaning re-derives every fact at the next start.
 */
import { defineWords } from "../words";
import { GENERAL_MEANINGS } from "./general";
import { STOCKPILES_MEANINGS } from "./stockpiles";
import { CLEARANCE_MEANINGS } from "./clearance";
import { VICTIM_ASSISTANCE_MEANINGS } from "./victim-assistance";
import { COOPERATION_MEANINGS } from "./cooperation";
import { TRANSPARENCY_AND_LEGISLATION_MEANINGS } from "./transparency-and-legislation";
import type { AssertionMeaning } from "./meaning";

export type { AssertionMeaning } from "./meaning";

/** Every assertion kind's meaning, in the order of the report's themes (the enum's order). */
export const ASSERTION_MEANINGS = {
  ...GENERAL_MEANINGS,
  ...STOCKPILES_MEANINGS,
  ...CLEARANCE_MEANINGS,
  ...VICTIM_ASSISTANCE_MEANINGS,
  ...COOPERATION_MEANINGS,
  ...TRANSPARENCY_AND_LEGISLATION_MEANINGS,
} as const satisfies Record<string, AssertionMeaning>;

export type AssertionKindName = keyof typeof ASSERTION_MEANINGS;
export type AssertionMeanings = Record<AssertionKindName, AssertionMeaning>;

export const AssertionKind = defineWords(
  "AssertionKind",
  "What a finding asserts about one state, in typed form.",
  Object.fromEntries(Object.entries(ASSERTION_MEANINGS).map(([kind, m]) => [kind, m.description])) as Record<
    AssertionKindName,
    string
  >,
);

/** What the database keeps of a meaning beside its theme and description: the facts it feeds. */
export function factsOfMeaning(meaning: AssertionMeaning): Omit<AssertionMeaning, "theme" | "description"> {
  const { theme: _theme, description: _description, ...facts } = meaning;
  return facts;
}
