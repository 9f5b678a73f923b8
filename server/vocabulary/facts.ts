/**
 * The facts a state can have, derived from what the report asserts about it. A fact is never
 * stored on its own: it is the set of a state's assertions whose kind means it (./assertion-kinds/),
 * so every fact keeps the findings, paragraphs and footnotes behind it.
 */
import { defineWords, type WordOf } from "./words";

export const ObligationStatus = defineWords(
  "ObligationStatus",
  "Whether a treaty obligation is still to be met.",
  {
    OPERATIVE: "The report says the state has the obligation (e.g. stockpiles to destroy, land to clear).",
    FULFILLED: "The report says the state has completed what the obligation requires.",
  },
);

export const StockpileStatus = defineWords(
  "StockpileStatus",
  "What the report says about a state's cluster munition stockpiles.",
  {
    EXISTING: "Has stockpiles that will have to be destroyed (declared or reported).",
    PREVIOUS: "Is reported to have had stockpiles previously.",
    DESTRUCTION_PLANNED: "Has a destruction plan, is developing one, or has started a tender.",
    DESTRUCTION_BEGUN: "Has begun to destroy its stockpiles.",
    DESTRUCTION_COMPLETED: "Declared the destruction of its stockpiles completed.",
    QUANTITIES_REPORTED: "Reported the number of cluster munitions stockpiled.",
    RETAINED: "Retains cluster munitions for permitted purposes (training, detection, counter-measures).",
    RETAINED_QUANTITIES_REPORTED: "Retains cluster munitions and reported the quantities.",
    RETAINED_INERT_ONLY: "Retains only items free from explosives, which are not cluster munitions.",
  },
);

export const NeedArea = defineWords(
  "NeedArea",
  "The area in which a state reported needing international assistance (Article 6).",
  {
    STOCKPILE_DESTRUCTION: "Assistance to destroy stockpiles (Article 3).",
    CLEARANCE_AND_RISK_REDUCTION: "Assistance for clearance and/or risk reduction (Article 4).",
    VICTIM_ASSISTANCE: "Assistance for victim assistance (Article 5).",
    UNSPECIFIED: '"Some sort of international cooperation and assistance", area not given.',
  },
);

export const AssistanceKind = defineWords(
  "AssistanceKind",
  "Assistance a state reported giving (or receiving).",
  {
    FUNDING: "Provided funding for international cooperation and assistance.",
    CIVIL_SOCIETY_FUNDING: "Funds civil society to advocate the Convention.",
    STOCKPILE_DESTRUCTION_SUPPORT_OFFERED: "Ready to provide assistance on stockpile destruction.",
    EXPERTISE_OFFERED: "Ready to share knowledge and experience on stockpile destruction.",
    FUNDING_RECEIVED: "Received dedicated funding for implementation (a recipient, not a provider).",
    TECHNICAL_ASSISTANCE_RECEIVED: "Received technical assistance to destroy cluster munitions.",
  },
);

/** Assistance a state receives, as opposed to assistance it gives. */
export const RECEIVED_ASSISTANCE: readonly WordOf<typeof AssistanceKind>[] = [
  "FUNDING_RECEIVED",
  "TECHNICAL_ASSISTANCE_RECEIVED",
];
export const PROVIDED_ASSISTANCE = AssistanceKind.values.filter(
  (kind) => !RECEIVED_ASSISTANCE.includes(kind),
);

export const LegislationStatus = defineWords(
  "LegislationStatus",
  "What the report says about a state's national implementation legislation (Article 9).",
  {
    SPECIFIC_LEGISLATION: "Has a specific cluster munitions law.",
    EXISTING_LEGISLATION_ADEQUATE: "Reported that its existing legislation is adequate.",
    ADOPTED_OR_SUFFICIENT:
      "Adopted legislation or considers existing legislation sufficient (the union of the two above).",
    IN_PROGRESS: "In the process of adopting legislation.",
  },
);

/**
 * The facts that take one value from a list of words, each grouped by `stateCounts` under its own
 * dimension. The key is the meaning's property (./assertion-kinds/) and the JSON key stored
 * for each assertion kind in the database (assertion_kind.meaning).
 */
export const WORD_FACTS = {
  stockpile: {
    words: StockpileStatus,
    countDimension: "STOCKPILE_STATUS",
    countDescription: "Stockpile status; a state counts once per status.",
  },
  need: {
    words: NeedArea,
    countDimension: "NEED_AREA",
    countDescription: "Area of reported assistance need.",
  },
  assistance: {
    words: AssistanceKind,
    countDimension: "ASSISTANCE_PROVIDED",
    countDescription: "Kind of assistance reported given or received.",
  },
  legislation: {
    words: LegislationStatus,
    countDimension: "LEGISLATION_STATUS",
    countDescription: "Legislation status (Article 9).",
  },
} as const;
export type WordFact = keyof typeof WORD_FACTS;
