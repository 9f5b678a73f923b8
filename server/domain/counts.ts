import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";

import { Finding } from "./finding";
import { Paragraph, Footnote } from "./structure";

export const StateCountDimension = {
  STATUS: "STATUS",
  OBLIGATION_ARTICLE: "OBLIGATION_ARTICLE",
  STOCKPILE_STATUS: "STOCKPILE_STATUS",
  NEED_AREA: "NEED_AREA",
  ASSISTANCE_PROVIDED: "ASSISTANCE_PROVIDED",
  LEGISLATION_STATUS: "LEGISLATION_STATUS",
  FINDING_THEME: "FINDING_THEME",
} as const;
export type StateCountDimension = keyof typeof StateCountDimension;
registerEnumType(StateCountDimension, {
  name: "StateCountDimension",
  description: "What to group state counts by.",
  valuesConfig: {
    STATUS: { description: "Treaty status on `asOf` (STATE_PARTY, SIGNATORY, NOT_PARTY)." },
    OBLIGATION_ARTICLE: {
      description: "Article of an operative obligation (3, 4, 5); a state counts once per article.",
    },
    STOCKPILE_STATUS: { description: "Stockpile status; a state counts once per status." },
    NEED_AREA: { description: "Area of reported assistance need." },
    ASSISTANCE_PROVIDED: { description: "Kind of assistance reported given or received." },
    LEGISLATION_STATUS: { description: "Legislation status (Article 9)." },
    FINDING_THEME: { description: "Theme of the findings that name the state." },
  },
});

export const FindingCountDimension = {
  THEME: "THEME",
  GROUP: "GROUP",
  ARTICLE: "ARTICLE",
  ACTION: "ACTION",
  ASSERTION_KIND: "ASSERTION_KIND",
} as const;
export type FindingCountDimension = keyof typeof FindingCountDimension;
registerEnumType(FindingCountDimension, {
  name: "FindingCountDimension",
  description: "What to group finding counts by.",
  valuesConfig: {
    THEME: { description: "The finding's theme." },
    GROUP: { description: "The group of states it speaks of." },
    ARTICLE: { description: "Each Convention article it concerns." },
    ACTION: { description: "Each Vientiane Action Plan action it concerns." },
    ASSERTION_KIND: { description: "Each kind of assertion it makes." },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: "One group of a grouped count, for dashboards.",
})
export class CountGroup {
  @Field(() => String, {
    description: "The group's value (an enum value, an article or an action number, as text).",
  })
  key!: string;

  @Field(() => Int, { description: "How many states (or findings) fall in the group." })
  count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "A figure the report states in its general trends (section I), with its finding for citation.",
})
export class HeadlineFigure {
  @Field(() => Int, { description: "The figure as a number." })
  value!: number;

  @Field(() => String, { description: "The figure as the report words it." })
  text!: string;

  @Field(() => String, { description: "What the figure says, in one sentence." })
  summary!: string;

  @Field(() => String, { nullable: true, description: "What is counted when not states." })
  unit!: string | null;

  @Field(() => Finding, { description: "The finding behind the figure (paragraph, quote)." })
  finding!: Finding;
}

export const SearchHitKind = { PARAGRAPH: "PARAGRAPH", FOOTNOTE: "FOOTNOTE" } as const;
export type SearchHitKind = keyof typeof SearchHitKind;
registerEnumType(SearchHitKind, {
  name: "SearchHitKind",
  description: "Where a search hit was found.",
  valuesConfig: {
    PARAGRAPH: { description: "In a paragraph's text." },
    FOOTNOTE: { description: "In a footnote's text." },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: "A paragraph or footnote matching a full-text search, ranked, with a highlighted snippet.",
})
export class SearchHit {
  @Field(() => SearchHitKind, { description: "Whether the hit is a paragraph or a footnote." })
  kind!: SearchHitKind;

  @Field(() => Float, { description: "PostgreSQL full-text rank (ts_rank); higher is better." })
  rank!: number;

  @Field(() => String, { description: "The matching passage with matches wrapped in <mark>...</mark>." })
  snippet!: string;

  @Field(() => Paragraph, { description: "The paragraph hit, or the paragraph of the footnote hit." })
  paragraph!: Paragraph;

  @Field(() => Footnote, { nullable: true, description: "The footnote hit, if the hit is a footnote." })
  footnote!: Footnote | null;
}
