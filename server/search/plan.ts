/** How PostgreSQL builds the JSON of search hits (see graph/plan.ts). */
import { sql } from "pg-sql2";

import { column, type TypePlans } from "../graph/plan";
import { footnoteJson } from "../structure/plan";
import { hitOrder, HITS_WITH_PARTS, searchHits, searchText, SNIPPET } from "./search";

const hit = sql.identifier(Symbol("hit"));

/** Fields of a hit row: its kind, rank and snippet beside its paragraph's columns. */
export const SEARCH_HIT_PLANS: TypePlans = {
  kind: column("kind"),
  rank: column("rank"),
  snippet: column("snippet"),
  paragraph: ({ row, nodes, asOf, planner }) => planner.object("Paragraph", nodes, row, asOf),
  footnote: footnoteJson,
};

export const SEARCH_QUERY_PLANS: TypePlans = {
  search: ({ args, nodes, asOf, report, planner }) => {
    if (args.report != null) return null;
    const first = args.first as number;
    const query = searchText(args.text as string, first);
    const h = sql.identifier("h");
    const p = sql.identifier("p");
    return sql`(${searchHits(query, first, report)}
      SELECT coalesce(json_agg(${planner.object("SearchHit", nodes, hit, asOf)}
        ORDER BY ${hitOrder(hit)}), '[]'::json)
      FROM (SELECT ${h}.kind, ${h}.rank, ${h}.paragraph_number, ${h}.footnote_number, ${SNIPPET},
          ${p}.report_id, ${p}.number, ${p}.section_key, ${p}.subheading, ${p}.text
        FROM ${HITS_WITH_PARTS(report)}) ${hit})`;
  },
};
