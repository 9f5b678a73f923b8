import type { AssertionKind } from "../data/format";
import {
  ASSERTION_MEANINGS,
  type AssertionMeaning,
  PROVIDED_ASSISTANCE,
  RECEIVED_ASSISTANCE,
} from "../domain/facts";
import { userError } from "../errors";
import { statusSql } from "../domain/state";
import type { DiscrepancyFilter, FindingFilter, StateFilter } from "./inputs";

/** Collects bind parameters; `add` returns the placeholder. Filters never splice values into SQL. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * A placeholder bound only when first written into the SQL: PostgreSQL refuses parameters a
   * statement never uses ("could not determine data type"), and a filter may not use the report.
   */
  lazy(value: unknown): string {
    let placeholder: string | undefined;
    return { toString: () => (placeholder ??= this.add(value)) } as unknown as string;
  }
}

/** Filters may nest `and`/`or`/`not`, but not without bound: deeper than this is refused. */
const MAX_FILTER_DEPTH = 8;

export interface StateScope {
  params: Params;
  /** Placeholder of the report id. */
  report: string;
  /** Placeholder of the as-of date. */
  asOf: string;
}

function combine(parts: string[], joiner: "AND" | "OR"): string {
  if (parts.length === 0) return joiner === "AND" ? "TRUE" : "FALSE";
  return parts.length === 1 ? parts[0] : `(${parts.join(` ${joiner} `)})`;
}

function checkDepth(depth: number) {
  if (depth > MAX_FILTER_DEPTH) {
    throw userError("BAD_USER_INPUT", `filters may nest and/or/not at most ${MAX_FILTER_DEPTH} levels deep`, {
      argument: "filter",
    });
  }
}

/** The assertion kinds whose meaning passes `test`: derived facts are filtered by kind, on an index. */
function kindsWhere(test: (meaning: AssertionMeaning) => boolean): AssertionKind[] {
  return (Object.entries(ASSERTION_MEANINGS) as [AssertionKind, AssertionMeaning][])
    .filter(([, meaning]) => test(meaning))
    .map(([kind]) => kind);
}

/**
 * SQL condition on state alias `s` (joined with participation `p`) for a StateFilter. Every
 * derived-fact condition is an EXISTS over the state's assertions of the matching kinds in the
 * report in scope (index assertion_by_state_kind).
 */
export function stateCondition(filter: StateFilter | undefined | null, scope: StateScope, depth = 0): string {
  if (!filter) return "TRUE";
  checkDepth(depth);
  const { params, report } = scope;
  const parts: string[] = [];
  const hasKind = (kinds: AssertionKind[]) =>
    `EXISTS (SELECT 1 FROM assertion fa WHERE fa.report_id = ${report} AND fa.state_code = s.code
      AND fa.kind = ANY(${params.add(kinds)}::text[]))`;
  const among = <T>(values: readonly T[] | undefined | null, value: T | undefined) =>
    value !== undefined && (!values || values.includes(value));

  if (filter.and)
    parts.push(
      combine(
        filter.and.map((f) => stateCondition(f, scope, depth + 1)),
        "AND",
      ),
    );
  if (filter.or)
    parts.push(
      combine(
        filter.or.map((f) => stateCondition(f, scope, depth + 1)),
        "OR",
      ),
    );
  // IS NOT TRUE, not NOT: a condition on a NULL column (a state with no participation row) is
  // NULL, and `not` must keep such rows.
  if (filter.not) parts.push(`(${stateCondition(filter.not, scope, depth + 1)}) IS NOT TRUE`);
  if (filter.codeIn)
    parts.push(`s.code = ANY(${params.add(filter.codeIn.map((c) => c.toUpperCase()))}::text[])`);
  if (filter.name != null) {
    const pattern = params.add(`%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    parts.push(`(s.name ILIKE ${pattern} OR p.depositary_name ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM report_state xs, unnest(xs.spellings) sp
        WHERE xs.report_id = ${report} AND xs.state_code = s.code AND sp ILIKE ${pattern}))`);
  }
  if (filter.namedInReport != null) {
    parts.push(
      `${filter.namedInReport ? "" : "NOT "}EXISTS (SELECT 1 FROM report_state ns WHERE ns.report_id = ${report} AND ns.state_code = s.code)`,
    );
  }
  if (filter.status) parts.push(`${statusSql(scope.asOf)} = ${params.add(filter.status)}`);
  if (filter.statusIn) parts.push(`${statusSql(scope.asOf)} = ANY(${params.add(filter.statusIn)}::text[])`);
  if (filter.obligation) {
    const { article, status } = filter.obligation;
    parts.push(
      hasKind(
        kindsWhere(
          (m) =>
            m.obligation !== undefined &&
            (article == null || m.obligation.article === article) &&
            (status == null || m.obligation.status === status),
        ),
      ),
    );
  }
  if (filter.stockpile) {
    const statuses = filter.stockpile.statusIn ?? ["EXISTING"];
    parts.push(hasKind(kindsWhere((m) => among(statuses, m.stockpile))));
  }
  if (filter.assistanceNeed)
    parts.push(hasKind(kindsWhere((m) => among(filter.assistanceNeed!.areaIn, m.need))));
  if (filter.assistanceProvided) {
    const kinds = (filter.assistanceProvided.kindIn ?? PROVIDED_ASSISTANCE).filter((k) =>
      PROVIDED_ASSISTANCE.includes(k),
    );
    parts.push(hasKind(kindsWhere((m) => among(kinds, m.assistance))));
  }
  if (filter.assistanceReceived) {
    const kinds = (filter.assistanceReceived.kindIn ?? RECEIVED_ASSISTANCE).filter((k) =>
      RECEIVED_ASSISTANCE.includes(k),
    );
    parts.push(hasKind(kindsWhere((m) => among(kinds, m.assistance))));
  }
  if (filter.legislation) {
    parts.push(hasKind(kindsWhere((m) => among(filter.legislation!.statusIn, m.legislation))));
  }
  if (filter.contaminated != null) {
    parts.push(`${filter.contaminated ? "" : "NOT "}${hasKind(kindsWhere((m) => m.contamination === true))}`);
  }
  if (filter.findings) {
    const viaState = (f: FindingFilter) =>
      `EXISTS (SELECT 1 FROM assertion sa JOIN finding f ON f.report_id = sa.report_id AND f.id = sa.finding_id
        WHERE sa.report_id = ${report} AND sa.state_code = s.code
        AND ${findingCondition(f, { params, report, assertion: "sa" }, depth + 1)})`;
    if (filter.findings.some) parts.push(viaState(filter.findings.some));
    if (filter.findings.none) parts.push(`NOT ${viaState(filter.findings.none)}`);
  }
  if (filter.hasDiscrepancy != null) {
    // The involved states, computed once: a semi-join, not one probe per state.
    parts.push(
      `${filter.hasDiscrepancy ? "" : "NOT "}EXISTS (SELECT 1 FROM (SELECT DISTINCT unnest(d.states) AS code FROM discrepancy d WHERE d.report_id = ${report}) involved WHERE involved.code = s.code)`,
    );
  }
  return combine(parts, "AND");
}

export interface FindingScope {
  params: Params;
  report: string;
  /** Alias of the assertion linking a state to `f`, when filtering a state's findings. */
  assertion?: string;
}

/** SQL condition on finding alias `f` for a FindingFilter. */
export function findingCondition(
  filter: FindingFilter | undefined | null,
  scope: FindingScope,
  depth = 0,
): string {
  if (!filter) return "TRUE";
  checkDepth(depth);
  const { params, report } = scope;
  const parts: string[] = [];
  if (filter.and)
    parts.push(
      combine(
        filter.and.map((f) => findingCondition(f, scope, depth + 1)),
        "AND",
      ),
    );
  if (filter.or)
    parts.push(
      combine(
        filter.or.map((f) => findingCondition(f, scope, depth + 1)),
        "OR",
      ),
    );
  if (filter.not) parts.push(`(${findingCondition(filter.not, scope, depth + 1)}) IS NOT TRUE`);
  if (filter.themeIn) parts.push(`f.theme = ANY(${params.add(filter.themeIn)}::text[])`);
  if (filter.assertionKindIn) {
    const kinds = params.add(filter.assertionKindIn);
    parts.push(
      // Inside a state's findings: an assertion about that state, whichever row linked them (so
      // that `and` over two kinds and `not` mean the finding, not one assertion row).
      `EXISTS (SELECT 1 FROM assertion ka WHERE ka.report_id = f.report_id AND ka.finding_id = f.id
        ${scope.assertion ? `AND ka.state_code = ${scope.assertion}.state_code` : ""} AND ka.kind = ANY(${kinds}::text[]))`,
    );
  }
  if (filter.actionNumber != null) parts.push(`f.actions @> ARRAY[${params.add(filter.actionNumber)}::int]`);
  if (filter.article != null) parts.push(`f.articles @> ARRAY[${params.add(filter.article)}::int]`);
  if (filter.paragraph != null) parts.push(`f.paragraph_number = ${params.add(filter.paragraph)}`);
  if (filter.footnote != null) parts.push(`f.footnote_number = ${params.add(filter.footnote)}`);
  if (filter.groupIn) parts.push(`f."group" = ANY(${params.add(filter.groupIn)}::text[])`);
  if (filter.stateCode != null) {
    parts.push(
      `EXISTS (SELECT 1 FROM assertion ca WHERE ca.report_id = f.report_id AND ca.finding_id = f.id AND ca.state_code = ${params.add(filter.stateCode.toUpperCase())})`,
    );
  }
  if (filter.hasDiscrepancy != null) {
    parts.push(
      `${filter.hasDiscrepancy ? "" : "NOT "}EXISTS (SELECT 1 FROM (SELECT DISTINCT unnest(fd.findings) AS id FROM discrepancy fd WHERE fd.report_id = ${report}) involved WHERE involved.id = f.id)`,
    );
  }
  if (filter.countDiffers != null) {
    const differs = `(f.stated_count IS NOT NULL AND NOT f.list_is_partial AND f.listed_count > 0
      AND f.stated_count <> f.listed_count)`;
    parts.push(filter.countDiffers ? differs : `NOT ${differs}`);
  }
  return combine(parts, "AND");
}

/** SQL condition on discrepancy alias `d`. */
export function discrepancyCondition(filter: DiscrepancyFilter | undefined | null, params: Params): string {
  if (!filter) return "TRUE";
  const parts: string[] = [];
  if (filter.kindIn) parts.push(`d.kind = ANY(${params.add(filter.kindIn)}::text[])`);
  if (filter.paragraph != null) parts.push(`d.paragraphs @> ARRAY[${params.add(filter.paragraph)}::int]`);
  if (filter.footnote != null) parts.push(`d.footnotes @> ARRAY[${params.add(filter.footnote)}::int]`);
  if (filter.stateCode != null)
    parts.push(`d.states @> ARRAY[${params.add(filter.stateCode.toUpperCase())}::text]`);
  return combine(parts, "AND");
}
