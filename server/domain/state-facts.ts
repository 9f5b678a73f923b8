import { Field, Int, InterfaceType, ObjectType } from "type-graphql";

import {
  AssistanceKind,
  Group,
  LegislationStatus,
  NeedArea,
  ObligationStatus,
  StockpileStatus,
  TreatyStatus,
} from "./enums";
import { Citation, citationOf, Finding } from "./finding";
import { Participation } from "./state";

/**
 * Derived facts about a state. Each is the set of assertions of certain kinds (see
 * server/domain/facts.ts), so each carries the findings behind it and citations for them.
 */
@InterfaceType("SourcedFact", {
  description: "A derived fact about a state with the findings behind it: every such fact can be cited.",
})
export abstract class DerivedFact {
  @Field(() => [Finding], {
    description: "The findings that establish this fact; walk them for paragraphs and footnotes.",
  })
  findings!: Finding[];

  @Field(() => [Citation], {
    description: "Paragraph, footnote and quote for each finding behind the fact: ready to cite.",
  })
  get sources(): Citation[] {
    // Made when asked: most answers walk `findings` instead.
    return this.findings.map(citationOf);
  }
}

export function withFindings<T extends DerivedFact>(fact: T, findings: Finding[]): T {
  fact.findings = [...new Map(findings.map((f) => [f.key, f])).values()];
  return fact;
}

@ObjectType({
  simpleResolvers: true,
  implements: DerivedFact,
  description: "A treaty obligation the report attributes to a state, by article, with its sources.",
})
export class Obligation extends DerivedFact {
  @Field(() => Int, {
    description: "The article: 3 (stockpile destruction), 4 (clearance) or 5 (victim assistance).",
  })
  article!: number;

  @Field(() => ObligationStatus, {
    description: "Whether the obligation is still operative or already fulfilled.",
  })
  status!: ObligationStatus;
}

@ObjectType({
  simpleResolvers: true,
  implements: DerivedFact,
  description: "What the report says about a state's stockpiles, with its sources.",
})
export class StockpileFact extends DerivedFact {
  @Field(() => StockpileStatus, { description: "The stockpile status." })
  status!: StockpileStatus;
}

@ObjectType({
  simpleResolvers: true,
  implements: DerivedFact,
  description: "An area in which a state reported needing international assistance, with its sources.",
})
export class AssistanceNeed extends DerivedFact {
  @Field(() => NeedArea, { description: "The area of need." })
  area!: NeedArea;
}

@ObjectType({
  simpleResolvers: true,
  implements: DerivedFact,
  description: "Assistance a state reported giving or receiving, with its sources.",
})
export class AssistanceProvision extends DerivedFact {
  @Field(() => AssistanceKind, { description: "The kind of assistance." })
  kind!: AssistanceKind;
}

@ObjectType({
  simpleResolvers: true,
  implements: DerivedFact,
  description: "What the report says about a state's implementing legislation (Article 9), with its sources.",
})
export class LegislationFact extends DerivedFact {
  @Field(() => LegislationStatus, { description: "The legislation status." })
  status!: LegislationStatus;
}

@ObjectType({
  simpleResolvers: true,
  implements: DerivedFact,
  description: "A group the report places a state in, with the findings that do so.",
})
export class ReportedGroup extends DerivedFact {
  @Field(() => Group, { description: "The group as the report words it." })
  group!: Group;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A state's treaty status on a date, derived from the depositary record, beside what the report calls it. They can differ: see `agreesWithReport`.",
})
export class TreatyStatusFact {
  @Field(() => TreatyStatus, { description: "The status derived from the depositary dates." })
  status!: TreatyStatus;

  @Field(() => String, { description: "The date the status is for (YYYY-MM-DD)." })
  asOf!: string;

  @Field(() => Participation, { nullable: true, description: "The depositary dates and their sources." })
  participation!: Participation | null;

  @Field(() => [ReportedGroup], {
    description:
      "The groups the report places the state in (States Parties, signatories, States not Party), with findings.",
  })
  reportedAs!: ReportedGroup[];

  @Field(() => Boolean, {
    description:
      "False when the report places the state in a group that contradicts `status` on the report's date (a recorded discrepancy).",
  })
  agreesWithReport!: boolean;
}
