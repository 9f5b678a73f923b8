import { type SQL, sql } from "pg-sql2";

import { type Key, oneRow, rowsPer } from "../graph/loaders";
import type { DiscrepancyRow } from "./discrepancy";

export const discrepancy = oneRow<DiscrepancyRow, string>(
  (reportId, ids) =>
    sql`SELECT * FROM discrepancy WHERE report_id = ${sql.value(reportId)} AND id = ANY(${sql.value(ids)})`,
  (row) => row.id,
);

/** Discrepancies whose array column `column` holds any of the keys. */
function involving<K extends Key>(column: SQL, keyType: SQL, keysOf: (row: DiscrepancyRow) => K[]) {
  return rowsPer<DiscrepancyRow, K>(
    (reportId, keys) =>
      sql`SELECT * FROM discrepancy WHERE report_id = ${sql.value(reportId)}
        AND ${column} && ${sql.value(keys as readonly Key[])}::${keyType}[] ORDER BY position`,
    // Groups for keys nobody asked for are never read (a loader takes only the keys it asked).
    keysOf,
  );
}

export const discrepanciesByState = involving<string>(sql`states`, sql`text`, (d) => d.states);
export const discrepanciesByFinding = involving<string>(sql`findings`, sql`text`, (d) => d.findings);
export const discrepanciesByParagraph = involving<number>(sql`paragraphs`, sql`int`, (d) => d.paragraphs);
