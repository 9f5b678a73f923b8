import { Field, InputType, Int } from "type-graphql";

import {
  AssertionKind,
  AssistanceKind,
  DiscrepancyKind,
  Group,
  LegislationStatus,
  NeedArea,
  ObligationStatus,
  StockpileStatus,
  Theme,
  TreatyStatus,
} from "../domain/enums";

@InputType({
  description: "Matches states with an obligation. Both fields are optional; together they narrow.",
})
export class ObligationFilter {
  @Field(() => Int, {
    nullable: true,
    description: "The article: 3 (stockpiles), 4 (clearance) or 5 (victim assistance). Any if omitted.",
  })
  article?: number;

  @Field(() => ObligationStatus, {
    nullable: true,
    description: "OPERATIVE (still to be met) or FULFILLED. Defaults to OPERATIVE; pass null for either.",
    defaultValue: "OPERATIVE",
  })
  status?: ObligationStatus | null;
}

@InputType({ description: "Matches states with any of the given stockpile statuses." })
export class StockpileFilter {
  @Field(() => [StockpileStatus], {
    nullable: true,
    description:
      "Defaults to [EXISTING] (states reported to hold stockpiles now). Use [EXISTING, PREVIOUS] to include states that had stockpiles before.",
  })
  statusIn?: StockpileStatus[];
}

@InputType({ description: "Matches states that reported assistance needs." })
export class AssistanceNeedFilter {
  @Field(() => [NeedArea], { nullable: true, description: "Only needs in these areas; any area if omitted." })
  areaIn?: NeedArea[];
}

@InputType({ description: "Matches states that reported giving (or receiving) assistance." })
export class AssistanceFilter {
  @Field(() => [AssistanceKind], {
    nullable: true,
    description:
      "Only these kinds. Omitted on `assistanceProvided`: FUNDING, CIVIL_SOCIETY_FUNDING and the offers; on `assistanceReceived`: FUNDING_RECEIVED and TECHNICAL_ASSISTANCE_RECEIVED.",
  })
  kindIn?: AssistanceKind[];
}

@InputType({ description: "Matches states by what the report says about their legislation (Article 9)." })
export class LegislationFilter {
  @Field(() => [LegislationStatus], { nullable: true, description: "Only these statuses; any if omitted." })
  statusIn?: LegislationStatus[];
}

@InputType({
  description:
    "Conditions on findings. Fields in one object must all hold (AND); combine objects with `and`, `or`, `not`.",
})
export class FindingFilter {
  @Field(() => [FindingFilter], { nullable: true, description: "All of these must hold." })
  and?: FindingFilter[];

  @Field(() => [FindingFilter], { nullable: true, description: "At least one of these must hold." })
  or?: FindingFilter[];

  @Field(() => FindingFilter, { nullable: true, description: "This must not hold." })
  not?: FindingFilter;

  @Field(() => [Theme], { nullable: true, description: "The finding's theme is one of these." })
  themeIn?: Theme[];

  @Field(() => [AssertionKind], {
    nullable: true,
    description:
      "The finding asserts one of these kinds (about the state in question, when used inside a state filter).",
  })
  assertionKindIn?: AssertionKind[];

  @Field(() => Int, {
    nullable: true,
    description: "The finding concerns this Vientiane Action Plan action number.",
  })
  actionNumber?: number;

  @Field(() => Int, { nullable: true, description: "The finding concerns this Convention article." })
  article?: number;

  @Field(() => Int, { nullable: true, description: "The finding is stated in this paragraph." })
  paragraph?: number;

  @Field(() => Int, { nullable: true, description: "The finding rests on this footnote." })
  footnote?: number;

  @Field(() => [Group], { nullable: true, description: "The group the finding speaks of is one of these." })
  groupIn?: Group[];

  @Field(() => String, { nullable: true, description: "The finding names this state (ISO alpha-3 code)." })
  stateCode?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: only findings a recorded discrepancy involves; false: only others.",
  })
  hasDiscrepancy?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: only findings whose stated count differs from the states they list.",
  })
  countDiffers?: boolean;
}

@InputType({
  description:
    "Relation filter on a state's findings: `some` (at least one matches) and/or `none` (no finding matches).",
})
export class FindingRelationFilter {
  @Field(() => FindingFilter, {
    nullable: true,
    description: "At least one finding about the state matches.",
  })
  some?: FindingFilter;

  @Field(() => FindingFilter, { nullable: true, description: "No finding about the state matches." })
  none?: FindingFilter;
}

@InputType({
  description:
    "Conditions on states. Fields in one object must all hold (AND); combine objects with `and`, `or`, `not`. Status conditions use the query's `asOf` date.",
})
export class StateFilter {
  @Field(() => [StateFilter], { nullable: true, description: "All of these must hold." })
  and?: StateFilter[];

  @Field(() => [StateFilter], { nullable: true, description: "At least one of these must hold." })
  or?: StateFilter[];

  @Field(() => StateFilter, { nullable: true, description: "This must not hold." })
  not?: StateFilter;

  @Field(() => [String], { nullable: true, description: "The state's ISO alpha-3 code is one of these." })
  codeIn?: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "Part of the state's name: its ISO name, depositary name or any spelling the report uses (case-insensitive).",
  })
  name?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: only states the report names; false: only states it does not.",
  })
  namedInReport?: boolean;

  @Field(() => TreatyStatus, { nullable: true, description: "The state's treaty status on `asOf`." })
  status?: TreatyStatus;

  @Field(() => [TreatyStatus], {
    nullable: true,
    description: "The state's treaty status on `asOf` is one of these.",
  })
  statusIn?: TreatyStatus[];

  @Field(() => ObligationFilter, {
    nullable: true,
    description: "The report attributes an obligation matching this.",
  })
  obligation?: ObligationFilter;

  @Field(() => StockpileFilter, {
    nullable: true,
    description: "The report gives the state one of these stockpile statuses.",
  })
  stockpile?: StockpileFilter;

  @Field(() => AssistanceNeedFilter, {
    nullable: true,
    description: "The state reported assistance needs (in these areas).",
  })
  assistanceNeed?: AssistanceNeedFilter;

  @Field(() => AssistanceFilter, {
    nullable: true,
    description: "The state reported providing assistance (of these kinds).",
  })
  assistanceProvided?: AssistanceFilter;

  @Field(() => AssistanceFilter, {
    nullable: true,
    description: "The state reported receiving assistance (of these kinds).",
  })
  assistanceReceived?: AssistanceFilter;

  @Field(() => LegislationFilter, {
    nullable: true,
    description: "The report says this about the state's legislation.",
  })
  legislation?: LegislationFilter;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: the report says the state has cluster munition contamination.",
  })
  contaminated?: boolean;

  @Field(() => FindingRelationFilter, {
    nullable: true,
    description: "Conditions on the findings that name the state.",
  })
  findings?: FindingRelationFilter;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: a recorded discrepancy involves the state; false: none does.",
  })
  hasDiscrepancy?: boolean;
}

@InputType({ description: "Conditions on discrepancies; all given fields must hold." })
export class DiscrepancyFilter {
  @Field(() => [DiscrepancyKind], { nullable: true, description: "The kind is one of these." })
  kindIn?: DiscrepancyKind[];

  @Field(() => Int, { nullable: true, description: "The discrepancy involves this paragraph." })
  paragraph?: number;

  @Field(() => Int, { nullable: true, description: "The discrepancy involves this footnote." })
  footnote?: number;

  @Field(() => String, {
    nullable: true,
    description: "The discrepancy involves this state (ISO alpha-3 code).",
  })
  stateCode?: string;
}
