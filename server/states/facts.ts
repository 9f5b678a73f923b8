import { Field, Int, InterfaceType, ObjectType } from "type-graphql";

import { Citation, citationOf, Finding, type FindingRow, toFinding } from "../findings/finding";
import { dated } from "../graph/dated";
import { enumOf } from "../graph/enums";
import {
  AssistanceKind as AssistanceKindWords,
  type AssertionMeaning,
  Group as GroupWords,
  LegislationStatus as LegislationStatusWords,
  NeedArea as NeedAreaWords,
  ObligationStatus as ObligationStatusWords,
  StockpileStatus as StockpileStatusWords,
  type WordOf,
} from "../vocabulary";
import { Participation, type State, TreatyStatus } from "./state";

export const ObligationStatus = enumOf(ObligationStatusWords);
export type ObligationStatus = WordOf<typeof ObligationStatusWords>;
export const StockpileStatus = enumOf(StockpileStatusWords);
export type StockpileStatus = WordOf<typeof StockpileStatusWords>;
export const NeedArea = enumOf(NeedAreaWords);
export type NeedArea = WordOf<typeof NeedAreaWords>;
export const AssistanceKind = enumOf(AssistanceKindWords);
export type AssistanceKind = WordOf<typeof AssistanceKindWords>;
export const LegislationStatus = enumOf(LegislationStatusWords);
export type LegislationStatus = WordOf<typeof LegislationStatusWords>;
const Group = enumOf(GroupWords);
type Group = WordOf<typeof GroupWords>;

/** An assertion about a state, with what its kind means and the finding that makes it. */
export interface StateAssertionRow extends FindingRow {
  state_code: string;
  kind: string;
  detail: string | null;
  assertion_position: number;
  /** The facts the kind feeds, as the database holds them (assertion_kind.meaning). */
  meaning: Omit<AssertionMeaning, "theme" | "description">;
}

/**
 * Derived facts about a state. Each is the set of a state's assertions whose kind means it (the
 * vocabulary, server/vocabulary/assertion-kinds/), so each carries the findings behind it and
 * citations for them.
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
    nullable: true,
    description:
      "The article: 3 (stockpile destruction), 4 (clearance) or 5 (victim assistance). Null when the report leaves the article open (see `possibleArticles`).",
  })
  article!: number | null;

  @Field(() => [Int], {
    description:
      'The articles the obligation may fall under: just `article` when the report names it, else the set the report leaves open (e.g. [3, 4, 5] for "obligations under Articles 3, 4 and/or 5").',
  })
  possibleArticles!: number[];

  @Field(() => Boolean, {
    description:
      "True when the report does not say which article the obligation falls under (see `possibleArticles`). Such obligations match `obligation: {}` but no `obligation: { article: N }` filter.",
  })
  unspecified!: boolean;

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

/** The findings behind a state's assertion rows, each once, in report order. */
export function distinctFindings(rows: StateAssertionRow[], state: State): Finding[] {
  const findings = new Map<string, Finding>();
  for (const row of rows) if (!findings.has(row.id)) findings.set(row.id, dated(toFinding(row), state));
  return [...findings.values()];
}

/** Groups a state's assertion rows by one fact value, keeping the findings behind each. */
export function factsOf<V extends string | number, T>(
  state: State,
  rows: StateAssertionRow[],
  valueOf: (row: StateAssertionRow) => V | null | undefined,
  make: (value: V, findings: Finding[]) => T,
): T[] {
  const groups = new Map<V, Finding[]>();
  // A finding makes several assertions about one state: one Finding object for all of them.
  const made = new Map<string, Finding>();
  for (const row of rows) {
    const value = valueOf(row);
    if (value === null || value === undefined) continue;
    let finding = made.get(row.id);
    if (!finding) made.set(row.id, (finding = dated(toFinding(row), state)));
    const group = groups.get(value);
    // push, not spread: a state named 2,600 times (100x data) would copy its list 2,600 times.
    if (group) group.push(finding);
    else groups.set(value, [finding]);
  }
  return [...groups].map(([value, findings]) => make(value, findings));
}

const GROUP_STATUS: Partial<Record<Group, TreatyStatus>> = {
  STATES_PARTIES: "STATE_PARTY",
  SIGNATORIES: "SIGNATORY",
  STATES_NOT_PARTY: "NOT_PARTY",
};

/** The groups the report places a state in, with the findings that do so. */
export function reportedGroups(state: State, rows: StateAssertionRow[]): ReportedGroup[] {
  return factsOf(
    state,
    rows,
    (row) => (GROUP_STATUS[row.group as Group] ? (row.group as Group) : null),
    (group, findings) => withFindings(Object.assign(new ReportedGroup(), { group }), findings),
  );
}

/** Whether every group the report places the state in agrees with its status on `date`. */
export function agreesWith(groups: ReportedGroup[], status: TreatyStatus): boolean {
  return groups.every((r) => GROUP_STATUS[r.group] === status);
}
