import { Field, Float, ObjectType, registerEnumType } from "type-graphql";

import { Footnote, Paragraph } from "../structure/structure";

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
