/**
 * Each state's implementation of each action: the cell of a state and an action, with the
 * strongest link the report gives and every link behind it.
 */
import { Field, ObjectType } from "type-graphql";

import { enumOf } from "../graph/enums";
import { DerivedFact } from "../states/facts";
import {
  ImplementationLink as ImplementationLinkWords,
  type ImplementationLinkName,
  LINK_STRENGTH,
} from "../vocabulary";

export const ImplementationLink = enumOf(ImplementationLinkWords);
export type ImplementationLink = ImplementationLinkName;

export const ImplementationBasis = { ASSERTION: "ASSERTION", OBLIGATION: "OBLIGATION" } as const;
export type ImplementationBasis = keyof typeof ImplementationBasis;

/** A row of the action_link table, as the loaders read it. */
export interface ActionLinkRecord {
  report_id: string;
  state_code: string;
  action_number: number;
  link: ImplementationLinkName;
  strength: number;
  basis: ImplementationBasis;
  finding_id: string;
  cited_as: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "One thing the report says that links a state to an action, with the finding that says it.",
})
export class ImplementationEvidence {
  @Field(() => ImplementationLink, { description: "The link this finding gives." })
  link!: ImplementationLink;

  @Field(() => String, {
    description:
      "ASSERTION: the finding says this of the state under the action; OBLIGATION: the finding gives the state the Convention obligation the action concerns, which puts a State Party in its scope.",
  })
  basis!: ImplementationBasis;

  @Field(() => String, {
    nullable: true,
    description: 'The action as the finding cites it: the number, or the range it stands under ("33-36").',
  })
  citedAs!: string | null;

  /** Internal: the finding's key, in its report, seen at a date. */
  findingKey!: string;
  reportId!: string;
  asOf?: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: DerivedFact,
  description:
    "A state's implementation of one Vientiane Action Plan action as the report gives it: the strongest link (REPORTED, then NOT_IMPLEMENTED, then IN_SCOPE) and every link behind it, with sources.",
})
export class ActionImplementation extends DerivedFact {
  @Field(() => ImplementationLink, { description: "The strongest link the report gives." })
  link!: ImplementationLink;

  @Field(() => [ImplementationEvidence], { description: "Every link the report gives, strongest first." })
  evidence!: ImplementationEvidence[];

  /** Internal: whose implementation of which action, seen from which report at which date. */
  stateCode!: string;
  actionNumber!: number;
  reportId!: string;
  asOf?: string;
}

/** The cells of some link rows: one per state and action, strongest link first in its evidence. */
export function cellsOf(rows: ActionLinkRecord[], asOf?: string): ActionImplementation[] {
  const cells = new Map<string, ActionImplementation>();
  for (const row of rows) {
    const key = `${row.state_code} ${row.action_number}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = Object.assign(new ActionImplementation(), {
        link: row.link,
        evidence: [],
        findings: [],
        stateCode: row.state_code,
        actionNumber: row.action_number,
        reportId: row.report_id,
        asOf,
      });
      cells.set(key, cell);
    }
    if (LINK_STRENGTH.indexOf(row.link) < LINK_STRENGTH.indexOf(cell.link)) cell.link = row.link;
    cell.evidence.push(
      Object.assign(new ImplementationEvidence(), {
        link: row.link,
        basis: row.basis,
        citedAs: row.cited_as,
        findingKey: row.finding_id,
        reportId: row.report_id,
        asOf,
      }),
    );
  }
  for (const cell of cells.values()) {
    cell.evidence.sort((a, b) => LINK_STRENGTH.indexOf(a.link) - LINK_STRENGTH.indexOf(b.link));
  }
  return [...cells.values()];
}
