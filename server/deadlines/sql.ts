import { type SQL, sql } from "pg-sql2";

/** The columns of a DeadlineRecord: deadline `d` with the depositary's sources from participation `dp`. */
export const deadlineColumns = (d: SQL, dp: SQL): SQL => sql`${d}.*, ${dp}.joined_by, ${dp}.sources`;

/** The SQL twin of statusOf (./deadline.ts): deadline `d`'s status on `asOf`. */
export function deadlineStatusSql(d: SQL, asOf: SQL): SQL {
  return sql`(CASE WHEN cardinality(${d}.met_by) > 0 THEN 'MET'
    WHEN ${d}.extended_until > ${asOf}::date THEN 'EXTENDED'
    WHEN ${d}.due_on > ${asOf}::date THEN 'NOT_YET_DUE'
    ELSE 'DUE_NOT_REPORTED_MET' END)`;
}
