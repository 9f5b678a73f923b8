/** The shape of an assertion kind's meaning: the facts a finding of that kind feeds. */
import type { DeadlineEffect, DeadlineRuleName } from "../deadlines";
import type {
  AssistanceKind,
  LegislationStatus,
  NeedArea,
  ObligationStatus,
  StockpileStatus,
} from "../facts";
import type { ImplementationLinkName } from "../implementation";
import type { Theme } from "../report";
import type { WordOf } from "../words";

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
