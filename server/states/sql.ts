/** The SQL that reads states: their rows, their status on a date, and their assertions. */
import { type SQL, sql } from "pg-sql2";

import { findingColumns } from "../findings/sql";
import type { StateAssertionRow } from "./facts";

/** The aliases of the tables a StateRow is read from. */
export const s = sql.identifier("s");
export const p = sql.identifier("p");
const rs = sql.identifier("rs");

/** Joins state `s` with its participation `p` and how report `report` names it (`rs`). */
export function stateJoins(report: SQL): SQL {
  return sql`LEFT JOIN participation ${p} ON ${p}.state_code = ${s}.code
    LEFT JOIN report_state ${rs} ON ${rs}.state_code = ${s}.code AND ${rs}.report_id = ${report}`;
}

/** state `s` with its participation `p` and how report `report` names it. */
export const stateFrom = (report: SQL): SQL => sql`state ${s} ${stateJoins(report)}`;

/** The columns of a StateRow, from `stateFrom`. */
export const STATE_COLUMNS = sql`${s}.code, ${s}.name, ${p}.depositary_name, ${p}.signed, ${p}.joined,
  ${p}.joined_by, ${p}.withdrawal_effective, ${p}.sources, ${rs}.spellings, ${rs}.note`;

/** The GROUP BY keys that make STATE_COLUMNS one row per state. */
export const STATE_GROUP = sql`${s}.code, ${p}.state_code, ${rs}.report_id, ${rs}.state_code`;

/** A state's spellings in the report, for a name lookup. */
export const STATE_SPELLINGS = sql`${rs}.spellings`;

/**
 * The SQL twin of statusOn (./state.ts): the status on date `asOf` of the state whose
 * participation columns `row` holds (`p`, or a row of STATE_COLUMNS).
 */
export function statusSql(asOf: SQL, row: SQL = p): SQL {
  return sql`(CASE WHEN ${row}.withdrawal_effective <= ${asOf}::date THEN 'NOT_PARTY'
    WHEN ${row}.joined <= ${asOf}::date THEN 'STATE_PARTY'
    WHEN ${row}.signed <= ${asOf}::date THEN 'SIGNATORY'
    ELSE 'NOT_PARTY' END)`;
}

const a = sql.identifier("a");
const k = sql.identifier("k");
const f = sql.identifier("f");

/** The columns of a StateAssertionRow (./facts.ts), from STATE_ASSERTION_SOURCE. */
export const STATE_ASSERTION_COLUMNS = sql`${a}.state_code, ${a}.kind, ${a}.detail,
  ${a}.position AS assertion_position, ${k}.meaning, ${findingColumns(f)}`;

/** A state's assertions (`a`), what their kinds mean (`k`) and the findings that make them (`f`). */
export const STATE_ASSERTION_SOURCE = sql`assertion ${a}
  JOIN assertion_kind ${k} ON ${k}.kind = ${a}.kind
  JOIN finding ${f} ON ${f}.report_id = ${a}.report_id AND ${f}.id = ${a}.finding_id`;

/** The assertions of the states `codes` in report `report`, in report order. */
export function stateAssertionsOf(report: SQL, codes: SQL): SQL {
  return sql`SELECT ${STATE_ASSERTION_COLUMNS} FROM ${STATE_ASSERTION_SOURCE}
    WHERE ${a}.report_id = ${report} AND ${a}.state_code = ANY(${codes})
    ORDER BY ${f}.position, ${a}.position`;
}

/**
 * A sub-select giving, for state `s`, its assertions in the report as a JSON array of arrays in
 * the order of STATE_ASSERTION_COLUMNS (`stateAssertionRows` makes them rows): lets a list of
 * states bring its facts in the same statement (only the assertions of some meanings, when
 * given; without their findings' summary and note, when `texts` is false). Arrays, not objects: a page of states brings hundreds to thousands of assertions, and
 * the same 22 keys written out for each one were a third of the JSON PostgreSQL built and Node parsed.
 */
export function stateAssertionsJson(
  report: SQL,
  options: { meanings?: readonly string[]; texts?: boolean } = {},
): SQL {
  const { meanings, texts = true } = options;
  // Only the assertions whose kinds mean one of `meanings` (keys of assertion_kind.meaning).
  const only = meanings ? sql` AND ${k}.meaning ?| ${sql.value(meanings)}::text[]` : sql.blank;
  return sql`(SELECT coalesce(json_agg(json_build_array(${a}.state_code, ${a}.kind, ${a}.detail, ${a}.position,
      ${k}.meaning, ${findingColumns(f, texts)}) ORDER BY ${f}.position, ${a}.position), '[]')
    FROM ${STATE_ASSERTION_SOURCE} WHERE ${a}.report_id = ${report} AND ${a}.state_code = ${s}.code${only})`;
}

/** The rows of the arrays `stateAssertionsJson` gives. */
export function stateAssertionRows(arrays: readonly (readonly unknown[])[]): StateAssertionRow[] {
  return arrays.map(
    (v) =>
      ({
        state_code: v[0],
        kind: v[1],
        detail: v[2],
        assertion_position: v[3],
        meaning: v[4],
        report_id: v[5],
        id: v[6],
        position: v[7],
        paragraph_number: v[8],
        footnote_number: v[9],
        group: v[10],
        theme: v[11],
        stated_count: v[12],
        stated_count_text: v[13],
        unit: v[14],
        list_is_partial: v[15],
        articles: v[16],
        actions: v[17],
        quote: v[18],
        summary: v[19],
        note: v[20],
        listed_count: v[21],
      }) as StateAssertionRow,
  );
}
