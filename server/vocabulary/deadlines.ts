/**
 * The Convention's deadlines, as rules with their provenance: the article that sets each, the
 * rule in words, and what starts its clock. server/deadlines/ applies them to the depositary dates.
 */
import { defineWords } from "./words";

/** Where the Convention's text is published (the depositary's certified copy). */
export const CONVENTION_TEXT_URL = "https://treaties.un.org/doc/Publication/CTC/26-6.pdf";

/** Art. 17(1): the Convention entered into force on this day for the first 30 instruments. */
export const FIRST_ENTRY_INTO_FORCE = "2010-08-01";
/** The day the thirtieth instrument was deposited (Burkina Faso and the Republic of Moldova). */
export const THIRTIETH_DEPOSIT = "2010-02-16";

export const ENTRY_INTO_FORCE_RULE = {
  article: "Article 17",
  text:
    "Art. 17(1): the Convention entered into force on 1 August 2010 for the first 30 instruments (the 30th was deposited on 16 February 2010). " +
    "Art. 17(2): for a later instrument, entry into force is the first day of the sixth month after the date of its deposit.",
};

export const DeadlineRule = defineWords("DeadlineRule", "A deadline the Convention sets for a State Party.", {
  STOCKPILE_DESTRUCTION:
    "Article 3(2): destroy all stockpiled cluster munitions no later than eight years after entry into force for the state.",
  CLEARANCE:
    "Article 4(1)(a): clear cluster munition remnants in areas under the state's jurisdiction or control at entry into force no later than ten years after that date.",
  INITIAL_REPORT:
    "Article 7(1): the initial transparency report, no later than 180 days after entry into force.",
  ANNUAL_REPORT:
    "Article 7(2): the annual update, covering the previous calendar year, by 30 April each year (the first one after the initial report).",
});

export const DeadlineStatus = defineWords("DeadlineStatus", "Where a deadline stands on a date.", {
  NOT_YET_DUE: "The due date is after the date asked about, and no report says it was met.",
  MET: "A report says the obligation was met (see `metBy`).",
  EXTENDED:
    "A report records an extension of the deadline (Articles 3(3)-(4) and 4(5)); see `extendedUntil`.",
  DUE_NOT_REPORTED_MET:
    "The due date has passed on the date asked about, and no report says the obligation was met.",
});

/** How each rule is applied: its article and paragraph, which obligation makes it apply, and its term. */
export const DEADLINE_RULES = {
  STOCKPILE_DESTRUCTION: {
    article: 3,
    paragraph: "2",
    /** Applies to a state the report gives an obligation under this article (operative or fulfilled). */
    obligationArticle: 3,
    term: { years: 8 },
    extension:
      "Art. 3(3)-(4): a State Party may request an extension of up to four years; more may be requested.",
  },
  CLEARANCE: {
    article: 4,
    paragraph: "1(a)",
    obligationArticle: 4,
    term: { years: 10 },
    extension:
      "Art. 4(5)-(6): an extension of up to five years may be requested; remnants that arise later (Art. 4(1)(b)) are due ten years after the end of active hostilities, which no report here dates.",
  },
  INITIAL_REPORT: {
    article: 7,
    paragraph: "1",
    obligationArticle: null,
    term: { days: 180 },
    extension: null,
  },
  ANNUAL_REPORT: {
    article: 7,
    paragraph: "2",
    obligationArticle: null,
    term: { nextThirtiethOfAprilAfterInitialReport: true },
    extension: null,
  },
} as const;
export type DeadlineRuleName = keyof typeof DEADLINE_RULES;

/** What an assertion says about a deadline: that it was met, that work towards it has begun, or an extension. */
export const DeadlineEffect = defineWords("DeadlineEffect", "What a finding says about a deadline.", {
  MET: "The obligation was met.",
  BEGUN: "Work to meet the obligation has begun (planning, a tender, destruction or clearance under way).",
  EXTENDED: "An extension of the deadline was granted.",
});
