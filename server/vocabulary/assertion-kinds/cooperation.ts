/** Meanings of the assertion kinds of cooperation and assistance, implementation support (Article 6). */
import type { AssertionMeaning } from "./meaning";

export const COOPERATION_MEANINGS = {
  HAS_OPERATIVE_OBLIGATIONS: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Reported to have obligations under Article 3, 4 and/or 5.",
    obligation: { articles: [3, 4, 5], status: "OPERATIVE" },
  },
  NEEDS_ASSISTANCE: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Reported a need for international cooperation and assistance.",
    need: "UNSPECIFIED",
    implementation: { link: "IN_SCOPE" },
  },
  NEEDS_ASSISTANCE_STOCKPILE_DESTRUCTION: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Reported assistance needs for stockpile destruction.",
    need: "STOCKPILE_DESTRUCTION",
    implementation: { link: "IN_SCOPE" },
  },
  NEEDS_ASSISTANCE_CLEARANCE_AND_RISK_REDUCTION: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Reported assistance needs for clearance and/or risk reduction.",
    need: "CLEARANCE_AND_RISK_REDUCTION",
    implementation: { link: "IN_SCOPE" },
  },
  NEEDS_ASSISTANCE_VICTIM_ASSISTANCE: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Reported assistance needs for victim assistance.",
    need: "VICTIM_ASSISTANCE",
    implementation: { link: "IN_SCOPE" },
  },
  PROVIDED_FUNDING: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Reported providing funding for international cooperation and assistance.",
    assistance: "FUNDING",
    implementation: { link: "REPORTED" },
  },
  RECEIVED_FUNDING: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Reported receiving dedicated funding for implementation.",
    assistance: "FUNDING_RECEIVED",
  },
  APPLIED_COOPERATION_ACTIONS: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Took steps in line with Actions #33-36 (plans, partners, communicating needs).",
    implementation: { link: "REPORTED" },
  },
  IDENTIFIED_EXPERIENCED_STATE_PARTY: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description:
      "Identified another State Party with practical experience relevant for its task (Action #35).",
    implementation: { link: "REPORTED", actions: [35] },
  },
  NO_NATIONAL_PLAN_YET: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Had not been able to develop a national plan yet.",
  },
  PROPOSED_IMPLEMENTATION_SUPPORT_UNIT: {
    theme: "IMPLEMENTATION_SUPPORT",
    description: "Presented a proposal on establishing an Implementation Support Unit.",
    implementation: { link: "REPORTED" },
  },
} as const satisfies Record<string, AssertionMeaning>;
