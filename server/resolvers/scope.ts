import type { Context } from "../context";
import { type State, type StateRow, toState } from "../domain/state";
import type { ReportRow } from "../domain/report";
import { userError } from "../errors";

/**
 * The report a root field answers from: the one named by its `report` argument, or the current
 * report. A list asked of an unknown report is an error (NOT_FOUND); lookups return null instead.
 */
export async function reportInScope(ctx: Context, reportId: string | undefined | null): Promise<ReportRow> {
  const id = reportId ?? (await ctx.loaders.currentReportId());
  const row = id ? await ctx.loaders.report.load(id) : null;
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
  const id = reportId ?? (await ctx.loaders.currentReportId());
  return id ? ctx.loaders.report.load(id) : null;
}

/** Anything whose nested states are seen at a date: a State, or an object reached from one. */
export interface Dated {
  asOf?: string;
}

/**
 * Passes a parent's `asOf` on to the objects reached from it, so that `status` on a nested
 * State answers for the date the root field was asked about.
 */
export function dated<T extends Dated>(value: T, parent: Dated): T {
  if (parent.asOf !== undefined) value.asOf = parent.asOf;
  return value;
}

export function datedAll<T extends Dated>(values: T[], parent: Dated): T[] {
  for (const value of values) dated(value, parent);
  return values;
}

/**
 * The State object for a row, seen from a report at a date, made once per request: a big answer
 * names the same few states thousands of times (every assertion of every finding).
 */
export function stateObject(
  ctx: Context,
  row: StateRow,
  reportId: string,
  asOf: string,
  reportDate: string,
): State {
  const key = `${reportId}|${row.code}|${asOf}`;
  let state = ctx.states.get(key) as State | undefined;
  if (!state) {
    state = toState(row, reportId, asOf, reportDate);
    ctx.states.set(key, state);
  }
  return state;
}
