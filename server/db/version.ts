import crypto from "node:crypto";

import type { ReportRow } from "../reports/report";

/**
 * The statement that reads the dataset version: every report's id and dataset version in one
 * string, with the current report's row (the latest real report) beside it. One statement, so
 * that the version and the report row come from one snapshot.
 */
export const VERSION_QUERY = `SELECT v.versions, r.* FROM (SELECT string_agg(id || '=' || dataset_version, ',' ORDER BY id) AS versions FROM report) v
  LEFT JOIN LATERAL (SELECT * FROM report ORDER BY synthetic, finalised_on DESC, id LIMIT 1) r ON true`;

/** What VERSION_QUERY read: the version (null while no report is loaded) and the current report. */
export interface VersionRead {
  version: string | null;
  report: ReportRow | null;
}

/** The version is a short hash of every report's dataset version: the same data, the same value on every node. */
export function versionOfRow(row: Record<string, unknown> | undefined): VersionRead {
  const { versions, ...report } = (row ?? {}) as unknown as ReportRow & { versions: string | null };
  return {
    version: versions ? crypto.createHash("sha256").update(versions).digest("hex").slice(0, 16) : null,
    report: report.id ? (report as ReportRow) : null,
  };
}
