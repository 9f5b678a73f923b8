import { type SQL, sql } from "pg-sql2";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

import { Finding } from "../findings/finding";
import { WORD_FACTS, type WordFact } from "../vocabulary";

/**
 * A fact dimension of `stateCounts`: what it means, and the group of an assertion as SQL on
 * what its kind means (`k`, assertion_kind) and its finding (`f`).
 */
interface FactDimension {
  description: string;
  groupOf(k: SQL, f: SQL): SQL;
  /** True when the group is the finding's, so the statement joins the finding. */
  viaFinding?: boolean;
}

type WordFactDimension = (typeof WORD_FACTS)[WordFact]["countDimension"];

/** The fact dimensions: the obligation article, one per word fact of the vocabulary, the findings' theme. */
export const FACT_DIMENSIONS = {
  OBLIGATION_ARTICLE: {
    description:
      "Article of an operative obligation (3, 4, 5), or UNSPECIFIED where the report leaves the article open; a state counts once per group.",
    groupOf: (k) =>
      sql`CASE WHEN ${k}.meaning -> 'obligation' ->> 'status' = 'OPERATIVE'
        THEN coalesce(${k}.meaning -> 'obligation' ->> 'article', 'UNSPECIFIED') END`,
  },
  ...(Object.fromEntries(
    Object.entries(WORD_FACTS).map(([fact, { countDimension, countDescription }]) => [
      countDimension,
      { description: countDescription, groupOf: (k: SQL) => sql`${k}.meaning ->> ${sql.literal(fact)}` },
    ]),
  ) as unknown as Record<WordFactDimension, FactDimension>),
  FINDING_THEME: {
    description: "Theme of the findings that name the state.",
    groupOf: (_k, f) => sql`${f}.theme`,
    viaFinding: true,
  },
} satisfies Record<string, FactDimension>;
export type FactDimensionName = keyof typeof FACT_DIMENSIONS;

export const StateCountDimension = Object.fromEntries(
  ["STATUS", "DEADLINE_YEAR", ...Object.keys(FACT_DIMENSIONS)].map((name) => [name, name]),
) as { STATUS: "STATUS"; DEADLINE_YEAR: "DEADLINE_YEAR" } & { [N in FactDimensionName]: N };
export type StateCountDimension = keyof typeof StateCountDimension;
registerEnumType(StateCountDimension, {
  name: "StateCountDimension",
  description: "What to group state counts by.",
  valuesConfig: {
    STATUS: { description: "Treaty status on `asOf` (STATE_PARTY, SIGNATORY, NOT_PARTY)." },
    DEADLINE_YEAR: {
      description:
        "The year a deadline falls due (a state counts once per year); only deadlines matching `filter.deadline` when it is given.",
    },
    ...Object.fromEntries(
      Object.entries(FACT_DIMENSIONS).map(([name, { description }]) => [name, { description }]),
    ),
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
