/**
 * At ingest: how the report links each state to each action of the Vientiane Action Plan,
 * derived from what it asserts (the vocabulary gives each assertion kind its link, and the
 * actions it ties the content to) and from the obligations that put a State Party in an action's
 * scope. One row per link and finding, so every cell keeps its sources.
 */
import type { Participant, ReportDataset } from "../data/format";
import { expandActions } from "../data/validate";
import {
  ARTICLE_OF_THEME,
  type AssertionMeanings,
  type ImplementationLinkName,
  LINK_STRENGTH,
} from "../vocabulary";

/** One row of the action_link table. */
export type ActionLinkRow = {
  state_code: string;
  action_number: number;
  link: ImplementationLinkName;
  strength: number;
  /** ASSERTION: what a finding asserts about the state; OBLIGATION: the state's obligation puts it in scope. */
  basis: "ASSERTION" | "OBLIGATION";
  finding_id: string;
  /** The action reference as the finding cites it ("33-36" or 35); null for an obligation. */
  cited_as: string | null;
};

const strengthOf = (link: ImplementationLinkName) => LINK_STRENGTH.indexOf(link) + 1;

export function actionLinksOf(
  dataset: ReportDataset,
  participants: Participant[],
  meanings: AssertionMeanings,
): ActionLinkRow[] {
  const referenced = new Map(dataset.actions.map((a) => [a.number, a]));
  const rows = new Map<string, ActionLinkRow>();
  const add = (row: Omit<ActionLinkRow, "strength">) =>
    rows.set([row.state_code, row.action_number, row.finding_id, row.link, row.basis].join(" "), {
      ...row,
      strength: strengthOf(row.link),
    });

  // What the findings assert: the kind's link, for the finding's actions (only those the kind
  // is tied to, where the vocabulary says which: a finding carries its sub-heading's range).
  for (const finding of dataset.findings) {
    const citations = finding.actions.flatMap((ref) =>
      expandActions([ref]).map((n) => [n, String(ref)] as const),
    );
    for (const assertion of finding.assertions) {
      const implementation = meanings[assertion.kind].implementation;
      if (!implementation) continue;
      for (const [number, citedAs] of citations) {
        if (!referenced.has(number)) continue;
        if (implementation.actions && !implementation.actions.includes(number)) continue;
        add({
          state_code: assertion.state,
          action_number: number,
          link: implementation.link,
          basis: "ASSERTION",
          finding_id: finding.id,
          cited_as: citedAs,
        });
      }
    }
  }

  // The obligations: a State Party on the report's date with an operative obligation under an
  // article is in the scope of the actions of the themes that article concerns.
  const reportDate = dataset.report.finalisedOn;
  const statesParties = new Set(
    participants
      .filter(
        (p) =>
          p.joined &&
          p.joined <= reportDate &&
          !(p.withdrawalEffective && p.withdrawalEffective <= reportDate),
      )
      .map((p) => p.iso3),
  );
  for (const finding of dataset.findings) {
    for (const assertion of finding.assertions) {
      const obligation = meanings[assertion.kind].obligation;
      if (!obligation || !("article" in obligation) || obligation.status !== "OPERATIVE") continue;
      if (!statesParties.has(assertion.state)) continue;
      for (const action of dataset.actions) {
        if (ARTICLE_OF_THEME[action.theme] !== obligation.article) continue;
        add({
          state_code: assertion.state,
          action_number: action.number,
          link: "IN_SCOPE",
          basis: "OBLIGATION",
          finding_id: finding.id,
          cited_as: null,
        });
      }
    }
  }
  return [...rows.values()];
}
