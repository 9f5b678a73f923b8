/**
 * At ingest: every deadline the Convention sets each State Party, from its deposit date, with
 * what the report says about meeting it; and the report's figures about deadlines checked
 * against the rules (paragraph 71's "47 States Parties have reporting Article 7 deadlines up to
 * the 2MSP"), any difference kept as a discrepancy that shows the computation.
 */
import type { Participant, ReportDataset } from "../data/format";
import { type AssertionMeanings, DEADLINE_RULES, type DeadlineRuleName, DeadlineRule } from "../vocabulary";
import { articleOf, dueDate, entryIntoForce } from "./rules";

/** One row of the deadline table, as the ingest writes it. */
export type DeadlineRow = {
  state_code: string;
  rule: DeadlineRuleName;
  position: number;
  deposited: string;
  entry_into_force: string;
  trigger_date: string;
  due_on: string;
  met_by: string[];
  begun_by: string[];
  extended_until: string | null;
};

/**
 * The deadlines of every state that has deposited an instrument. The reporting deadlines
 * (Article 7) bind every State Party; stockpile destruction and clearance bind the states the
 * report gives an Article 3 or 4 obligation (operative or already fulfilled). A deadline that
 * falls after a withdrawal took effect no longer binds, and is left out.
 */
export function deadlinesOf(
  dataset: ReportDataset,
  participants: Participant[],
  meanings: AssertionMeanings,
): DeadlineRow[] {
  const articles = new Map<string, Set<number>>();
  const effects = new Map<string, { met: string[]; begun: string[]; until: string[] }>();
  for (const finding of dataset.findings) {
    for (const assertion of finding.assertions) {
      const meaning = meanings[assertion.kind];
      if (meaning.obligation && "article" in meaning.obligation) {
        const set = articles.get(assertion.state) ?? new Set<number>();
        articles.set(assertion.state, set.add(meaning.obligation.article));
      }
      if (!meaning.deadline) continue;
      const key = `${assertion.state} ${meaning.deadline.rule}`;
      const effect = effects.get(key) ?? { met: [], begun: [], until: [] };
      effects.set(key, effect);
      if (meaning.deadline.effect === "MET") effect.met.push(finding.id);
      if (meaning.deadline.effect === "BEGUN") effect.begun.push(finding.id);
      if (meaning.deadline.effect === "EXTENDED" && assertion.until) effect.until.push(assertion.until);
    }
  }
  const rows: DeadlineRow[] = [];
  for (const participant of participants) {
    if (!participant.joined) continue;
    const inForce = entryIntoForce(participant.joined);
    DeadlineRule.values.forEach((rule, position) => {
      const { obligationArticle } = DEADLINE_RULES[rule];
      if (obligationArticle !== null && !articles.get(participant.iso3)?.has(obligationArticle)) return;
      const { trigger, due } = dueDate(rule, inForce);
      if (participant.withdrawalEffective && participant.withdrawalEffective <= due) return;
      const effect = effects.get(`${participant.iso3} ${rule}`);
      rows.push({
        state_code: participant.iso3,
        rule,
        position,
        deposited: participant.joined!,
        entry_into_force: inForce,
        trigger_date: trigger,
        due_on: due,
        met_by: [...new Set(effect?.met ?? [])],
        begun_by: [...new Set(effect?.begun ?? [])],
        extended_until: effect?.until.sort().at(-1) ?? null,
      });
    });
  }
  return rows;
}

/** A discrepancy the ingest computes, in the shape of the dataset's own. */
export interface ComputedDiscrepancy {
  id: string;
  kind: "DEADLINE_MISMATCH";
  description: string;
  reportSays: string;
  otherSideSays: string;
  paragraphs: number[];
  footnotes: number[];
  states: string[];
  findings: string[];
  note: string;
  reportFigure: number;
  computedFigure: number;
}

/**
 * For each finding with a deadline check: how many States Parties (deposited by the report's
 * date) the rule makes due on or before the date checked, and a discrepancy when the report's
 * count differs. The computation is written out, state by state, grouped by due date.
 */
export function deadlineCheckDiscrepancies(
  dataset: ReportDataset,
  deadlines: DeadlineRow[],
): ComputedDiscrepancy[] {
  const reportDate = dataset.report.finalisedOn;
  const out: ComputedDiscrepancy[] = [];
  for (const finding of dataset.findings) {
    const check = finding.deadlineCheck;
    if (!check || finding.statedCount === null) continue;
    const due = deadlines
      .filter((d) => d.rule === check.rule && d.deposited <= reportDate && d.due_on <= check.dueOnOrBefore)
      .sort((a, b) => a.due_on.localeCompare(b.due_on) || a.state_code.localeCompare(b.state_code));
    if (due.length === finding.statedCount) continue;
    const byDate = new Map<string, string[]>();
    for (const d of due) byDate.set(d.due_on, [...(byDate.get(d.due_on) ?? []), d.state_code]);
    const article = articleOf(check.rule);
    const computation = [...byDate]
      .map(([date, codes]) => `${date}: ${codes.length} (${codes.join(", ")})`)
      .join("; ");
    out.push({
      id: `${finding.id}-deadline-mismatch`,
      kind: "DEADLINE_MISMATCH",
      description: `Paragraph ${finding.paragraph} counts ${finding.statedCount} States Parties with ${article} deadlines on or before ${check.dueOnOrBefore}; the Convention's rules applied to the depositary dates give ${due.length}.`,
      reportSays: finding.quote,
      otherSideSays:
        `${DeadlineRule.meaning[check.rule]} Entry into force: Art. 17 (1 August 2010 for the first 30 instruments, else the first day of the sixth month after deposit). ` +
        `States Parties on ${reportDate} (deposited by then) with that deadline on or before ${check.dueOnOrBefore}, by due date: ${computation}. Total ${due.length}.`,
      paragraphs: [finding.paragraph],
      footnotes: [],
      states: [],
      findings: [finding.id],
      note: check.note,
      reportFigure: finding.statedCount,
      computedFigure: due.length,
    });
  }
  return out;
}
