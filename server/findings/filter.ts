/** Which findings: the FindingFilter input and its compilation to SQL. */
import { type SQL, sql } from "pg-sql2";
import { Field, InputType, Int } from "type-graphql";

import { userError } from "../errors";
import { AssertionKind, Group, Theme } from "./finding";

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

/** Filters may nest `and`/`or`/`not`, but not without bound: deeper than this is refused. */
const MAX_FILTER_DEPTH = 8;

export function checkFilterDepth(depth: number): void {
  if (depth > MAX_FILTER_DEPTH) {
    throw userError("BAD_USER_INPUT", `filters may nest and/or/not at most ${MAX_FILTER_DEPTH} levels deep`, {
      argument: "filter",
    });
  }
}

/** The conditions joined with AND or OR; TRUE (AND) or FALSE (OR) when there are none. */
export function combine(parts: SQL[], joiner: "AND" | "OR"): SQL {
  if (parts.length === 0) return joiner === "AND" ? sql`TRUE` : sql`FALSE`;
  return parts.length === 1 ? parts[0] : sql.parens(sql.join(parts, ` ${joiner} `), true);
}

/**
 * `condition` negated so that NULL counts as false: a condition on a NULL column (a state with no
 * participation row) is NULL, and `not` must keep such rows.
 */
export const isNotTrue = (condition: SQL): SQL => sql`(${condition}) IS NOT TRUE`;

export interface FindingScope {
  /** The finding's alias. */
  finding: SQL;
  /** The report in scope. */
  report: SQL;
  /** The assertion linking a state to the finding, when filtering a state's findings. */
  assertion?: SQL;
}

/** SQL condition on the finding of `scope` for a FindingFilter. */
export function findingCondition(
  filter: FindingFilter | undefined | null,
  scope: FindingScope,
  depth = 0,
): SQL {
  if (!filter) return sql`TRUE`;
  checkFilterDepth(depth);
  const { finding: f, report } = scope;
  const parts: SQL[] = [];
  const nested = (list: FindingFilter[]) => list.map((x) => findingCondition(x, scope, depth + 1));
  if (filter.and) parts.push(combine(nested(filter.and), "AND"));
  if (filter.or) parts.push(combine(nested(filter.or), "OR"));
  if (filter.not) parts.push(isNotTrue(findingCondition(filter.not, scope, depth + 1)));
  if (filter.themeIn) parts.push(sql`${f}.theme = ANY(${sql.value(filter.themeIn)}::text[])`);
  if (filter.assertionKindIn) {
    const ka = sql.identifier(Symbol("ka"));
    // Inside a state's findings: an assertion about that state, whichever row linked them (so
    // that `and` over two kinds and `not` mean the finding, not one assertion row).
    const aboutState = scope.assertion
      ? sql`AND ${ka}.state_code = ${scope.assertion}.state_code`
      : sql.blank;
    parts.push(sql`EXISTS (SELECT 1 FROM assertion ${ka} WHERE ${ka}.report_id = ${f}.report_id
      AND ${ka}.finding_id = ${f}.id ${aboutState} AND ${ka}.kind = ANY(${sql.value(filter.assertionKindIn)}::text[]))`);
  }
  if (filter.actionNumber != null)
    parts.push(sql`${f}.actions @> ARRAY[${sql.value(filter.actionNumber)}::int]`);
  if (filter.article != null) parts.push(sql`${f}.articles @> ARRAY[${sql.value(filter.article)}::int]`);
  if (filter.paragraph != null) parts.push(sql`${f}.paragraph_number = ${sql.value(filter.paragraph)}`);
  if (filter.footnote != null) parts.push(sql`${f}.footnote_number = ${sql.value(filter.footnote)}`);
  if (filter.groupIn) parts.push(sql`${f}."group" = ANY(${sql.value(filter.groupIn)}::text[])`);
  if (filter.stateCode != null) {
    const ca = sql.identifier(Symbol("ca"));
    parts.push(sql`EXISTS (SELECT 1 FROM assertion ${ca} WHERE ${ca}.report_id = ${f}.report_id
      AND ${ca}.finding_id = ${f}.id AND ${ca}.state_code = ${sql.value(filter.stateCode.toUpperCase())})`);
  }
  if (filter.hasDiscrepancy != null) {
    const d = sql.identifier(Symbol("d"));
    const involved = sql`EXISTS (SELECT 1 FROM (SELECT DISTINCT unnest(${d}.findings) AS id FROM discrepancy ${d}
      WHERE ${d}.report_id = ${report}) involved WHERE involved.id = ${f}.id)`;
    parts.push(filter.hasDiscrepancy ? involved : sql`NOT ${involved}`);
  }
  if (filter.countDiffers != null) {
    const differs = sql`(${f}.stated_count IS NOT NULL AND NOT ${f}.list_is_partial AND ${f}.listed_count > 0
      AND ${f}.stated_count <> ${f}.listed_count)`;
    parts.push(filter.countDiffers ? differs : sql`NOT ${differs}`);
  }
  return combine(parts, "AND");
}
