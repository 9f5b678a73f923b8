/** How the report links a state to an action of the Vientiane Action Plan. */
import { defineWords, type WordOf } from "./words";

export const ImplementationLink = defineWords(
  "ImplementationLink",
  "How the report links a state to a Vientiane Action Plan action. When several links hold, the strongest is the cell's: REPORTED, then NOT_IMPLEMENTED, then IN_SCOPE.",
  {
    REPORTED: "The report says the state reported implementing the action, or progress on it.",
    NOT_IMPLEMENTED: "The report says the state has not implemented the action.",
    IN_SCOPE:
      "The state falls within the action's scope (listed under a sub-heading that cites the action, or a State Party with the obligations the action concerns), with no report of implementation.",
  },
);
export type ImplementationLinkName = WordOf<typeof ImplementationLink>;

/** The strength of each link, strongest first: the cell of a state and an action shows the strongest. */
export const LINK_STRENGTH: readonly ImplementationLinkName[] = ["REPORTED", "NOT_IMPLEMENTED", "IN_SCOPE"];

/**
 * The Convention article whose obligations put a State Party in the scope of the actions of a
 * theme: Article 3 for stockpile destruction (#8-9), Article 4 for clearance and risk reduction
 * (#10-17, as paragraph 38 says), Article 5 for victim assistance (#20-29 as paragraph 47 says;
 * #30-31 by their section only).
 */
export const ARTICLE_OF_THEME: Partial<Record<string, number>> = {
  STOCKPILE_DESTRUCTION: 3,
  CLEARANCE: 4,
  RISK_REDUCTION: 4,
  VICTIM_ASSISTANCE: 5,
};
