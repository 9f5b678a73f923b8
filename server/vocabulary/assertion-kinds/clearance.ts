/** Meanings of the assertion kinds of clearance and risk reduction (Article 4). */
import type { AssertionMeaning } from "./meaning";

export const CLEARANCE_MEANINGS = {
  HAS_CLEARANCE_OBLIGATION: {
    theme: "CLEARANCE",
    description: "Has obligations under Article 4 (clearance of contaminated areas).",
    obligation: { article: 4, status: "OPERATIVE" },
    contamination: true,
    implementation: { link: "IN_SCOPE" },
  },
  AMONG_MOST_AFFECTED: {
    theme: "CLEARANCE",
    description: "Among the countries most heavily affected by cluster munitions in the world.",
    contamination: true,
  },
  COMPLETED_CLEARANCE: {
    theme: "CLEARANCE",
    description: "Completed clearance of all contaminated areas before entry into force.",
    obligation: { article: 4, status: "FULFILLED" },
    deadline: { rule: "CLEARANCE", effect: "MET" },
  },
  REPORTED_CLEARANCE_PROGRESS: {
    theme: "CLEARANCE",
    description: "Reported priorities and progress on clearance.",
    contamination: true,
    implementation: { link: "REPORTED" },
    deadline: { rule: "CLEARANCE", effect: "BEGUN" },
  },
  REPORTED_STEPS_ON_CONTAMINATION: {
    theme: "CLEARANCE",
    description: "Reported steps taken to address contamination.",
    contamination: true,
    implementation: { link: "REPORTED" },
  },
  REPORTED_CLEARANCE_METHODS: {
    theme: "CLEARANCE",
    description: "Reported methods applied for survey and clearance.",
    implementation: { link: "REPORTED" },
    deadline: { rule: "CLEARANCE", effect: "BEGUN" },
  },
  REPORTED_CONTAMINATED_AREAS: {
    theme: "CLEARANCE",
    description: "Gave the size and location of contaminated areas.",
    contamination: true,
    implementation: { link: "REPORTED" },
    deadline: { rule: "CLEARANCE", effect: "BEGUN" },
  },
  REPORTED_RISK_REDUCTION: {
    theme: "RISK_REDUCTION",
    description: "Reported risk reduction programmes for its population.",
    implementation: { link: "REPORTED", actions: [17] },
  },
  WARNED_POPULATION: {
    theme: "RISK_REDUCTION",
    description: "Reported steps to warn the population against the risk of cluster munitions.",
    implementation: { link: "REPORTED", actions: [17] },
  },
  GRANTED_CLEARANCE_EXTENSION: {
    theme: "CLEARANCE",
    description: "Was granted an extension of its clearance deadline (Article 4(5)).",
    deadline: { rule: "CLEARANCE", effect: "EXTENDED" },
  },
} as const satisfies Record<string, AssertionMeaning>;
