/** Meanings of the assertion kinds of the report's general findings and of universalization. */
import type { AssertionMeaning } from "./meaning";

export const GENERAL_MEANINGS = {
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
} as const satisfies Record<string, AssertionMeaning>;
