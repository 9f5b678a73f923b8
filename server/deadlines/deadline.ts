import { Field, Int, ObjectType } from "type-graphql";

import { enumOf } from "../graph/enums";
import { DerivedFact } from "../states/facts";
import {
  CONVENTION_TEXT_URL,
  DEADLINE_RULES,
  DeadlineRule as DeadlineRuleWords,
  type DeadlineRuleName,
  DeadlineStatus as DeadlineStatusWords,
  ENTRY_INTO_FORCE_RULE,
  type WordOf,
} from "../vocabulary";
import { articleOf } from "./rules";

export const DeadlineRule = enumOf(DeadlineRuleWords);
export type DeadlineRule = DeadlineRuleName;
export const DeadlineStatus = enumOf(DeadlineStatusWords);
export type DeadlineStatus = WordOf<typeof DeadlineStatusWords>;

/** A deadline as the deadline loaders read it: the row the ingest derived, and the depositary's sources. */
export interface DeadlineRecord {
  report_id: string;
  state_code: string;
  rule: DeadlineRuleName;
  position: number;
  deposited: string;
  entry_into_force: string;
  trigger_date: string;
  due_on: string;
  met_by: string[];
  begun_by: string[];
  extended_until: string | null;
  joined_by: string | null;
  sources: string[] | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "What starts a deadline's clock, and where that date comes from.",
})
export class DeadlineTrigger {
  @Field(() => String, { description: "The date the clock starts (YYYY-MM-DD)." })
  date!: string;

  @Field(() => String, {
    description: 'What the date is, e.g. "Entry into force for the state (Article 17)".',
  })
  event!: string;

  @Field(() => String, { description: "The rule that gives the date, in words." })
  rule!: string;

  @Field(() => String, { description: "The day the state deposited its instrument (YYYY-MM-DD)." })
  deposited!: string;

  @Field(() => String, {
    nullable: true,
    description: "How it joined: ratification, accession, acceptance or approval.",
  })
  joinedBy!: string | null;

  @Field(() => String, {
    description: "The day the Convention entered into force for the state (YYYY-MM-DD).",
  })
  entryIntoForce!: string;

  @Field(() => [String], {
    description: "Where the deposit date comes from: the UN depositary record (URLs).",
  })
  sources!: string[];
}

@ObjectType({
  simpleResolvers: true,
  implements: DerivedFact,
  description:
    "A deadline the Convention sets a State Party, computed from the depositary dates under the article's rule, with its status on a date and its sources: the depositary record (`trigger`), the Convention's article (`article`, `ruleText`, `conventionUrl`) and the report's findings that say the obligation was met or begun (`findings`).",
})
export class Deadline extends DerivedFact {
  @Field(() => DeadlineRule, {
    description: "Which deadline: stockpile destruction, clearance, initial or annual report.",
  })
  rule!: DeadlineRule;

  @Field(() => Int, { description: "The Convention article that sets it: 3, 4 or 7." })
  article!: number;

  @Field(() => String, { description: 'The paragraph of the article: "2", "1(a)", "1".' })
  paragraph!: string;

  @Field(() => String, { description: 'The article and paragraph as cited, e.g. "Article 4(1)(a)".' })
  citation!: string;

  @Field(() => String, { description: "The rule in words." })
  ruleText!: string;

  @Field(() => String, {
    nullable: true,
    description: "What the Convention allows by way of extension, where it allows one.",
  })
  extensionRule!: string | null;

  @Field(() => String, { description: "The Convention's text (the depositary's certified copy)." })
  conventionUrl!: string;

  @Field(() => DeadlineTrigger, { description: "What starts the clock, and where the date comes from." })
  trigger!: DeadlineTrigger;

  @Field(() => String, { description: "The day the obligation falls due (YYYY-MM-DD)." })
  dueOn!: string;

  @Field(() => String, {
    nullable: true,
    description: "The extended deadline, where a report records an extension.",
  })
  extendedUntil!: string | null;

  @Field(() => String, {
    description: "The date `status` refers to (the query's asOf, else the report's date).",
  })
  asOf!: string;

  /** Internal: the state, report and the findings that say met or begun, by key. */
  stateCode!: string;
  reportId!: string;
  metByKeys!: string[];
  begunByKeys!: string[];
}

/** A deadline's status on a date (the SQL twin is `deadlineStatusSql` in ./sql.ts). */
export function statusOf(
  d: { metByKeys: string[]; extendedUntil: string | null; dueOn: string },
  asOf: string,
): DeadlineStatus {
  if (d.metByKeys.length > 0) return "MET";
  if (d.extendedUntil !== null && d.extendedUntil > asOf) return "EXTENDED";
  return d.dueOn > asOf ? "NOT_YET_DUE" : "DUE_NOT_REPORTED_MET";
}

export function toDeadline(row: DeadlineRecord, asOf: string): Deadline {
  const rule = DEADLINE_RULES[row.rule];
  const annual = row.rule === "ANNUAL_REPORT";
  return Object.assign(new Deadline(), {
    rule: row.rule,
    article: rule.article,
    paragraph: rule.paragraph,
    citation: articleOf(row.rule),
    ruleText: DeadlineRuleWords.meaning[row.rule],
    extensionRule: rule.extension,
    conventionUrl: CONVENTION_TEXT_URL,
    trigger: Object.assign(new DeadlineTrigger(), {
      date: row.trigger_date,
      event: annual
        ? "The initial report's deadline (Article 7(1)): the first annual update falls due the next 30 April"
        : "Entry into force for the state (Article 17)",
      rule: annual ? DeadlineRuleWords.meaning.INITIAL_REPORT : ENTRY_INTO_FORCE_RULE.text,
      deposited: row.deposited,
      joinedBy: row.joined_by,
      entryIntoForce: row.entry_into_force,
      sources: row.sources ?? [],
    }),
    dueOn: row.due_on,
    extendedUntil: row.extended_until,
    asOf,
    stateCode: row.state_code,
    reportId: row.report_id,
    metByKeys: row.met_by,
    begunByKeys: row.begun_by,
    findings: [],
  });
}
