/**
 * A closed list of words of the dataset's vocabulary (themes, groups, stockpile statuses ...),
 * each with what it means. Declared once here; the dataset format (zod), the database and the
 * GraphQL enums (server/graph/enums.ts) all take the values and their descriptions from here.
 */
export interface Words<K extends string> {
  /** The GraphQL enum's name. */
  readonly name: string;
  readonly description: string;
  /** The words, in declaration order. */
  readonly values: readonly [K, ...K[]];
  /** What each word means: the GraphQL enum value's description. */
  readonly meaning: Readonly<Record<K, string>>;
}

/** The words of a Words list, as a type. */
export type WordOf<W> = W extends Words<infer K> ? K : never;

export function defineWords<const M extends Record<string, string>>(
  name: string,
  description: string,
  meaning: M,
): Words<Extract<keyof M, string>> {
  const values = Object.keys(meaning) as Extract<keyof M, string>[];
  if (values.length === 0) throw new Error(`${name} declares no words`);
  return {
    name,
    description,
    values: values as [Extract<keyof M, string>, ...Extract<keyof M, string>[]],
    meaning,
  };
}
