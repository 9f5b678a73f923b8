/**
 * What each kind of assertion means: the one declaration of the assertion kinds. The dataset
 * format takes its list of kinds from here; the ingest writes each meaning into the database
 * (assertion_kind.meaning), where filters, State fields and counts read it; the dataset version
 * hashes it, so that changing a meaning re-derives every fact at the next start.
 */
import type { DeadlineEffect, DeadlineRuleName } from "./deadlines";
import type { AssistanceKind, LegislationStatus, NeedArea, ObligationStatus, StockpileStatus } from "./facts";
import type { ImplementationLinkName } from "./implementation";
import type { Theme } from "./report";
import { defineWords, type WordOf } from "./words";

export interface AssertionMeaning {
  theme: WordOf<typeof Theme>;
  description: string;
  /**
   * The treaty obligation this assertion establishes, by article, and whether it is still
   * operative; `articles` instead of `article` when the report leaves the article open
   * ("obligations under Articles 3, 4 and/or 5").
   */
  obligation?:
    | { article: number; status: WordOf<typeof ObligationStatus> }
    | { articles: readonly number[]; status: WordOf<typeof ObligationStatus> };
  stockpile?: WordOf<typeof StockpileStatus>;
  need?: WordOf<typeof NeedArea>;
  assistance?: WordOf<typeof AssistanceKind>;
  legislation?: WordOf<typeof LegislationStatus>;
  /** True when the assertion says the state's territory holds cluster munition remnants. */
  contamination?: boolean;
  voluntaryReport?: boolean;
  /**
   * What the assertion says of the state's implementation of the Vientiane Action Plan actions
   * its finding concerns; `actions`, when given, are the only actions the report ties this
   * content to (a finding carries its whole sub-heading's range).
   */
  implementation?: { link: ImplementationLinkName; actions?: readonly number[] };
  /** What the assertion says about one of the state's deadlines. */
  deadline?: { rule: DeadlineRuleName; effect: WordOf<typeof DeadlineEffect> };
}

/** Every assertion kind's meaning. */
export const ASSERTION_MEANINGS = {
  PRESIDED_MEETING: {
    theme: "GENERAL",
    description: "Presided over a Meeting of States Parties.",
  },
  PREPARED_REPORT: {
    theme: "GENERAL",
    description: "Prepared the report as a Friend of the President.",
  },
  JOINED_SINCE_FIRST_MEETING: {
    theme: "UNIVERSALIZATION",
    description: "Ratified or acceded to the Convention since the First Meeting of States Parties.",
  },
  DECLARED_RATIFICATION_CLOSE: {
    theme: "UNIVERSALIZATION",
    description: "Declared that its ratification is close.",
  },
  INDICATED_RATIFICATION_IMMINENT: {
    theme: "UNIVERSALIZATION",
    description: "Indicated in outreach that ratification is imminent.",
  },
  PROMOTED_ADHERENCE: {
    theme: "UNIVERSALIZATION",
    description: "Reported actions to promote adherence to the Convention in international forums.",
    implementation: { link: "REPORTED" },
  },
  ENCOURAGED_STATES_NOT_PARTY: {
    theme: "UNIVERSALIZATION",
    description: "Reported encouraging States not Party to accede.",
    implementation: { link: "REPORTED" },
  },
  FUNDED_CIVIL_SOCIETY_ADVOCACY: {
    theme: "UNIVERSALIZATION",
    description: "Provides funding for civil society to advocate the Convention.",
    assistance: "CIVIL_SOCIETY_FUNDING",
    implementation: { link: "REPORTED" },
  },
  USED_CLUSTER_MUNITIONS: {
    theme: "UNIVERSALIZATION",
    description: "Used cluster munitions.",
  },
  CLUSTER_MUNITIONS_USED_ON_TERRITORY: {
    theme: "UNIVERSALIZATION",
    description: "Cluster munitions were used on its territory.",
  },
  CONSIDERING_ACCESSION: {
    theme: "UNIVERSALIZATION",
    description: "Stated it hopes to prepare for accession.",
  },
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
