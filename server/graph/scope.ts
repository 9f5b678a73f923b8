import type { Context } from "../context";
import { userError } from "../errors";
import type { ReportRow } from "../reports/report";

/**
 * The report a root field answers from: the one named by its `report` argument, or the current
 * report. A list asked of an unknown report is an error (NOT_FOUND); lookups return null instead.
 */
export async function reportInScope(ctx: Context, reportId: string | undefined | null): Promise<ReportRow> {
  const row = await maybeReport(ctx, reportId);
  if (!row) {
    throw userError("NOT_FOUND", reportId ? `no report "${reportId}" is loaded` : "no report is loaded yet", {
      argument: "report",
    });
  }
  return row;
}

/** Like reportInScope, but null when the report is unknown (for natural-key lookups). */
export async function maybeReport(
  ctx: Context,
  reportId: string | undefined | null,
): Promise<ReportRow | null> {
  const id = reportId ?? (await ctx.reports.currentId());
  return id ? ctx.reports.load(id) : null;
}
