import { registerEnumType } from "type-graphql";

import { ASSERTION_KINDS, DISCREPANCY_KINDS, GROUPS, ORGANISATION_KINDS, THEMES } from "../data/format";
import {
  ASSERTION_MEANINGS,
  ASSISTANCE_KINDS,
  LEGISLATION_STATUSES,
  NEED_AREAS,
  OBLIGATION_STATUSES,
  STOCKPILE_STATUSES,
} from "./facts";

/** Builds a GraphQL enum object (NAME -> "NAME") from a list of names. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const TreatyStatus = enumOf(["STATE_PARTY", "SIGNATORY", "NOT_PARTY"] as const);
export type TreatyStatus = keyof typeof TreatyStatus;
registerEnumType(TreatyStatus, {
  name: "TreatyStatus",
  description:
    "A state's relation to the Convention on a given date, derived from the UN depositary dates (signature, ratification or accession, withdrawal).",
  valuesConfig: {
    STATE_PARTY: {
      description:
        "Had deposited its instrument of ratification, acceptance, approval or accession on or before the date (the report counts these as States Parties even before entry into force for them), and had not withdrawn.",
    },
    SIGNATORY: { description: "Had signed but not yet ratified on the date." },
    NOT_PARTY: { description: "Had neither signed nor joined on the date, or had withdrawn." },
  },
});

export const Group = enumOf(GROUPS);
export type Group = keyof typeof Group;
registerEnumType(Group, {
  name: "Group",
  description: "The group of states a finding speaks of, as the report words it.",
  valuesConfig: {
    STATES_PARTIES: { description: "The report speaks of States Parties." },
    SIGNATORIES: {
      description: "The report speaks of signatories (states that signed but had not ratified).",
    },
    STATES_NOT_PARTY: { description: "The report speaks of States not Party." },
    STATES: {
      description:
        'The report says "states": States Parties, signatories and States not Party alike (paragraph 2).',
    },
    MIXED: {
      description: 'One list naming members of several groups, e.g. "one State Party and one signatory".',
    },
    NONE: { description: "A figure about no group of states (submunitions destroyed, territories)." },
  },
});

export const Theme = enumOf(THEMES);
export type Theme = keyof typeof Theme;
registerEnumType(Theme, {
  name: "Theme",
  description: "The thematic area of the Vientiane Action Plan a finding, action or section belongs to.",
  valuesConfig: {
    UNIVERSALIZATION: { description: "Joining the Convention and promoting its norms (Actions #1-7)." },
    STOCKPILE_DESTRUCTION: {
      description: "Destroying stockpiled cluster munitions (Article 3, Actions #8-9).",
    },
    RETENTION: { description: "Cluster munitions retained for permitted purposes (Article 3.6-3.8)." },
    CLEARANCE: { description: "Clearing contaminated land (Article 4, Actions #10-16, #18-19)." },
    RISK_REDUCTION: { description: "Risk reduction education for affected populations (Action #17)." },
    VICTIM_ASSISTANCE: { description: "Assistance to cluster munition victims (Article 5, Actions #20-31)." },
    COOPERATION_AND_ASSISTANCE: {
      description: "International cooperation and assistance (Article 6, Actions #32-42).",
    },
    TRANSPARENCY: { description: "Transparency reports (Article 7)." },
    NATIONAL_IMPLEMENTATION: { description: "National implementation measures and legislation (Article 9)." },
    IMPLEMENTATION_SUPPORT: { description: "How the Convention's work is organised and supported." },
    COMPLIANCE: { description: "Compliance with the Convention (Article 8)." },
    PARTNERSHIPS: { description: "Partnerships between states, civil society and organisations." },
    GENERAL: { description: "About the report itself or the Convention as a whole." },
  },
});

export const AssertionKind = enumOf(ASSERTION_KINDS);
export type AssertionKind = keyof typeof AssertionKind;
registerEnumType(AssertionKind, {
  name: "AssertionKind",
  description: "What a finding asserts about one state, in typed form.",
  valuesConfig: Object.fromEntries(
    ASSERTION_KINDS.map((kind) => [kind, { description: ASSERTION_MEANINGS[kind].description }]),
  ),
});

export const DiscrepancyKind = enumOf(DISCREPANCY_KINDS);
export type DiscrepancyKind = keyof typeof DiscrepancyKind;
registerEnumType(DiscrepancyKind, {
  name: "DiscrepancyKind",
  description: "How the report disagrees with itself or with the depositary record.",
  valuesConfig: {
    COUNT_MISMATCH: {
      description: "The count the report states differs from the number of states it lists.",
    },
    STATUS_CONFLICT: { description: "The report gives one state two different statuses." },
    DEPOSITARY_CONFLICT: {
      description: "The report's status for a state contradicts the UN depositary record.",
    },
    CROSS_REFERENCE_MISMATCH: { description: "Two figures or lists of the report that should agree do not." },
  },
});

export const OrganisationKind = enumOf(ORGANISATION_KINDS);
export type OrganisationKind = keyof typeof OrganisationKind;
registerEnumType(OrganisationKind, {
  name: "OrganisationKind",
  description: "What kind of body an organisation named in the report is.",
  valuesConfig: {
    INTERNATIONAL_ORGANISATION: {
      description: "An international organisation such as the ICRC or the GICHD.",
    },
    CIVIL_SOCIETY: { description: "A civil society organisation or coalition." },
    UNITED_NATIONS: { description: "The United Nations or one of its bodies." },
    REGIONAL_ORGANISATION: { description: "A regional organisation such as the European Union." },
    CONVENTION_OFFICE: {
      description: "An office of the Convention: the President or a thematic Friend of the President.",
    },
  },
});

export const ObligationStatus = enumOf(OBLIGATION_STATUSES);
export type ObligationStatus = keyof typeof ObligationStatus;
registerEnumType(ObligationStatus, {
  name: "ObligationStatus",
  description: "Whether a treaty obligation is still to be met.",
  valuesConfig: {
    OPERATIVE: {
      description:
        "The report says the state has the obligation (e.g. stockpiles to destroy, land to clear).",
    },
    FULFILLED: { description: "The report says the state has completed what the obligation requires." },
  },
});

export const StockpileStatus = enumOf(STOCKPILE_STATUSES);
export type StockpileStatus = keyof typeof StockpileStatus;
registerEnumType(StockpileStatus, {
  name: "StockpileStatus",
  description: "What the report says about a state's cluster munition stockpiles.",
  valuesConfig: {
    EXISTING: { description: "Has stockpiles that will have to be destroyed (declared or reported)." },
    PREVIOUS: { description: "Is reported to have had stockpiles previously." },
    DESTRUCTION_PLANNED: {
      description: "Has a destruction plan, is developing one, or has started a tender.",
    },
    DESTRUCTION_BEGUN: { description: "Has begun to destroy its stockpiles." },
    DESTRUCTION_COMPLETED: { description: "Declared the destruction of its stockpiles completed." },
    QUANTITIES_REPORTED: { description: "Reported the number of cluster munitions stockpiled." },
    RETAINED: {
      description:
        "Retains cluster munitions for permitted purposes (training, detection, counter-measures).",
    },
    RETAINED_QUANTITIES_REPORTED: { description: "Retains cluster munitions and reported the quantities." },
    RETAINED_INERT_ONLY: {
      description: "Retains only items free from explosives, which are not cluster munitions.",
    },
  },
});

export const NeedArea = enumOf(NEED_AREAS);
export type NeedArea = keyof typeof NeedArea;
registerEnumType(NeedArea, {
  name: "NeedArea",
  description: "The area in which a state reported needing international assistance (Article 6).",
  valuesConfig: {
    STOCKPILE_DESTRUCTION: { description: "Assistance to destroy stockpiles (Article 3)." },
    CLEARANCE_AND_RISK_REDUCTION: {
      description: "Assistance for clearance and/or risk reduction (Article 4).",
    },
    VICTIM_ASSISTANCE: { description: "Assistance for victim assistance (Article 5)." },
    UNSPECIFIED: { description: '"Some sort of international cooperation and assistance", area not given.' },
  },
});

export const AssistanceKind = enumOf(ASSISTANCE_KINDS);
export type AssistanceKind = keyof typeof AssistanceKind;
registerEnumType(AssistanceKind, {
  name: "AssistanceKind",
  description: "Assistance a state reported giving (or receiving).",
  valuesConfig: {
    FUNDING: { description: "Provided funding for international cooperation and assistance." },
    CIVIL_SOCIETY_FUNDING: { description: "Funds civil society to advocate the Convention." },
    STOCKPILE_DESTRUCTION_SUPPORT_OFFERED: {
      description: "Ready to provide assistance on stockpile destruction.",
    },
    EXPERTISE_OFFERED: { description: "Ready to share knowledge and experience on stockpile destruction." },
    FUNDING_RECEIVED: {
      description: "Received dedicated funding for implementation (a recipient, not a provider).",
    },
    TECHNICAL_ASSISTANCE_RECEIVED: {
      description: "Received technical assistance to destroy cluster munitions.",
    },
  },
});

export const LegislationStatus = enumOf(LEGISLATION_STATUSES);
export type LegislationStatus = keyof typeof LegislationStatus;
registerEnumType(LegislationStatus, {
  name: "LegislationStatus",
  description: "What the report says about a state's national implementation legislation (Article 9).",
  valuesConfig: {
    SPECIFIC_LEGISLATION: { description: "Has a specific cluster munitions law." },
    EXISTING_LEGISLATION_ADEQUATE: { description: "Reported that its existing legislation is adequate." },
    ADOPTED_OR_SUFFICIENT: {
      description:
        "Adopted legislation or considers existing legislation sufficient (the union of the two above).",
    },
    IN_PROGRESS: { description: "In the process of adopting legislation." },
  },
});

export const SortDirection = enumOf(["ASC", "DESC"] as const);
export type SortDirection = keyof typeof SortDirection;
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Ascending or descending order.",
  valuesConfig: {
    ASC: { description: "Ascending: A to Z, smallest first." },
    DESC: { description: "Descending: Z to A, largest first." },
  },
});
