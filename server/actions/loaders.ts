import { sql } from "pg-sql2";

import { oneRow, rowsPer } from "../graph/loaders";
import type { ActionRow } from "./action";
import type { ActionLinkRecord } from "./implementation";

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

const al = sql.identifier("al");
const lf = sql.identifier("lf");

/** Link rows in the order cells show them: by action, then strongest link, then report order. */
const linkRows = (where: (al: typeof lf) => ReturnType<typeof sql>) =>
  sql`SELECT ${al}.* FROM action_link ${al}
    JOIN finding ${lf} ON ${lf}.report_id = ${al}.report_id AND ${lf}.id = ${al}.finding_id
    WHERE ${where(al)} ORDER BY ${al}.action_number, ${al}.state_code, ${al}.strength, ${lf}.position`;

/** A state's links to the actions. */
export const implementationOfState = rowsPer<ActionLinkRecord, string>(
  (reportId, codes) =>
    linkRows(
      (a) => sql`${a}.report_id = ${sql.value(reportId)} AND ${a}.state_code = ANY(${sql.value(codes)})`,
    ),
  (row) => [row.state_code],
);

/** An action's links to the states. */
export const implementationOfAction = rowsPer<ActionLinkRecord, number>(
  (reportId, numbers) =>
    linkRows(
      (a) =>
        sql`${a}.report_id = ${sql.value(reportId)} AND ${a}.action_number = ANY(${sql.value(numbers)}::int[])`,
    ),
  (row) => [row.action_number],
);
