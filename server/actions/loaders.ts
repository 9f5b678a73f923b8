import { sql } from "pg-sql2";

import { oneRow, rowsPer } from "../graph/loaders";
import type { ActionRow } from "./action";

export const action = oneRow<ActionRow, number>(
  (reportId, numbers) =>
    sql`SELECT * FROM action WHERE report_id = ${sql.value(reportId)} AND number = ANY(${sql.value(numbers)}::int[])`,
  (row) => row.number,
);

export const actionsByParagraph = rowsPer<ActionRow, number>(
  (reportId, numbers) =>
    sql`SELECT * FROM action WHERE report_id = ${sql.value(reportId)} AND paragraphs && ${sql.value(numbers)}::int[]
      ORDER BY number`,
  (row) => row.paragraphs,
);
