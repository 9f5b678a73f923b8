import { sql } from "pg-sql2";

import { rowsPer } from "../graph/loaders";
import type { DeadlineRecord } from "./deadline";
import { deadlineColumns } from "./sql";

const d = sql.identifier("d");
const dp = sql.identifier("dp");

/** A state's deadlines, in the order of the rules. */
export const deadlinesOfState = rowsPer<DeadlineRecord, string>(
  (reportId, codes) =>
    sql`SELECT ${deadlineColumns(d, dp)} FROM deadline ${d} JOIN participation ${dp} ON ${dp}.state_code = ${d}.state_code
      WHERE ${d}.report_id = ${sql.value(reportId)} AND ${d}.state_code = ANY(${sql.value(codes)})
      ORDER BY ${d}.state_code, ${d}.position`,
  (row) => [row.state_code],
);
