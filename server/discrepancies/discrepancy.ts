import { Field, Int, ObjectType } from "type-graphql";

import { enumOf } from "../graph/enums";
import { Node, type NodeType, reportKey } from "../graph/node";
import { DiscrepancyKind as DiscrepancyKindWords, type WordOf } from "../vocabulary";

export const DiscrepancyKind = enumOf(DiscrepancyKindWords);
export type DiscrepancyKind = WordOf<typeof DiscrepancyKindWords>;

export interface DiscrepancyRow {
  report_id: string;
  id: string;
  position: number;
  kind: string;
  description: string;
  report_says: string;
  other_side_says: string;
  paragraphs: number[];
  footnotes: number[];
  states: string[];
  findings: string[];
  note: string | null;
  report_figure: number | null;
  computed_figure: number | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    "A place where the report disagrees with itself or with the depositary record. Both sides are kept; the source is never corrected.",
})
export class Discrepancy extends Node {
  protected override identity(): [NodeType, string] {
    return ["Discrepancy", reportKey(this.reportId, this.key)];
  }

  @Field(() => String, { description: "The discrepancy's key within its report." })
  key!: string;

  @Field(() => DiscrepancyKind, { description: "What kind of disagreement it is." })
  kind!: DiscrepancyKind;

  @Field(() => String, { description: "The disagreement in plain words." })
  description!: string;

  @Field(() => String, { description: "What the report says, in its words." })
  reportSays!: string;

  @Field(() => String, {
    description: "What the other side says (the footnote's list, another paragraph, the depositary record).",
  })
  otherSideSays!: string;

  @Field(() => [Int], { description: "The paragraphs involved." })
  paragraphNumbers!: number[];

  @Field(() => [Int], { description: "The footnotes involved." })
  footnoteNumbers!: number[];

  @Field(() => [String], { description: "ISO alpha-3 codes of the states involved." })
  stateCodes!: string[];

  @Field(() => String, { nullable: true, description: "The reading choice made in recording it, if any." })
  note!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Where the disagreement is between two figures: the report's (e.g. 47 in paragraph 71).",
  })
  reportFigure!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Where the disagreement is between two figures: the one computed from the rules and the record (`otherSideSays` shows the computation).",
  })
  computedFigure!: number | null;

  reportId!: string;
  /** Internal: the date states reached from here are seen at (the root field's asOf). */
  asOf?: string;
  findingKeys!: string[];
}

export const toDiscrepancy = (r: DiscrepancyRow): Discrepancy =>
  Object.assign(new Discrepancy(), {
    key: r.id,
    kind: r.kind as DiscrepancyKind,
    description: r.description,
    reportSays: r.report_says,
    otherSideSays: r.other_side_says,
    paragraphNumbers: r.paragraphs,
    footnoteNumbers: r.footnotes,
    stateCodes: r.states,
    note: r.note,
    reportFigure: r.report_figure,
    computedFigure: r.computed_figure,
    reportId: r.report_id,
    findingKeys: r.findings,
  });
