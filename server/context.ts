import type { FastifyReply } from "fastify";

import * as actions from "./actions/loaders";
import * as deadlines from "./deadlines/loaders";
import { RequestDb, type Statements } from "./db/sql";
import * as discrepancies from "./discrepancies/loaders";
import * as findings from "./findings/loaders";
import { createLoaders, type LoadersOf, type Rows, type SharedRowsOfVersion } from "./graph/loaders";
import * as organisations from "./organisations/loaders";
import { createReportLoader, type ReportLoader } from "./reports/loaders";
import type { ReportRow } from "./reports/report";
import * as states from "./states/loaders";
import * as structure from "./structure/loaders";

/**
 * Every loader of a request, by name. Each name is also the name of the loader's share of the
 * rows requests of one dataset version share: one object literal, so two loaders cannot be
 * given one name (TypeScript refuses a repeated property).
 */
export const LOADERS = {
  state: states.state,
  stateAssertions: states.stateAssertions,
  statesByFinding: states.statesByFinding,
  statesByFootnote: states.statesByFootnote,
  statesByParagraph: states.statesByParagraph,
  statesByAction: states.statesByAction,
  finding: findings.finding,
  findingsByParagraph: findings.findingsByParagraph,
  findingsByFootnote: findings.findingsByFootnote,
  findingsByAction: findings.findingsByAction,
  assertionsByFinding: findings.assertionsByFinding,
  section: structure.section,
  subheadingsBySection: structure.subheadingsBySection,
  paragraph: structure.paragraph,
  paragraphsBySection: structure.paragraphsBySection,
  footnote: structure.footnote,
  footnotesByParagraph: structure.footnotesByParagraph,
  questionsBySection: structure.questionsBySection,
  questionsByParagraph: structure.questionsByParagraph,
  question: structure.question,
  action: actions.action,
  actionsByParagraph: actions.actionsByParagraph,
  discrepancy: discrepancies.discrepancy,
  discrepanciesByState: discrepancies.discrepanciesByState,
  discrepanciesByFinding: discrepancies.discrepanciesByFinding,
  discrepanciesByParagraph: discrepancies.discrepanciesByParagraph,
  organisation: organisations.organisation,
  useInstance: organisations.useInstance,
  deadlinesOfState: deadlines.deadlinesOfState,
  implementationOfState: actions.implementationOfState,
  implementationOfAction: actions.implementationOfAction,
};
export type LoaderTableOfRequest = typeof LOADERS;

/** What every resolver of one request sees: its database handle and its own loaders. */
export interface Context {
  db: RequestDb;
  loaders: LoadersOf<LoaderTableOfRequest>;
  /** Loaded values at once where shared, and whether they are. */
  rows: Rows<LoaderTableOfRequest>;
  reports: ReportLoader;
  /** State objects made in this request, by report, code and date: one per state, not per mention. */
  states: Map<string, unknown>;
  /** The HTTP reply, when the request came over HTTP (for cache headers and log notes). */
  res?: FastifyReply;
}

/**
 * `currentReport`, when given, is the current report as the dataset version last read it: the
 * request then does not ask the database for it. `shared`, when given, lets the request's loaders
 * use the rows other requests of the same dataset version read.
 */
export function createContext(
  reader: Statements,
  res?: FastifyReply,
  currentReport?: ReportRow | null,
  shared?: SharedRowsOfVersion,
): Context {
  const db = new RequestDb(reader);
  const { loaders, rows } = createLoaders(LOADERS, db, shared);
  return {
    db,
    loaders,
    rows,
    reports: createReportLoader(db, currentReport ?? undefined),
    states: new Map(),
    res,
  };
}
