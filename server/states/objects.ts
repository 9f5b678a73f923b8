import type { Context } from "../context";
import { whenReady } from "../graph/loaders";
import { type State, type StateRow, toState } from "./state";

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

/** The report's finalisation date (the default `asOf` of what it says). */
export function reportDate(ctx: Context, reportId: string): string | Promise<string> {
  return whenReady(ctx.reports.now(reportId), (row) => row?.finalised_on ?? "9999-12-31");
}

/** States for a report-scoped object, seen at its `asOf` (else the report's date). */
export async function statesOf(
  ctx: Context,
  reportId: string,
  rows: Promise<StateRow[]>,
  asOf?: string,
): Promise<State[]> {
  const [list, date] = await Promise.all([rows, reportDate(ctx, reportId)]);
  return list.map((row) => stateObject(ctx, row, reportId, asOf ?? date, date));
}
