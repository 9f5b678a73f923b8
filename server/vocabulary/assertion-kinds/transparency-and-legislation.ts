/** Meanings of the assertion kinds of transparency reports and national implementation measures (Articles 7 and 9). */
import type { AssertionMeaning } from "./meaning";

export const TRANSPARENCY_AND_LEGISLATION_MEANINGS = {
  SUBMITTED_VOLUNTARY_REPORT: {
    theme: "TRANSPARENCY",
    description: "Submitted a transparency report on a voluntary basis.",
    voluntaryReport: true,
  },
  SUBMITTED_INITIAL_REPORT: {
    theme: "TRANSPARENCY",
    description:
      "Submitted its initial Article 7 transparency report (the report cites what it declared there).",
    deadline: { rule: "INITIAL_REPORT", effect: "MET" },
  },
  ADOPTED_OR_DEEMS_LEGISLATION_SUFFICIENT: {
    theme: "NATIONAL_IMPLEMENTATION",
    description: "Adopted legislation or considers existing legislation sufficient (Article 9).",
    legislation: "ADOPTED_OR_SUFFICIENT",
    implementation: { link: "REPORTED", actions: [63] },
  },
  ADOPTED_SPECIFIC_LEGISLATION: {
    theme: "NATIONAL_IMPLEMENTATION",
    description: "Has a specific cluster munitions law.",
    legislation: "SPECIFIC_LEGISLATION",
    implementation: { link: "REPORTED", actions: [63] },
  },
  EXISTING_LEGISLATION_ADEQUATE: {
    theme: "NATIONAL_IMPLEMENTATION",
    description: "Reported that its existing legislation is adequate.",
    legislation: "EXISTING_LEGISLATION_ADEQUATE",
    implementation: { link: "REPORTED", actions: [63] },
  },
  LEGISLATION_IN_PROGRESS: {
    theme: "NATIONAL_IMPLEMENTATION",
    description: "In the process of adopting legislation.",
    legislation: "IN_PROGRESS",
    implementation: { link: "REPORTED", actions: [63] },
  },
  INFORMED_STATE_AGENCIES: {
    theme: "NATIONAL_IMPLEMENTATION",
    description: "Informed other state agencies of the Convention's prohibitions (Action #65).",
    implementation: { link: "REPORTED", actions: [65] },
  },
} as const satisfies Record<string, AssertionMeaning>;
