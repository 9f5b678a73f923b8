import DataLoader from "dataloader";

import type { Sql } from "../db/sql";
import type { ActionRow } from "../domain/action";
import type { DiscrepancyRow } from "../domain/discrepancy";
import { type AssertionRow, findingColumns, type FindingRow } from "../domain/finding";
import type { OrganisationRow, UseInstanceRow } from "../domain/organisation";
import type { ReportRow } from "../domain/report";
import { stateColumns, stateJoins, type StateRow } from "../domain/state";
import {
  type DiscussionQuestionRow,
  FOOTNOTE_COLUMNS,
  type FootnoteRow,
  PARAGRAPH_COLUMNS,
  type ParagraphRow,
  type SectionRow,
  type SubheadingRow,
} from "../domain/structure";
import type { RowStore, SharedRows } from "./shared-rows";

/** An assertion about a state, with what its kind means and the finding that makes it. */
export interface StateAssertionRow extends FindingRow {
  state_code: string;
  kind: string;
  detail: string | null;
  assertion_position: number;
  article: number | null;
  obligation_status: string | null;
  stockpile_status: string | null;
  need_area: string | null;
  assistance_kind: string | null;
  legislation_status: string | null;
  contamination: boolean;
  voluntary_report: boolean;
}

type Scoped<V> = DataLoader<string, V>;

/** Discussion questions (`q`) with the section of their paragraph. */
export const QUESTION_SELECT = `SELECT q.*, p.section_key FROM discussion_question q
  JOIN paragraph p ON p.report_id = q.report_id AND p.number = q.paragraph_number`;

/** Organisations (`o`) with their roles as a JSON list, in order. */
export const ORGANISATION_SELECT = `SELECT o.*, coalesce((SELECT json_agg(json_build_object('role', x.role,
    'paragraphs', x.paragraphs) ORDER BY x.position)
  FROM organisation_role x WHERE x.report_id = o.report_id AND x.organisation_key = o.key), '[]') AS roles
  FROM organisation o`;

/** The columns of a StateAssertionRow, from STATE_ASSERTION_SOURCE. */
export const STATE_ASSERTION_COLUMNS = `a.state_code, a.kind, a.detail, a.position AS assertion_position,
  k.article, k.obligation_status, k.stockpile_status, k.need_area, k.assistance_kind,
  k.legislation_status, k.contamination, k.voluntary_report, ${findingColumns("f")}`;
export const STATE_ASSERTION_SOURCE = `assertion a
  JOIN assertion_kind k ON k.kind = a.kind
  JOIN finding f ON f.report_id = a.report_id AND f.id = a.finding_id`;

/**
 * A sub-select giving, for state `s`, its assertions in the report as a JSON array of
 * StateAssertionRow: lets a list of states bring its facts in the same statement.
 */
export function stateAssertionsJson(reportParam: string): string {
  return `(SELECT coalesce(json_agg(x ORDER BY x.position, x.assertion_position), '[]')
    FROM (SELECT ${STATE_ASSERTION_COLUMNS} FROM ${STATE_ASSERTION_SOURCE}
          WHERE a.report_id = ${reportParam} AND a.state_code = s.code) x)`;
}

/**
 * One set per request. Every loader but `report` (keyed by id) is keyed "reportId|key" and batches the keys asked for in
 * one tick into one SQL statement per report (in practice one, since a request reads one report),
 * returning results in key order. Nothing here issues a statement per row.
 */
export interface Loaders {
  report: DataLoader<string, ReportRow | null>;
  /** The report answered by default: the latest real (non-synthetic) report. */
  currentReportId(): Promise<string | null>;
  state: Scoped<StateRow | null>;
  stateAssertions: Scoped<StateAssertionRow[]>;
  finding: Scoped<FindingRow | null>;
  findingsByParagraph: Scoped<FindingRow[]>;
  findingsByFootnote: Scoped<FindingRow[]>;
  findingsByAction: Scoped<FindingRow[]>;
  assertionsByFinding: Scoped<AssertionRow[]>;
  statesByFinding: Scoped<StateRow[]>;
  statesByFootnote: Scoped<StateRow[]>;
  statesByParagraph: Scoped<StateRow[]>;
  statesByAction: Scoped<StateRow[]>;
  section: Scoped<SectionRow | null>;
  subheadingsBySection: Scoped<SubheadingRow[]>;
  paragraph: Scoped<ParagraphRow | null>;
  paragraphsBySection: Scoped<ParagraphRow[]>;
  footnote: Scoped<FootnoteRow | null>;
  footnotesByParagraph: Scoped<FootnoteRow[]>;
  questionsBySection: Scoped<DiscussionQuestionRow[]>;
  questionsByParagraph: Scoped<DiscussionQuestionRow[]>;
  action: Scoped<ActionRow | null>;
  actionsByParagraph: Scoped<ActionRow[]>;
  discrepancy: Scoped<DiscrepancyRow | null>;
  discrepanciesByState: Scoped<DiscrepancyRow[]>;
  discrepanciesByFinding: Scoped<DiscrepancyRow[]>;
  discrepanciesByParagraph: Scoped<DiscrepancyRow[]>;
  question: Scoped<DiscussionQuestionRow | null>;
  organisation: Scoped<OrganisationRow | null>;
  useInstance: Scoped<UseInstanceRow | null>;
  /**
   * Whether `loader` answers from rows shared with other requests: holding `key`, or, without a
   * key, holding anything (then a statement that would bring those rows along can leave them out).
   */
  holdsShared(loader: keyof Loaders, key?: string): boolean;
  /**
   * What `loader` gives for `key`, at once when the rows are shared (no promise, no batch), else
   * through the loader. A big answer resolves thousands of paragraphs and footnotes: values in
   * hand let graphql-js complete them synchronously instead of one promise per field.
   */
  now<N extends SharedLoader>(loader: N, key: string): Loaded<N> | Promise<Loaded<N>>;
  /** The report row by id, at once when this request has already read it. */
  reportNow(id: string): ReportRow | null | Promise<ReportRow | null>;
  /** Primes a loader for this request and, where rows are shared, for the requests after it. */
  prime(loader: "state" | "stateAssertions", key: string, value: StateRow | StateAssertionRow[]): void;
  /** A loader made on first use and kept for the request (e.g. one per filter argument). */
  custom<V>(key: string, make: () => DataLoader<string, V>): DataLoader<string, V>;
  /** Makes a report-scoped list loader from a fetch function. */
  scopedBy<V>(fetch: (reportId: string, keys: string[]) => Promise<Map<string, V>>): Scoped<V>;
}

/** The loaders whose rows may be shared by the requests of one dataset version (all keyed "reportId|key"). */
export type SharedLoader = Exclude<
  { [N in keyof Loaders]: Loaders[N] extends Scoped<unknown> ? N : never }[keyof Loaders],
  "report"
>;
/** What a loader gives for one key. */
export type Loaded<N extends SharedLoader> = Loaders[N] extends Scoped<infer V> ? V : never;

/**
 * Applies `f` to a value now, or once it is there: keeps a resolver synchronous when it can be.
 * (Not named `then`: a module exporting `then` is a thenable, and `await import()` would call it.)
 */
export function whenReady<T, R>(value: T | Promise<T>, f: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** Values now when all are in hand, else a promise of them all (a tuple stays a tuple). */
export function allNow<T extends readonly unknown[]>(
  values: T,
): { -readonly [I in keyof T]: Awaited<T[I]> } | Promise<{ -readonly [I in keyof T]: Awaited<T[I]> }> {
  type All = { -readonly [I in keyof T]: Awaited<T[I]> };
  return values.some((value) => value instanceof Promise)
    ? (Promise.all(values) as Promise<All>)
    : (values as unknown as All);
}

/** The rows a loadMany found (drops nulls and errors). */
export const present = <T>(rows: (T | null | Error)[]): T[] =>
  rows.filter((row): row is T => row !== null && !(row instanceof Error));

export const scopedKey = (reportId: string, key: string | number) => `${reportId}|${key}`;

/** Loads values for one report's keys; the map is keyed by the local key (as a string). */
type Fetch<V> = (reportId: string, keys: string[]) => Promise<Map<string, V>>;

/**
 * A report-scoped loader. With a `store` (rows shared by the requests of one dataset version),
 * keys already there are answered from it and only the others are fetched, then kept there,
 * absent ones included (as `missing()`), so a repeated miss costs no statement either.
 */
function scoped<V>(fetch: Fetch<V>, missing: () => V, store?: RowStore): Scoped<V> {
  return new DataLoader<string, V>(async (composite) => {
    const found = new Map<string, V>();
    const byReport = new Map<string, string[]>();
    for (const key of composite) {
      const shared = store?.get(key);
      if (shared) {
        found.set(key, shared.value as V);
        continue;
      }
      const bar = key.indexOf("|");
      const reportId = key.slice(0, bar);
      const keys = byReport.get(reportId);
      if (keys) keys.push(key.slice(bar + 1));
      else byReport.set(reportId, [key.slice(bar + 1)]);
    }
    await Promise.all(
      [...byReport].map(async ([reportId, keys]) => {
        const fetched = await fetch(reportId, keys);
        for (const key of keys) {
          const composed = scopedKey(reportId, key);
          const value = fetched.get(key) ?? missing();
          found.set(composed, value);
          store?.set(composed, { value });
        }
      }),
    );
    return composite.map((key) => found.get(key) ?? missing());
  });
}

const one = <Row>(rows: Row[], keyOf: (row: Row) => string | number) =>
  new Map(rows.map((row) => [String(keyOf(row)), row]));

export function many<Row>(rows: Row[], keysOf: (row: Row) => (string | number)[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      const list = grouped.get(String(key));
      if (list) list.push(row);
      else grouped.set(String(key), [row]);
    }
  }
  return grouped;
}

const ints = (keys: string[]) => keys.map(Number).filter(Number.isSafeInteger);

/** The rows shared by the requests of one dataset version, and the version this request started with. */
export interface SharedRowsOfVersion {
  rows: SharedRows;
  version: string | null | undefined;
}

export function createLoaders(sql: Sql, currentReport?: ReportRow, shared?: SharedRowsOfVersion): Loaders {
  // Each named loader keeps its rows in its own shared store (none when the request's version is
  // not the rows' version, or no sharing was asked for).
  const stores = new Map<string, RowStore>();
  const sharedStore = (name: SharedLoader) => {
    const store = shared?.rows.storeFor(name, shared.version);
    if (store) stores.set(name, store);
    return store;
  };
  let current: Promise<string | null> | undefined;
  const none = () => null;
  // Report rows this request has read, by id, for `reportNow`.
  const reports = new Map<string, ReportRow | null>();
  const report = new DataLoader<string, ReportRow | null>(async (ids) => {
    const rows = await sql.query<ReportRow>(`SELECT * FROM report WHERE id = ANY($1)`, [ids]);
    const byId = one(rows, (r) => r.id);
    return ids.map((id) => {
      const row = byId.get(id) ?? null;
      reports.set(id, row);
      return row;
    });
  });
  const primeReport = (row: ReportRow) => {
    report.prime(row.id, row);
    reports.set(row.id, row);
  };
  const empty = () => [];

  /**
   * States named by the assertions of findings matching `where` (on `f`), grouped by `via`, in
   * the order the report first names them.
   */
  const statesVia = (name: SharedLoader, where: string, via: string, asInt: boolean, lateral = "") =>
    scoped<StateRow[]>(
      async (r, keys) => {
        const rows = await sql.query<StateRow & { via: string }>(
          `SELECT ${via} AS via, ${stateColumns("s")}
         FROM finding f ${lateral}
         JOIN assertion a ON a.report_id = f.report_id AND a.finding_id = f.id
         JOIN state s ON s.code = a.state_code
         ${stateJoins("s", "$1")}
         WHERE f.report_id = $1 AND ${where}
         GROUP BY ${via}, s.code, p.state_code, rs.report_id, rs.state_code
         ORDER BY ${via}, min(f.position * 10000 + a.position)`,
          [r, asInt ? ints(keys) : keys],
        );
        return many(rows, (row) => [row.via]);
      },
      empty,
      sharedStore(name),
    );

  const findingsWhere = (name: SharedLoader, where: string, keyColumn: string, asInt: boolean) =>
    scoped<FindingRow[]>(
      async (r, keys) => {
        const rows = await sql.query<FindingRow & { via: string }>(
          `SELECT ${keyColumn} AS via, ${findingColumns("f")} FROM finding f
         WHERE f.report_id = $1 AND ${where} ORDER BY f.position`,
          [r, asInt ? ints(keys) : keys],
        );
        return many(rows, (row) => [row.via]);
      },
      empty,
      sharedStore(name),
    );

  const discrepanciesWhere = (
    name: SharedLoader,
    where: string,
    keysOf: (row: DiscrepancyRow) => (string | number)[],
    asInt: boolean,
  ) =>
    scoped<DiscrepancyRow[]>(
      async (r, keys) => {
        const rows = await sql.query<DiscrepancyRow>(
          `SELECT * FROM discrepancy d WHERE d.report_id = $1 AND ${where} ORDER BY d.position`,
          [r, asInt ? ints(keys) : keys],
        );
        // Groups for keys nobody asked for are never read (`scoped` takes only the keys it asked).
        return many(rows, keysOf);
      },
      empty,
      sharedStore(name),
    );

  const customLoaders = new Map<string, DataLoader<string, unknown>>();

  const loaders: Loaders = {
    prime(loader, key, value) {
      (loaders[loader] as DataLoader<string, unknown>).prime(key, value);
      stores.get(loader)?.set(key, { value });
    },
    now(loader, key) {
      const shared = stores.get(loader)?.get(key);
      if (shared) return shared.value as Loaded<typeof loader>;
      return (loaders[loader] as Scoped<Loaded<typeof loader>>).load(key);
    },
    reportNow(id) {
      const row = reports.get(id);
      return row !== undefined ? row : report.load(id);
    },
    holdsShared(loader, key) {
      const store = stores.get(loader);
      return store !== undefined && (key === undefined ? store.size > 0 : store.has(key));
    },
    custom<V>(key: string, make: () => DataLoader<string, V>) {
      let loader = customLoaders.get(key) as DataLoader<string, V> | undefined;
      if (!loader) {
        loader = make();
        customLoaders.set(key, loader as DataLoader<string, unknown>);
      }
      return loader;
    },
    scopedBy: <V>(fetch: Fetch<V>) => scoped<V>(fetch, () => [] as V),

    report,

    currentReportId() {
      if (currentReport && !current) {
        primeReport(currentReport);
        current = Promise.resolve(currentReport.id);
      }
      // The whole row in one statement: the root field will load it next (primed, not asked again).
      current ??= sql
        .query<ReportRow>(`SELECT * FROM report ORDER BY synthetic, finalised_on DESC, id LIMIT 1`)
        .then((rows) => {
          if (rows[0]) primeReport(rows[0]);
          return rows[0]?.id ?? null;
        });
      return current;
    },

    state: scoped(
      async (r, codes) => {
        const rows = await sql.query<StateRow>(
          `SELECT ${stateColumns("s")} FROM state s ${stateJoins("s", "$1")} WHERE s.code = ANY($2)`,
          [r, codes],
        );
        return one(rows, (row) => row.code);
      },
      none,
      sharedStore("state"),
    ),

    stateAssertions: scoped(
      async (r, codes) => {
        const rows = await sql.query<StateAssertionRow>(
          `SELECT ${STATE_ASSERTION_COLUMNS} FROM ${STATE_ASSERTION_SOURCE}
         WHERE a.report_id = $1 AND a.state_code = ANY($2)
         ORDER BY f.position, a.position`,
          [r, codes],
        );
        return many(rows, (row) => [row.state_code]);
      },
      empty,
      sharedStore("stateAssertions"),
    ),

    finding: scoped(
      async (r, ids) => {
        const rows = await sql.query<FindingRow>(
          `SELECT ${findingColumns("f")} FROM finding f WHERE f.report_id = $1 AND f.id = ANY($2)`,
          [r, ids],
        );
        return one(rows, (row) => row.id);
      },
      none,
      sharedStore("finding"),
    ),

    findingsByParagraph: findingsWhere(
      "findingsByParagraph",
      "f.paragraph_number = ANY($2)",
      "f.paragraph_number",
      true,
    ),
    findingsByFootnote: findingsWhere(
      "findingsByFootnote",
      "f.footnote_number = ANY($2)",
      "f.footnote_number",
      true,
    ),
    findingsByAction: scoped(
      async (r, keys) => {
        const rows = await sql.query<FindingRow>(
          `SELECT ${findingColumns("f")} FROM finding f WHERE f.report_id = $1 AND f.actions && $2::int[] ORDER BY f.position`,
          [r, ints(keys)],
        );
        return many(rows, (row) => row.actions);
      },
      empty,
      sharedStore("findingsByAction"),
    ),

    assertionsByFinding: scoped(
      async (r, ids) => {
        const rows = await sql.query<AssertionRow>(
          `SELECT * FROM assertion WHERE report_id = $1 AND finding_id = ANY($2) ORDER BY finding_id, position`,
          [r, ids],
        );
        return many(rows, (row) => [row.finding_id]);
      },
      empty,
      sharedStore("assertionsByFinding"),
    ),

    statesByFinding: statesVia("statesByFinding", "f.id = ANY($2)", "f.id", false),
    statesByFootnote: statesVia("statesByFootnote", "f.footnote_number = ANY($2)", "f.footnote_number", true),
    statesByParagraph: statesVia(
      "statesByParagraph",
      "f.paragraph_number = ANY($2)",
      "f.paragraph_number",
      true,
    ),
    statesByAction: statesVia(
      "statesByAction",
      "act.n = ANY($2)",
      "act.n",
      true,
      "CROSS JOIN LATERAL unnest(f.actions) AS act(n)",
    ),

    section: scoped(
      async (r, keys) => {
        const rows = await sql.query<SectionRow>(
          `SELECT * FROM section WHERE report_id = $1 AND key = ANY($2)`,
          [r, keys],
        );
        return one(rows, (row) => row.key);
      },
      none,
      sharedStore("section"),
    ),

    subheadingsBySection: scoped(
      async (r, keys) => {
        const rows = await sql.query<SubheadingRow>(
          `SELECT * FROM subheading WHERE report_id = $1 AND section_key = ANY($2) ORDER BY position`,
          [r, keys],
        );
        return many(rows, (row) => [row.section_key]);
      },
      empty,
      sharedStore("subheadingsBySection"),
    ),

    paragraph: scoped(
      async (r, keys) => {
        const rows = await sql.query<ParagraphRow>(
          `SELECT ${PARAGRAPH_COLUMNS} FROM paragraph WHERE report_id = $1 AND number = ANY($2)`,
          [r, ints(keys)],
        );
        return one(rows, (row) => row.number);
      },
      none,
      sharedStore("paragraph"),
    ),

    paragraphsBySection: scoped(
      async (r, keys) => {
        const rows = await sql.query<ParagraphRow>(
          `SELECT ${PARAGRAPH_COLUMNS} FROM paragraph
         WHERE report_id = $1 AND section_key = ANY($2) ORDER BY number`,
          [r, keys],
        );
        return many(rows, (row) => [row.section_key]);
      },
      empty,
      sharedStore("paragraphsBySection"),
    ),

    footnote: scoped(
      async (r, keys) => {
        const rows = await sql.query<FootnoteRow>(
          `SELECT ${FOOTNOTE_COLUMNS} FROM footnote WHERE report_id = $1 AND number = ANY($2)`,
          [r, ints(keys)],
        );
        return one(rows, (row) => row.number);
      },
      none,
      sharedStore("footnote"),
    ),

    footnotesByParagraph: scoped(
      async (r, keys) => {
        const rows = await sql.query<FootnoteRow>(
          `SELECT ${FOOTNOTE_COLUMNS} FROM footnote
         WHERE report_id = $1 AND paragraph_number = ANY($2) ORDER BY number`,
          [r, ints(keys)],
        );
        return many(rows, (row) => [row.paragraph_number]);
      },
      empty,
      sharedStore("footnotesByParagraph"),
    ),

    questionsBySection: scoped(
      async (r, keys) => {
        const rows = await sql.query<DiscussionQuestionRow>(
          `${QUESTION_SELECT} WHERE q.report_id = $1 AND p.section_key = ANY($2) ORDER BY q.position`,
          [r, keys],
        );
        return many(rows, (row) => [row.section_key]);
      },
      empty,
      sharedStore("questionsBySection"),
    ),

    questionsByParagraph: scoped(
      async (r, keys) => {
        const rows = await sql.query<DiscussionQuestionRow>(
          `${QUESTION_SELECT} WHERE q.report_id = $1 AND q.paragraph_number = ANY($2) ORDER BY q.position`,
          [r, ints(keys)],
        );
        return many(rows, (row) => [row.paragraph_number]);
      },
      empty,
      sharedStore("questionsByParagraph"),
    ),

    question: scoped(
      async (r, keys) => {
        const rows = await sql.query<DiscussionQuestionRow>(
          `${QUESTION_SELECT} WHERE q.report_id = $1 AND (q.paragraph_number::text || q.letter || q.item) = ANY($2)`,
          [r, keys],
        );
        return one(rows, (row) => `${row.paragraph_number}${row.letter}${row.item}`);
      },
      none,
      sharedStore("question"),
    ),

    action: scoped(
      async (r, keys) => {
        const rows = await sql.query<ActionRow>(
          `SELECT * FROM action WHERE report_id = $1 AND number = ANY($2)`,
          [r, ints(keys)],
        );
        return one(rows, (row) => row.number);
      },
      none,
      sharedStore("action"),
    ),

    actionsByParagraph: scoped(
      async (r, keys) => {
        const rows = await sql.query<ActionRow>(
          `SELECT * FROM action WHERE report_id = $1 AND paragraphs && $2::int[] ORDER BY number`,
          [r, ints(keys)],
        );
        return many(rows, (row) => row.paragraphs);
      },
      empty,
      sharedStore("actionsByParagraph"),
    ),

    discrepancy: scoped(
      async (r, keys) => {
        const rows = await sql.query<DiscrepancyRow>(
          `SELECT * FROM discrepancy WHERE report_id = $1 AND id = ANY($2)`,
          [r, keys],
        );
        return one(rows, (row) => row.id);
      },
      none,
      sharedStore("discrepancy"),
    ),
    discrepanciesByState: discrepanciesWhere(
      "discrepanciesByState",
      "d.states && $2::text[]",
      (d) => d.states,
      false,
    ),
    discrepanciesByFinding: discrepanciesWhere(
      "discrepanciesByFinding",
      "d.findings && $2::text[]",
      (d) => d.findings,
      false,
    ),
    discrepanciesByParagraph: discrepanciesWhere(
      "discrepanciesByParagraph",
      "d.paragraphs && $2::int[]",
      (d) => d.paragraphs,
      true,
    ),

    organisation: scoped(
      async (r, keys) => {
        const rows = await sql.query<OrganisationRow>(
          `${ORGANISATION_SELECT} WHERE o.report_id = $1 AND o.key = ANY($2)`,
          [r, keys],
        );
        return one(rows, (row) => row.key);
      },
      none,
      sharedStore("organisation"),
    ),

    useInstance: scoped(
      async (r, keys) => {
        const rows = await sql.query<UseInstanceRow>(
          `SELECT * FROM use_instance WHERE report_id = $1 AND id = ANY($2)`,
          [r, keys],
        );
        return one(rows, (row) => row.id);
      },
      none,
      sharedStore("useInstance"),
    ),
  };
  return loaders;
}
