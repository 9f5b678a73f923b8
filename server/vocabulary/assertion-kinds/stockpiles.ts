/** Meanings of the assertion kinds of stockpile destruction and retention (Article 3). */
import type { AssertionMeaning } from "./meaning";

export const STOCKPILES_MEANINGS = {
  DECLARED_DESTRUCTION_OBLIGATION: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Declared an obligation to destroy stockpiled cluster munitions (Article 3).",
    obligation: { article: 3, status: "OPERATIVE" },
    stockpile: "EXISTING",
    implementation: { link: "IN_SCOPE" },
  },
  BEGAN_DESTRUCTION: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Has begun to destroy its stockpile.",
    stockpile: "DESTRUCTION_BEGUN",
    implementation: { link: "REPORTED", actions: [8] },
    deadline: { rule: "STOCKPILE_DESTRUCTION", effect: "BEGUN" },
  },
  PLANNING_DESTRUCTION: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Has a destruction plan in place or is developing one.",
    stockpile: "DESTRUCTION_PLANNED",
    implementation: { link: "REPORTED", actions: [8] },
    deadline: { rule: "STOCKPILE_DESTRUCTION", effect: "BEGUN" },
  },
  INITIATED_DESTRUCTION_TENDER: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Has initiated a tendering process for destruction.",
    stockpile: "DESTRUCTION_PLANNED",
    implementation: { link: "REPORTED", actions: [8] },
    deadline: { rule: "STOCKPILE_DESTRUCTION", effect: "BEGUN" },
  },
  COMPLETED_DESTRUCTION: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Declared the destruction of its stockpile completed.",
    obligation: { article: 3, status: "FULFILLED" },
    stockpile: "DESTRUCTION_COMPLETED",
    implementation: { link: "REPORTED", actions: [8] },
    deadline: { rule: "STOCKPILE_DESTRUCTION", effect: "MET" },
  },
  TOOK_DESTRUCTION_STEPS_ACTION_8: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Took concrete steps in line with Action #8 (destruction under way or completed).",
    implementation: { link: "REPORTED", actions: [8] },
    deadline: { rule: "STOCKPILE_DESTRUCTION", effect: "BEGUN" },
  },
  INDICATED_STOCKPILE_ASSISTANCE_REQUIRED: {
    theme: "STOCKPILE_DESTRUCTION",
    description:
      "Indicated that assistance will be required to meet its stockpile destruction obligation (Action #9).",
    need: "STOCKPILE_DESTRUCTION",
    implementation: { link: "REPORTED", actions: [9] },
  },
  GRANTED_DESTRUCTION_EXTENSION: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Was granted an extension of its stockpile destruction deadline (Article 3(3)-(4)).",
    deadline: { rule: "STOCKPILE_DESTRUCTION", effect: "EXTENDED" },
  },
  DECLARED_STOCKPILE: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Declared or indicated that it possesses stockpiles that will have to be destroyed.",
    obligation: { article: 3, status: "OPERATIVE" },
    stockpile: "EXISTING",
    implementation: { link: "IN_SCOPE" },
  },
  HAS_PREVIOUS_STOCKPILE: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Is reported to have had stockpiles previously.",
    stockpile: "PREVIOUS",
  },
  HAS_EXISTING_STOCKPILE: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Is reported to have existing stockpiles.",
    stockpile: "EXISTING",
  },
  REPORTED_STOCKPILE_QUANTITIES: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Reported the number of cluster munitions stockpiled.",
    stockpile: "QUANTITIES_REPORTED",
    implementation: { link: "IN_SCOPE" },
  },
  USED_LOW_COST_DESTRUCTION: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Benefitted from a low-cost on-site destruction process.",
    implementation: { link: "REPORTED", actions: [8] },
    deadline: { rule: "STOCKPILE_DESTRUCTION", effect: "BEGUN" },
  },
  WILL_COMPLETE_DESTRUCTION_EARLY: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Indicated it will finish destruction well before its deadline.",
    implementation: { link: "REPORTED", actions: [8] },
  },
  READY_TO_ASSIST_STOCKPILE_DESTRUCTION: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Ready to provide assistance on stockpile destruction to other states.",
    assistance: "STOCKPILE_DESTRUCTION_SUPPORT_OFFERED",
  },
  READY_TO_SHARE_DESTRUCTION_EXPERTISE: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Ready to share knowledge and experience on stockpile destruction.",
    assistance: "EXPERTISE_OFFERED",
  },
  RECEIVED_DESTRUCTION_TECHNICAL_ASSISTANCE: {
    theme: "STOCKPILE_DESTRUCTION",
    description: "Received technical assistance to destroy cluster munitions.",
    assistance: "TECHNICAL_ASSISTANCE_RECEIVED",
  },
  IDENTIFIED_DESTRUCTION_PARTNER: {
    theme: "COOPERATION_AND_ASSISTANCE",
    description: "Identified a partner for the destruction of its stockpile.",
    implementation: { link: "REPORTED" },
  },
  RETAINS_CLUSTER_MUNITIONS: {
    theme: "RETENTION",
    description: "Retains cluster munitions for permitted purposes (Article 3.6).",
    stockpile: "RETAINED",
  },
  REPORTED_RETAINED_TYPES: {
    theme: "RETENTION",
    description: "Reported the types of retained cluster munitions.",
  },
  REPORTED_RETAINED_QUANTITIES: {
    theme: "RETENTION",
    description: "Reported the quantities of retained cluster munitions.",
    stockpile: "RETAINED_QUANTITIES_REPORTED",
  },
  DETERMINING_RETAINED_QUANTITIES: {
    theme: "RETENTION",
    description: "Is determining the quantities it retains.",
  },
  REPORTED_RETAINED_CONSUMPTION: {
    theme: "RETENTION",
    description: "Reported consumption of retained munitions for training.",
  },
  RETAINS_INERT_ITEMS_ONLY: {
    theme: "RETENTION",
    description: "Retains only items free from explosives, which are not cluster munitions.",
    stockpile: "RETAINED_INERT_ONLY",
  },
} as const satisfies Record<string, AssertionMeaning>;
