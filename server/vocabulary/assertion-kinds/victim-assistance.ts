/** Meanings of the assertion kinds of victim assistance (Article 5). */
import type { AssertionMeaning } from "./meaning";

export const VICTIM_ASSISTANCE_MEANINGS = {
  HAS_VICTIM_ASSISTANCE_OBLIGATION: {
    theme: "VICTIM_ASSISTANCE",
    description: "Has obligations under Article 5(1) (assistance to cluster munition victims).",
    obligation: { article: 5, status: "OPERATIVE" },
    implementation: { link: "IN_SCOPE" },
  },
  AMONG_WORST_AFFECTED_BY_VICTIMS: {
    theme: "VICTIM_ASSISTANCE",
    description: "Among the worst affected, responsible for the care of several thousand victims.",
  },
  ESTABLISHED_VICTIM_ASSISTANCE_COORDINATION: {
    theme: "VICTIM_ASSISTANCE",
    description: "Established a coordinating mechanism for victim assistance (Action #21).",
    implementation: { link: "REPORTED", actions: [21] },
  },
  INTEGRATED_VICTIM_ASSISTANCE_COORDINATION: {
    theme: "VICTIM_ASSISTANCE",
    description: "Integrated victim assistance into existing coordination mechanisms (Action #23).",
    implementation: { link: "REPORTED", actions: [23] },
  },
  STARTED_VICTIM_DATA_COLLECTION: {
    theme: "VICTIM_ASSISTANCE",
    description: "Started data collection on victims (Action #22).",
    implementation: { link: "REPORTED", actions: [22] },
  },
  DEVELOPED_VICTIM_ASSISTANCE_PLANS: {
    theme: "VICTIM_ASSISTANCE",
    description: "Developed or adapted victim assistance plans and budgets (Action #24).",
    implementation: { link: "REPORTED", actions: [24] },
  },
  REVIEWED_NATIONAL_PLANS_AND_POLICIES: {
    theme: "VICTIM_ASSISTANCE",
    description: "Reviewed national plans and policies for victim assistance (Action #26).",
    implementation: { link: "REPORTED", actions: [26] },
  },
  COOPERATES_WITH_SURVIVORS: {
    theme: "VICTIM_ASSISTANCE",
    description: "Reported close cooperation with survivors and their organisations.",
    implementation: { link: "REPORTED" },
  },
} as const satisfies Record<string, AssertionMeaning>;
