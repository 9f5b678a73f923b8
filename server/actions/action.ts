import { Field, Int, ObjectType } from "type-graphql";

import { Theme } from "../findings/finding";
import { Node, type NodeType, reportKey } from "../graph/node";

export interface ActionRow {
  report_id: string;
  number: number;
  theme: string;
  description: string | null;
  paragraphs: number[];
  time_bound: boolean;
  note: string | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    "An action of the Vientiane Action Plan (#1-#66) that the report references, with the findings and states it concerns.",
})
export class Action extends Node {
  protected override identity(): [NodeType, string] {
    return ["Action", reportKey(this.reportId, this.number)];
  }

  @Field(() => Int, { description: "The action number, 1-66. The natural key: `action(number:)`." })
  number!: number;

  @Field(() => Theme, { description: "The thematic area of the action." })
  theme!: Theme;

  @Field(() => String, {
    nullable: true,
    description: "What the action asks for, only where the report itself describes it; otherwise null.",
  })
  description!: string | null;

  @Field(() => [Int], {
    description:
      'The numbers of the paragraphs that reference the action (including through a sub-heading such as "Actions #14-16").',
  })
  paragraphNumbers!: number[];

  @Field(() => Boolean, {
    description: "True where the report treats the action as time-bound (see `note` for where it says so).",
  })
  timeBound!: boolean;

  @Field(() => String, { nullable: true, description: "How the dataset read the report about this action." })
  note!: string | null;

  reportId!: string;
  /** Internal: the date states reached from here are seen at (the root field's asOf). */
  asOf?: string;
}

export const toAction = (r: ActionRow): Action =>
  Object.assign(new Action(), {
    number: r.number,
    theme: r.theme as Theme,
    description: r.description,
    paragraphNumbers: r.paragraphs,
    timeBound: r.time_bound,
    note: r.note,
    reportId: r.report_id,
  });
