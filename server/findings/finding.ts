import { Field, Int, ObjectType } from "type-graphql";

import { enumOf } from "../graph/enums";
import { Node, type NodeType, reportKey } from "../graph/node";
import type { State } from "../states/state";
import {
  AssertionKind as AssertionKindWords,
  Group as GroupWords,
  Theme as ThemeWords,
  type WordOf,
} from "../vocabulary";

export const Group = enumOf(GroupWords);
export type Group = WordOf<typeof GroupWords>;
export const Theme = enumOf(ThemeWords);
export type Theme = WordOf<typeof ThemeWords>;
export const AssertionKind = enumOf(AssertionKindWords);
export type AssertionKind = WordOf<typeof AssertionKindWords>;

export interface FindingRow {
  report_id: string;
  id: string;
  position: number;
  paragraph_number: number;
  footnote_number: number | null;
  group: string;
  theme: string;
  stated_count: number | null;
  stated_count_text: string | null;
  unit: string | null;
  list_is_partial: boolean;
  articles: number[];
  actions: number[];
  quote: string;
  summary: string;
  note: string | null;
  listed_count: number;
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    "One claim of the report about a group of states or a number, with the paragraph and footnote it comes from, the count the report states, the states it lists, and what it asserts about each.",
})
export class Finding extends Node {
  protected override identity(): [NodeType, string] {
    return ["Finding", reportKey(this.reportId, this.key)];
  }

  @Field(() => String, {
    description: 'The finding\'s key within its report, e.g. "p29-destruction-obligations".',
  })
  key!: string;

  @Field(() => Int, { description: "The number of the paragraph that states the finding." })
  paragraphNumber!: number;

  @Field(() => Int, {
    nullable: true,
    description: "The number of the footnote that lists the states, if any.",
  })
  footnoteNumber!: number | null;

  @Field(() => Group, { description: "The group of states the report says it speaks of." })
  group!: Group;

  @Field(() => Theme, { description: "The thematic area of the finding." })
  theme!: Theme;

  @Field(() => Int, {
    nullable: true,
    description: 'The count the report states, as a number; null where it gives none ("several").',
  })
  statedCount!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The count as the report words it ("Six", "as many as 28").',
  })
  statedCountText!: string | null;

  @Field(() => Int, {
    description: "How many distinct states the finding lists (0 for figures without a list).",
  })
  listedCount!: number;

  @Field(() => Boolean, {
    description:
      "True when the report states a count and lists a complete set of states, and the two differ. See `discrepancies` for the recorded explanation.",
  })
  countDiffers!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What a figure counts when it is not states (e.g. "submunitions").',
  })
  unit!: string | null;

  @Field(() => Boolean, { description: 'True when the report presents its list as not exhaustive ("i.a.").' })
  listIsPartial!: boolean;

  @Field(() => [Int], { description: "The Convention articles the finding concerns." })
  articles!: number[];

  @Field(() => [Int], {
    description: "The Vientiane Action Plan action numbers it concerns (ranges expanded).",
  })
  actionNumbers!: number[];

  @Field(() => String, {
    description: "A short verbatim quote from the report that states the finding: cite this.",
  })
  quote!: string;

  @Field(() => String, { description: "The finding in one plain sentence." })
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description: "A judgement call made when reading the report, if any.",
  })
  note!: string | null;

  reportId!: string;
  /** Internal: the date states reached from here are seen at (the root field's asOf). */
  asOf?: string;
}

export function toFinding(row: FindingRow): Finding {
  return Object.assign(new Finding(), {
    key: row.id,
    paragraphNumber: row.paragraph_number,
    footnoteNumber: row.footnote_number,
    group: row.group as Group,
    theme: row.theme as Theme,
    statedCount: row.stated_count,
    statedCountText: row.stated_count_text,
    listedCount: row.listed_count,
    countDiffers:
      row.stated_count !== null &&
      row.listed_count > 0 &&
      !row.list_is_partial &&
      row.stated_count !== row.listed_count,
    unit: row.unit,
    listIsPartial: row.list_is_partial,
    articles: row.articles,
    actionNumbers: row.actions,
    quote: row.quote,
    summary: row.summary,
    note: row.note,
    reportId: row.report_id,
  });
}

export interface AssertionRow {
  report_id: string;
  finding_id: string;
  position: number;
  state_code: string;
  kind: string;
  detail: string | null;
  /** What the kind means, as the database holds it (assertion_kind.description). */
  description: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "What one finding asserts about one state.",
})
export class Assertion {
  @Field(() => AssertionKind, { description: "The typed assertion, e.g. HAS_CLEARANCE_OBLIGATION." })
  kind!: AssertionKind;

  @Field(() => String, { description: "What the assertion kind means, in words." })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: "Extra detail the report gives about this state in this finding.",
  })
  detail!: string | null;

  reportId!: string;
  findingKey!: string;
  stateCode!: string;
  asOf?: string;
  /** Internal: the state, when the finding already resolved it. */
  stateValue?: State;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Where a fact comes from: the paragraph, the footnote if any, and a short verbatim quote. Enough to cite.",
})
export class Citation {
  @Field(() => String, { description: "The report's id." })
  reportId!: string;

  @Field(() => Int, { description: "Paragraph number." })
  paragraph!: number;

  @Field(() => Int, { nullable: true, description: "Footnote number, if the fact rests on a footnote." })
  footnote!: number | null;

  @Field(() => String, { description: "A short verbatim quote." })
  quote!: string;

  @Field(() => String, { description: "The key of the finding that carries the fact." })
  findingKey!: string;
}

export function citationOf(finding: Finding): Citation {
  return Object.assign(new Citation(), {
    reportId: finding.reportId,
    paragraph: finding.paragraphNumber,
    footnote: finding.footnoteNumber,
    quote: finding.quote,
    findingKey: finding.key,
  });
}
