/** The words a report's findings, discrepancies and organisations are described in. */
import { defineWords } from "./words";

export const Group = defineWords(
  "Group",
  "The group of states a finding speaks of, as the report words it.",
  {
    STATES_PARTIES: "The report speaks of States Parties.",
    SIGNATORIES: "The report speaks of signatories (states that signed but had not ratified).",
    STATES_NOT_PARTY: "The report speaks of States not Party.",
    STATES: 'The report says "states": States Parties, signatories and States not Party alike (paragraph 2).',
    MIXED: 'One list naming members of several groups, e.g. "one State Party and one signatory".',
    NONE: "A figure about no group of states (submunitions destroyed, territories).",
  },
);

export const Theme = defineWords(
  "Theme",
  "The thematic area of the Vientiane Action Plan a finding, action or section belongs to.",
  {
    UNIVERSALIZATION: "Joining the Convention and promoting its norms (Actions #1-7).",
    STOCKPILE_DESTRUCTION: "Destroying stockpiled cluster munitions (Article 3, Actions #8-9).",
    RETENTION: "Cluster munitions retained for permitted purposes (Article 3.6-3.8).",
    CLEARANCE: "Clearing contaminated land (Article 4, Actions #10-16, #18-19).",
    RISK_REDUCTION: "Risk reduction education for affected populations (Action #17).",
    VICTIM_ASSISTANCE: "Assistance to cluster munition victims (Article 5, Actions #20-31).",
    COOPERATION_AND_ASSISTANCE: "International cooperation and assistance (Article 6, Actions #32-42).",
    TRANSPARENCY: "Transparency reports (Article 7).",
    NATIONAL_IMPLEMENTATION: "National implementation measures and legislation (Article 9).",
    IMPLEMENTATION_SUPPORT: "How the Convention's work is organised and supported.",
    COMPLIANCE: "Compliance with the Convention (Article 8).",
    PARTNERSHIPS: "Partnerships between states, civil society and organisations.",
    GENERAL: "About the report itself or the Convention as a whole.",
  },
);

export const DiscrepancyKind = defineWords(
  "DiscrepancyKind",
  "How the report disagrees with itself or with the depositary record.",
  {
    COUNT_MISMATCH: "The count the report states differs from the number of states it lists.",
    STATUS_CONFLICT: "The report gives one state two different statuses.",
    DEPOSITARY_CONFLICT: "The report's status for a state contradicts the UN depositary record.",
    CROSS_REFERENCE_MISMATCH: "Two figures or lists of the report that should agree do not.",
    SUMMARY_CONTRADICTED:
      'Summary wording ("all", "none", "most", a number) that the lists and footnotes it summarises contradict.',
    SUMMARY_NOT_BORNE_OUT:
      "Summary wording that the report's own lists and footnotes do not bear out (they support it only in part).",
    MISPRINT:
      "A misprint in the source, kept verbatim and flagged (a stray character, a wrong word or name).",
    PARTIAL_LIST: 'A list the report marks as partial ("i.a.", "inter alia", "including", "such as").',
    DEADLINE_MISMATCH:
      "A figure the report gives about deadlines differs from what the Convention's rules give from the depositary dates (the computation is shown).",
  },
);

export const OrganisationKind = defineWords(
  "OrganisationKind",
  "What kind of body an organisation named in the report is.",
  {
    INTERNATIONAL_ORGANISATION: "An international organisation such as the ICRC or the GICHD.",
    CIVIL_SOCIETY: "A civil society organisation or coalition.",
    UNITED_NATIONS: "The United Nations or one of its bodies.",
    REGIONAL_ORGANISATION: "A regional organisation such as the European Union.",
    CONVENTION_OFFICE: "An office of the Convention: the President or a thematic Friend of the President.",
  },
);
