/** How states are read in batches: by code, and as named by findings, footnotes, paragraphs, actions. */
import { type SQL, sql } from "pg-sql2";

import { type Key, oneRow, rowsPer } from "../graph/loaders";
import type { StateAssertionRow } from "./facts";
import { s, STATE_COLUMNS, STATE_GROUP, stateAssertionsOf, stateFrom, stateJoins } from "./sql";
import type { StateRow } from "./state";

export const state = oneRow<StateRow, string>(
  (reportId, codes) =>
    sql`SELECT ${STATE_COLUMNS} FROM ${stateFrom(sql.value(reportId))} WHERE ${s}.code = ANY(${sql.value(codes)})`,
  (row) => row.code,
);

/** A state's assertions with what their kinds mean and their findings, in report order. */
export const stateAssertions = rowsPer<StateAssertionRow, string>(
  (reportId, codes) => stateAssertionsOf(sql.value(reportId), sql.value(codes)),
  (row) => [row.state_code],
);

const f = sql.identifier("f");
const a = sql.identifier("a");

/**
 * States named by the assertions of findings, grouped by `via` (an expression on finding `f`
 * whose values are the keys), in the order the report first names them.
 */
function statesVia<K extends Key>(via: SQL, keyType: SQL, lateral: SQL = sql.blank) {
  return rowsPer<StateRow & { via: K }, K>(
    (reportId, keys) => {
      const report = sql.value(reportId);
      return sql`SELECT ${via} AS via, ${STATE_COLUMNS}
        FROM finding ${f} ${lateral}
        JOIN assertion ${a} ON ${a}.report_id = ${f}.report_id AND ${a}.finding_id = ${f}.id
        JOIN state ${s} ON ${s}.code = ${a}.state_code
        ${stateJoins(report)}
        WHERE ${f}.report_id = ${report} AND ${via} = ANY(${sql.value(keys as readonly Key[])}::${keyType}[])
        GROUP BY ${via}, ${STATE_GROUP}
        ORDER BY ${via}, min(${f}.position * 10000 + ${a}.position)`;
    },
    (row) => [row.via],
  );
}

export const statesByFinding = statesVia<string>(sql`${f}.id`, sql`text`);
export const statesByFootnote = statesVia<number>(sql`${f}.footnote_number`, sql`int`);
export const statesByParagraph = statesVia<number>(sql`${f}.paragraph_number`, sql`int`);
const act = sql.identifier("act");
export const statesByAction = statesVia<number>(
  sql`${act}.n`,
  sql`int`,
  sql`CROSS JOIN LATERAL unnest(${f}.actions) AS ${act}(n)`,
);
