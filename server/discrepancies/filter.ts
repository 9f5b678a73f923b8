/** Which discrepancies: the DiscrepancyFilter input and its compilation to SQL. */
import { type SQL, sql } from "pg-sql2";
import { Field, InputType, Int } from "type-graphql";

import { combine } from "../findings/filter";
import { DiscrepancyKind } from "./discrepancy";

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

/** SQL condition on discrepancy `d`. */
export function discrepancyCondition(filter: DiscrepancyFilter | undefined | null, d: SQL): SQL {
  if (!filter) return sql`TRUE`;
  const parts: SQL[] = [];
  if (filter.kindIn) parts.push(sql`${d}.kind = ANY(${sql.value(filter.kindIn)}::text[])`);
  if (filter.paragraph != null)
    parts.push(sql`${d}.paragraphs @> ARRAY[${sql.value(filter.paragraph)}::int]`);
  if (filter.footnote != null) parts.push(sql`${d}.footnotes @> ARRAY[${sql.value(filter.footnote)}::int]`);
  if (filter.stateCode != null) {
    parts.push(sql`${d}.states @> ARRAY[${sql.value(filter.stateCode.toUpperCase())}::text]`);
  }
  return combine(parts, "AND");
}
