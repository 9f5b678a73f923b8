import DataLoader from "dataloader";
import { sql } from "pg-sql2";

import type { RequestDb } from "../db/sql";
import type { ReportRow } from "./report";

/** The current report first: the latest real report (synthetic test data last). */
export const REPORTS_IN_ORDER = sql`ORDER BY synthetic, finalised_on DESC, id`;

/** A request's report rows, by id, and which report is current. */
export interface ReportLoader {
  load(id: string): Promise<ReportRow | null>;
  /** The report row at once when this request has already read it. */
  now(id: string): ReportRow | null | Promise<ReportRow | null>;
  /** The id of the report answered by default: the latest real (non-synthetic) report. */
  currentId(): Promise<string | null>;
}

/**
 * `current`, when given, is the current report as the dataset version last read it: the request
 * then does not ask the database for it.
 */
export function createReportLoader(db: RequestDb, current?: ReportRow): ReportLoader {
  const read = new Map<string, ReportRow | null>();
  const loader = new DataLoader<string, ReportRow | null>(async (ids) => {
    const rows = await db.query<ReportRow>(sql`SELECT * FROM report WHERE id = ANY(${sql.value(ids)})`);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id) ?? null;
      read.set(id, row);
      return row;
    });
  });
  const keep = (row: ReportRow) => {
    loader.prime(row.id, row);
    read.set(row.id, row);
  };
  let currentId: Promise<string | null> | undefined;
  return {
    load: (id) => loader.load(id),
    now(id) {
      const row = read.get(id);
      return row !== undefined ? row : loader.load(id);
    },
    currentId() {
      if (current && !currentId) {
        keep(current);
        currentId = Promise.resolve(current.id);
      }
      // The whole row in one statement: the root field will load it next (primed, not asked again).
      currentId ??= db
        .query<ReportRow>(sql`SELECT * FROM report ${REPORTS_IN_ORDER} LIMIT 1`)
        .then(([row]) => {
          if (row) keep(row);
          return row?.id ?? null;
        });
      return currentId;
    },
  };
}
