/**
 * How a report file becomes table rows: the ingest mapping. One entry per table, with its
 * columns' SQL types; ./ingest.ts inserts each in one statement. Adding a field to the dataset
 * format means adding it here too.
 */
import type { ActionLinkRow } from "../actions/derive";
import type { ComputedDiscrepancy, DeadlineRow } from "../deadlines/derive";
import type { ReportDataset } from "./format";
import { expandActions } from "./validate";

/** The SQL types the ingest can insert. */
export type ColumnType = "text" | "integer" | "boolean" | "date" | "jsonb" | "text[]" | "integer[]";

/** Rows for one table, with the type of each column. */
export interface TableRows {
  table: string;
  columns: Record<string, ColumnType>;
  rows: Record<string, unknown>[];
}

/** The report's own row (table report), without its dataset version. */
export function reportRow(d: ReportDataset) {
  const r = d.report;
  return {
    id: r.id,
    title: r.title,
    synthetic: r.synthetic,
    meeting_name: r.meeting.name,
    meeting_abbreviation: r.meeting.abbreviation,
    meeting_city: r.meeting.city,
    meeting_month: r.meeting.month,
    period_from_meeting: r.period.fromMeeting,
    period_from_abbreviation: r.period.fromAbbreviation,
    period_from_city: r.period.fromCity,
    period_from: r.period.from,
    period_to: r.period.to,
    finalised_on: r.finalisedOn,
    submitted_by_role: r.submittedBy.role,
    submitted_by_state: r.submittedBy.state,
    prepared_by_capacity: r.preparedBy.capacity,
    prepared_by_state: r.preparedBy.state,
    prepared_by_footnote: r.preparedBy.footnote,
    source_file: r.source?.file ?? null,
    source_sha256: r.source?.sha256 ?? null,
    note: r.note,
  };
}

/** What the ingest derives from a report, the depositary record and the vocabulary. */
export interface DerivedRows {
  deadlines: DeadlineRow[];
  actionLinks: ActionLinkRow[];
  discrepancies: ComputedDiscrepancy[];
}

/** Every report-level table's rows, in an order that satisfies the foreign keys. */
export function rowsOfReport(d: ReportDataset, derived: DerivedRows): TableRows[] {
  const reportId = d.report.id;
  const withReport = <T extends object>(rows: T[]) => rows.map((row) => ({ report_id: reportId, ...row }));
  return [
    {
      table: "report_state",
      columns: { report_id: "text", state_code: "text", spellings: "text[]", note: "text" },
      rows: withReport(d.states.map((s) => ({ state_code: s.code, spellings: s.spellings, note: s.note }))),
    },
    {
      table: "section",
      columns: { report_id: "text", key: "text", numeral: "text", title: "text", position: "integer" },
      rows: withReport(
        d.sections.map((s, i) => ({ key: s.key, numeral: s.numeral, title: s.title, position: i })),
      ),
    },
    {
      table: "subheading",
      columns: {
        report_id: "text",
        section_key: "text",
        position: "integer",
        title: "text",
        paragraphs: "integer[]",
      },
      rows: withReport(
        d.sections.flatMap((s) =>
          s.subheadings.map((h, i) => ({
            section_key: s.key,
            position: i,
            title: h.title,
            paragraphs: h.paragraphs,
          })),
        ),
      ),
    },
    {
      table: "paragraph",
      columns: {
        report_id: "text",
        number: "integer",
        section_key: "text",
        subheading: "text",
        text: "text",
      },
      rows: withReport(
        d.paragraphs.map((p) => ({
          number: p.number,
          section_key: p.section,
          subheading: p.subheading,
          text: p.text,
        })),
      ),
    },
    {
      table: "footnote",
      columns: {
        report_id: "text",
        number: "integer",
        paragraph_number: "integer",
        anchor: "text",
        text: "text",
      },
      rows: withReport(
        d.footnotes.map((f) => ({
          number: f.number,
          paragraph_number: f.paragraph,
          anchor: f.anchor,
          text: f.text,
        })),
      ),
    },
    {
      table: "action",
      columns: {
        report_id: "text",
        number: "integer",
        theme: "text",
        description: "text",
        paragraphs: "integer[]",
        time_bound: "boolean",
        note: "text",
      },
      rows: withReport(
        d.actions.map((a) => ({
          number: a.number,
          theme: a.theme,
          description: a.description,
          paragraphs: a.paragraphs,
          time_bound: a.timeBound,
          note: a.note,
        })),
      ),
    },
    {
      table: "finding",
      columns: {
        report_id: "text",
        id: "text",
        position: "integer",
        paragraph_number: "integer",
        footnote_number: "integer",
        group: "text",
        theme: "text",
        stated_count: "integer",
        stated_count_text: "text",
        unit: "text",
        list_is_partial: "boolean",
        articles: "integer[]",
        actions: "integer[]",
        quote: "text",
        summary: "text",
        note: "text",
        listed_count: "integer",
      },
      rows: withReport(
        d.findings.map((f, i) => ({
          id: f.id,
          position: i,
          paragraph_number: f.paragraph,
          footnote_number: f.footnote,
          group: f.group,
          theme: f.theme,
          stated_count: f.statedCount,
          stated_count_text: f.statedCountText,
          unit: f.unit,
          list_is_partial: f.listIsPartial,
          articles: f.articles,
          actions: expandActions(f.actions),
          quote: f.quote,
          summary: f.summary,
          note: f.note,
          listed_count: new Set(f.assertions.map((a) => a.state)).size,
        })),
      ),
    },
    {
      table: "assertion",
      columns: {
        report_id: "text",
        finding_id: "text",
        position: "integer",
        state_code: "text",
        kind: "text",
        detail: "text",
        until: "date",
      },
      rows: withReport(
        d.findings.flatMap((f) =>
          f.assertions.map((a, i) => ({
            finding_id: f.id,
            position: i,
            state_code: a.state,
            kind: a.kind,
            detail: a.detail,
            until: a.until,
          })),
        ),
      ),
    },
    {
      table: "discussion_question",
      columns: {
        report_id: "text",
        paragraph_number: "integer",
        letter: "text",
        item: "text",
        position: "integer",
        text: "text",
      },
      rows: withReport(
        d.discussionQuestions.map((q, i) => ({
          paragraph_number: q.paragraph,
          letter: q.letter,
          item: q.item ?? "",
          position: i,
          text: q.text,
        })),
      ),
    },
    {
      table: "discrepancy",
      columns: {
        report_id: "text",
        id: "text",
        position: "integer",
        kind: "text",
        description: "text",
        report_says: "text",
        other_side_says: "text",
        paragraphs: "integer[]",
        footnotes: "integer[]",
        states: "text[]",
        findings: "text[]",
        note: "text",
        report_figure: "integer",
        computed_figure: "integer",
      },
      rows: withReport(
        [...d.discrepancies, ...derived.discrepancies].map((x, i) => ({
          id: x.id,
          position: i,
          kind: x.kind,
          description: x.description,
          report_says: x.reportSays,
          other_side_says: x.otherSideSays,
          paragraphs: x.paragraphs,
          footnotes: x.footnotes,
          states: x.states,
          findings: x.findings,
          note: x.note,
          report_figure: "reportFigure" in x ? x.reportFigure : null,
          computed_figure: "computedFigure" in x ? x.computedFigure : null,
        })),
      ),
    },
    {
      table: "deadline",
      columns: {
        report_id: "text",
        state_code: "text",
        rule: "text",
        position: "integer",
        deposited: "date",
        entry_into_force: "date",
        trigger_date: "date",
        due_on: "date",
        met_by: "text[]",
        begun_by: "text[]",
        extended_until: "date",
      },
      rows: withReport(derived.deadlines),
    },
    {
      table: "action_link",
      columns: {
        report_id: "text",
        state_code: "text",
        action_number: "integer",
        link: "text",
        strength: "integer",
        basis: "text",
        finding_id: "text",
        cited_as: "text",
      },
      rows: withReport(derived.actionLinks),
    },
    {
      table: "organisation",
      columns: {
        report_id: "text",
        key: "text",
        position: "integer",
        name: "text",
        abbreviation: "text",
        kind: "text",
      },
      rows: withReport(
        d.organisations.map((o, i) => ({
          key: o.key,
          position: i,
          name: o.name,
          abbreviation: o.abbreviation,
          kind: o.kind,
        })),
      ),
    },
    {
      table: "organisation_role",
      columns: {
        report_id: "text",
        organisation_key: "text",
        position: "integer",
        role: "text",
        paragraphs: "integer[]",
      },
      rows: withReport(
        d.organisations.flatMap((o) =>
          o.roles.map((role, i) => ({
            organisation_key: o.key,
            position: i,
            role: role.role,
            paragraphs: role.paragraphs,
          })),
        ),
      ),
    },
    {
      table: "use_instance",
      columns: {
        report_id: "text",
        id: "text",
        user_state: "text",
        territory_state: "text",
        year: "integer",
        description: "text",
        paragraphs: "integer[]",
      },
      rows: withReport(
        d.useInstances.map((u) => ({
          id: u.id,
          user_state: u.user,
          territory_state: u.territory,
          year: u.year,
          description: u.description,
          paragraphs: u.paragraphs,
        })),
      ),
    },
  ];
}
