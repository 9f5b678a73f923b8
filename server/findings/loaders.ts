/** How findings and their assertions are read in batches. */
import { sql } from "pg-sql2";

import { groupBy, type LoaderDefinition, oneRow, rowsPer } from "../graph/loaders";
import { s as st, STATE_COLUMNS, stateFrom } from "../states/sql";
import type { StateRow } from "../states/state";
import type { AssertionRow, FindingRow } from "./finding";
import { findingColumns } from "./sql";

const f = sql.identifier("f");

export const finding = oneRow<FindingRow, string>(
  (reportId, ids) =>
    sql`SELECT ${findingColumns(f)} FROM finding ${f}
      WHERE ${f}.report_id = ${sql.value(reportId)} AND ${f}.id = ANY(${sql.value(ids)})`,
  (row) => row.id,
);

export const findingsByParagraph = rowsPer<FindingRow, number>(
  (reportId, numbers) =>
    sql`SELECT ${findingColumns(f)} FROM finding ${f}
      WHERE ${f}.report_id = ${sql.value(reportId)} AND ${f}.paragraph_number = ANY(${sql.value(numbers)}::int[])
      ORDER BY ${f}.position`,
  (row) => [row.paragraph_number],
);

export const findingsByFootnote = rowsPer<FindingRow, number>(
  (reportId, numbers) =>
    sql`SELECT ${findingColumns(f)} FROM finding ${f}
      WHERE ${f}.report_id = ${sql.value(reportId)} AND ${f}.footnote_number = ANY(${sql.value(numbers)}::int[])
      ORDER BY ${f}.position`,
  (row) => (row.footnote_number === null ? [] : [row.footnote_number]),
);

export const findingsByAction = rowsPer<FindingRow, number>(
  (reportId, numbers) =>
    sql`SELECT ${findingColumns(f)} FROM finding ${f}
      WHERE ${f}.report_id = ${sql.value(reportId)} AND ${f}.actions && ${sql.value(numbers)}::int[]
      ORDER BY ${f}.position`,
  (row) => row.actions,
);

const a = sql.identifier("a");
const k = sql.identifier("k");

/** What each finding asserts, with what each kind means as the database holds it. */
export const assertionsByFinding = rowsPer<AssertionRow, string>(
  (reportId, ids) =>
    sql`SELECT ${a}.*, ${k}.description FROM assertion ${a} JOIN assertion_kind ${k} ON ${k}.kind = ${a}.kind
      WHERE ${a}.report_id = ${sql.value(reportId)} AND ${a}.finding_id = ANY(${sql.value(ids)})
      ORDER BY ${a}.finding_id, ${a}.position`,
  (row) => [row.finding_id],
);

/** An assertion with its state's row, when the two are read together. */
export type AssertionWithStateRow = AssertionRow & { state_row: StateRow | null };

/**
 * What each finding asserts, with the row of each state it names in the same statement: for
 * `assertions { state { ... } }` when no state rows are at hand, one round trip instead of two.
 * A state's row (as JSON) comes once per statement, on its first assertion, and is handed to the
 * others here: findings name the same states again and again (16,000 assertions of 75 states in a
 * 100x state profile), and a row on each would be megabytes.
 */
export const assertionsWithStates: LoaderDefinition<string, AssertionWithStateRow[]> = {
  async read(db, reportId, ids) {
    const report = sql.value(reportId);
    const x = sql.identifier("x");
    const rows = await db.query<AssertionWithStateRow>(
      sql`SELECT ${a}.*, ${k}.description,
        CASE WHEN row_number() OVER (PARTITION BY ${a}.state_code ORDER BY ${a}.finding_id, ${a}.position) = 1
          THEN (SELECT to_json(${x}) FROM (SELECT ${STATE_COLUMNS} FROM ${stateFrom(report)}
            WHERE ${st}.code = ${a}.state_code) ${x}) END AS state_row
        FROM assertion ${a} JOIN assertion_kind ${k} ON ${k}.kind = ${a}.kind
        WHERE ${a}.report_id = ${report} AND ${a}.finding_id = ANY(${sql.value(ids)})
        ORDER BY ${a}.finding_id, ${a}.position`,
    );
    const states = new Map<string, StateRow>();
    for (const row of rows) if (row.state_row) states.set(row.state_code, row.state_row);
    for (const row of rows) row.state_row = states.get(row.state_code) ?? null;
    return groupBy(rows, (row) => [row.finding_id]);
  },
  missing: () => [],
};
