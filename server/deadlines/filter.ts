/** Which deadlines: the DeadlineFilter input and its compilation to SQL. */
import { LocalDateResolver } from "graphql-scalars";
import { type SQL, sql } from "pg-sql2";
import { Field, InputType, Int } from "type-graphql";

import { combine } from "../findings/filter";
import { DEADLINE_RULES } from "../vocabulary";
import { DeadlineRule, DeadlineStatus } from "./deadline";
import { deadlineStatusSql } from "./sql";

@InputType({
  description:
    "Conditions on one deadline; all given fields must hold for the same deadline. Status is taken on the query's `asOf` date.",
})
export class DeadlineFilter {
  @Field(() => [DeadlineRule], { nullable: true, description: "The deadline is one of these." })
  ruleIn?: DeadlineRule[];

  @Field(() => Int, { nullable: true, description: "The Convention article that sets it: 3, 4 or 7." })
  article?: number;

  @Field(() => LocalDateResolver, { nullable: true, description: "Due on or after this date (YYYY-MM-DD)." })
  dueFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Due on or before this date (YYYY-MM-DD)." })
  dueTo?: string;

  @Field(() => [DeadlineStatus], {
    nullable: true,
    description:
      "Its status on `asOf` is one of these (DUE_NOT_REPORTED_MET: overdue as far as the report says).",
  })
  statusIn?: DeadlineStatus[];
}

/** SQL condition on deadline `d` for a DeadlineFilter, status taken on `asOf`. */
export function deadlineCondition(filter: DeadlineFilter | undefined | null, d: SQL, asOf: SQL): SQL {
  if (!filter) return sql`TRUE`;
  const parts: SQL[] = [];
  if (filter.ruleIn) parts.push(sql`${d}.rule = ANY(${sql.value(filter.ruleIn)}::text[])`);
  if (filter.article != null) {
    const rules = Object.entries(DEADLINE_RULES)
      .filter(([, rule]) => rule.article === filter.article)
      .map(([name]) => name);
    parts.push(sql`${d}.rule = ANY(${sql.value(rules)}::text[])`);
  }
  if (filter.dueFrom) parts.push(sql`${d}.due_on >= ${sql.value(filter.dueFrom)}::date`);
  if (filter.dueTo) parts.push(sql`${d}.due_on <= ${sql.value(filter.dueTo)}::date`);
  if (filter.statusIn) {
    parts.push(sql`${deadlineStatusSql(d, asOf)} = ANY(${sql.value(filter.statusIn)}::text[])`);
  }
  return combine(parts, "AND");
}
