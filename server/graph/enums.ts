import { registerEnumType } from "type-graphql";

import type { Words } from "../vocabulary";

const registered = new Map<Words<string>, Record<string, string>>();

/**
 * The GraphQL enum of a list of vocabulary words (NAME -> "NAME"), with the words' meanings as
 * its value descriptions. Registered once, whichever concept asks first.
 */
export function enumOf<K extends string>(words: Words<K>): { [V in K]: V } {
  let made = registered.get(words);
  if (!made) {
    made = Object.fromEntries(words.values.map((v) => [v, v]));
    registerEnumType(made, {
      name: words.name,
      description: words.description,
      valuesConfig: Object.fromEntries(words.values.map((v) => [v, { description: words.meaning[v] }])),
    });
    registered.set(words, made);
  }
  return made as { [V in K]: V };
}

export const SortDirection = { ASC: "ASC", DESC: "DESC" } as const;
export type SortDirection = keyof typeof SortDirection;
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Ascending or descending order.",
  valuesConfig: {
    ASC: { description: "Ascending: A to Z, smallest first." },
    DESC: { description: "Descending: Z to A, largest first." },
  },
});
