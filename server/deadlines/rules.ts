/**
 * The Convention's deadline rules applied to dates: entry into force for a state (Article 17)
 * and what each rule makes due when (Articles 3(2), 4(1)(a), 7(1), 7(2)). Pure functions of
 * calendar dates ("YYYY-MM-DD"), so that tests can check them against known cases.
 */
import {
  DEADLINE_RULES,
  type DeadlineRuleName,
  FIRST_ENTRY_INTO_FORCE,
  THIRTIETH_DEPOSIT,
} from "../vocabulary";

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** Art. 17: the day the Convention entered into force for a state that deposited on `deposited`. */
export function entryIntoForce(deposited: string): string {
  if (deposited <= THIRTIETH_DEPOSIT) return FIRST_ENTRY_INTO_FORCE;
  // Art. 17(2): the first day of the sixth month after the month of deposit.
  const date = utc(deposited);
  return iso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 6, 1)));
}

/** The same calendar day `years` later (29 February falls back to 28 February). */
export function addYears(day: string, years: number): string {
  const date = utc(day);
  const later = new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));
  return later.getUTCMonth() === date.getUTCMonth()
    ? iso(later)
    : iso(new Date(later.getTime() - 86_400_000));
}

export function addDays(day: string, days: number): string {
  return iso(new Date(utc(day).getTime() + days * 86_400_000));
}

/** The first 30 April strictly after `day`. */
export function nextThirtiethOfApril(day: string): string {
  const year = Number(day.slice(0, 4));
  const sameYear = `${year}-04-30`;
  return day < sameYear ? sameYear : `${year + 1}-04-30`;
}

/** When a state's deadline under `rule` falls, given its entry into force. */
export function dueDate(rule: DeadlineRuleName, inForce: string): { trigger: string; due: string } {
  const term = DEADLINE_RULES[rule].term;
  if ("years" in term) return { trigger: inForce, due: addYears(inForce, term.years) };
  const initial = addDays(inForce, DEADLINE_RULES.INITIAL_REPORT.term.days);
  if ("days" in term) return { trigger: inForce, due: initial };
  // Art. 7(2): the first annual update is due the 30 April after the initial report's deadline.
  return { trigger: initial, due: nextThirtiethOfApril(initial) };
}

/** The article and paragraph a rule comes from, as cited: "Article 3(2)". */
export function articleOf(rule: DeadlineRuleName): string {
  const { article, paragraph } = DEADLINE_RULES[rule];
  // "1(a)" is paragraph 1, sub-paragraph (a): cited "(1)(a)".
  const [number, ...sub] = paragraph.match(/\d+|\([a-z]\)/g) ?? [paragraph];
  return `Article ${article}(${number})${sub.join("")}`;
}
