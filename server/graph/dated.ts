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
