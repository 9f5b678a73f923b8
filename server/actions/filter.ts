/** Which cells of the state-by-action matrix: the ImplementationFilter input and its SQL. */
import { type SQL, sql } from "pg-sql2";
import { Field, InputType, Int } from "type-graphql";

import { combine } from "../findings/filter";
import { Theme } from "../findings/finding";
import { LINK_STRENGTH } from "../vocabulary";
import { ImplementationLink } from "./implementation";

@InputType({
  description:
    "Conditions on a state's implementation of the actions: the state has an action matching `actionIn`, `theme` and `timeBound` whose cell shows one of `linkIn` (its strongest link).",
})
export class ImplementationFilter {
  @Field(() => [Int], { nullable: true, description: "The action's number is one of these." })
  actionIn?: number[];

  @Field(() => Theme, { nullable: true, description: "The action belongs to this theme." })
  theme?: Theme;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: only actions the report treats as time-bound; false: only the others.",
  })
  timeBound?: boolean;

  @Field(() => [ImplementationLink], {
    nullable: true,
    description: "The cell's link (the strongest the report gives) is one of these; any link if omitted.",
  })
  linkIn?: ImplementationLink[];
}

/** Conditions on action `ac` for an ImplementationFilter (number, theme, time-bound). */
export function actionCondition(filter: ImplementationFilter, ac: SQL): SQL {
  const parts: SQL[] = [];
  if (filter.actionIn) parts.push(sql`${ac}.number = ANY(${sql.value(filter.actionIn)}::int[])`);
  if (filter.theme) parts.push(sql`${ac}.theme = ${sql.value(filter.theme)}`);
  if (filter.timeBound != null) parts.push(sql`${ac}.time_bound = ${sql.value(filter.timeBound)}`);
  return combine(parts, "AND");
}

/** A HAVING condition on the strongest link (`min(al.strength)`) of a cell. */
export function strongestLinkIn(filter: ImplementationFilter, al: SQL): SQL {
  if (!filter.linkIn) return sql`TRUE`;
  const strengths = filter.linkIn.map((link) => LINK_STRENGTH.indexOf(link) + 1);
  return sql`min(${al}.strength) = ANY(${sql.value(strengths)}::int[])`;
}

/** SQL condition on state `state`: it has a cell matching the filter in report `report`. */
export function implementationCondition(filter: ImplementationFilter, state: SQL, report: SQL): SQL {
  const [al, ac] = [sql.identifier(Symbol("al")), sql.identifier(Symbol("ac"))];
  return sql`EXISTS (SELECT 1 FROM action_link ${al}
    JOIN action ${ac} ON ${ac}.report_id = ${al}.report_id AND ${ac}.number = ${al}.action_number
    WHERE ${al}.report_id = ${report} AND ${al}.state_code = ${state}.code AND ${actionCondition(filter, ac)}
    GROUP BY ${al}.action_number HAVING ${strongestLinkIn(filter, al)})`;
}
