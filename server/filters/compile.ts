import { badInput } from "../errors";
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

const PROVIDED_KINDS = [
  "FUNDING",
  "CIVIL_SOCIETY_FUNDING",
  "STOCKPILE_DESTRUCTION_SUPPORT_OFFERED",
  "EXPERTISE_OFFERED",
];
const RECEIVED_KINDS = ["FUNDING_RECEIVED", "TECHNICAL_ASSISTANCE_RECEIVED"];

function combine(parts: string[], joiner: "AND" | "OR"): string {
  if (parts.length === 0) return joiner === "AND" ? "TRUE" : "FALSE";
  return parts.length === 1 ? parts[0] : `(${parts.join(` ${joiner} `)})`;
}

function checkDepth(depth: number) {
  if (depth > MAX_FILTER_DEPTH) {
    throw badInput(`filters may nest and/or/not at most ${MAX_FILTER_DEPTH} levels deep`, {
      argument: "filter",
    });
  }
}

/**
 * SQL condition on state alias `s` (joined with participation `p`) for a StateFilter. Every
 * derived-fact condition is an EXISTS over the assertions of the report in scope.
 */
export function stateCondition(filter: StateFilter | undefined | null, scope: StateScope, depth = 0): string {
  if (!filter) return "TRUE";
  checkDepth(depth);
  const { params, report } = scope;
  const parts: string[] = [];
  const factExists = (condition: string) =>
    `EXISTS (SELECT 1 FROM assertion fa JOIN assertion_kind fk ON fk.kind = fa.kind
      WHERE fa.report_id = ${report} AND fa.state_code = s.code AND ${condition})`;

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
  if (filter.not) parts.push(`NOT ${stateCondition(filter.not, scope, depth + 1)}`);
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
    const conditions = ["fk.article IS NOT NULL"];
    if (filter.obligation.article != null)
      conditions.push(`fk.article = ${params.add(filter.obligation.article)}`);
    if (filter.obligation.status != null)
      conditions.push(`fk.obligation_status = ${params.add(filter.obligation.status)}`);
    parts.push(factExists(conditions.join(" AND ")));
  }
  if (filter.stockpile) {
    parts.push(
      factExists(
        `fk.stockpile_status = ANY(${params.add(filter.stockpile.statusIn ?? ["EXISTING"])}::text[])`,
      ),
    );
  }
  if (filter.assistanceNeed) {
    const areas = filter.assistanceNeed.areaIn;
    parts.push(
      factExists(areas ? `fk.need_area = ANY(${params.add(areas)}::text[])` : "fk.need_area IS NOT NULL"),
    );
  }
  if (filter.assistanceProvided) {
    parts.push(
      factExists(
        `fk.assistance_kind = ANY(${params.add(filter.assistanceProvided.kindIn ?? PROVIDED_KINDS)}::text[])`,
      ),
    );
  }
  if (filter.assistanceReceived) {
    parts.push(
      factExists(
        `fk.assistance_kind = ANY(${params.add(filter.assistanceReceived.kindIn ?? RECEIVED_KINDS)}::text[])`,
      ),
    );
  }
  if (filter.legislation) {
    const statuses = filter.legislation.statusIn;
    parts.push(
      factExists(
        statuses
          ? `fk.legislation_status = ANY(${params.add(statuses)}::text[])`
          : "fk.legislation_status IS NOT NULL",
      ),
    );
  }
  if (filter.contaminated != null) {
    parts.push(`${filter.contaminated ? "" : "NOT "}${factExists("fk.contamination")}`);
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
    parts.push(
      `${filter.hasDiscrepancy ? "" : "NOT "}EXISTS (SELECT 1 FROM discrepancy d WHERE d.report_id = ${report} AND s.code = ANY(d.states))`,
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
  if (filter.not) parts.push(`NOT ${findingCondition(filter.not, scope, depth + 1)}`);
  if (filter.themeIn) parts.push(`f.theme = ANY(${params.add(filter.themeIn)}::text[])`);
  if (filter.assertionKindIn) {
    const kinds = params.add(filter.assertionKindIn);
    parts.push(
      scope.assertion
        ? `${scope.assertion}.kind = ANY(${kinds}::text[])`
        : `EXISTS (SELECT 1 FROM assertion ka WHERE ka.report_id = f.report_id AND ka.finding_id = f.id AND ka.kind = ANY(${kinds}::text[]))`,
    );
  }
  if (filter.actionNumber != null) parts.push(`${params.add(filter.actionNumber)}::int = ANY(f.actions)`);
  if (filter.article != null) parts.push(`${params.add(filter.article)}::int = ANY(f.articles)`);
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
      `${filter.hasDiscrepancy ? "" : "NOT "}EXISTS (SELECT 1 FROM discrepancy fd WHERE fd.report_id = ${report} AND f.id = ANY(fd.findings))`,
    );
  }
  if (filter.countDiffers != null) {
    const differs = `(f.stated_count IS NOT NULL AND NOT f.list_is_partial AND EXISTS (SELECT 1 FROM assertion la WHERE la.report_id = f.report_id AND la.finding_id = f.id)
      AND f.stated_count <> (SELECT count(DISTINCT lc.state_code) FROM assertion lc WHERE lc.report_id = f.report_id AND lc.finding_id = f.id))`;
    parts.push(filter.countDiffers ? differs : `NOT ${differs}`);
  }
  return combine(parts, "AND");
}

/** SQL condition on discrepancy alias `d`. */
export function discrepancyCondition(filter: DiscrepancyFilter | undefined | null, params: Params): string {
  if (!filter) return "TRUE";
  const parts: string[] = [];
  if (filter.kindIn) parts.push(`d.kind = ANY(${params.add(filter.kindIn)}::text[])`);
  if (filter.paragraph != null) parts.push(`${params.add(filter.paragraph)}::int = ANY(d.paragraphs)`);
  if (filter.footnote != null) parts.push(`${params.add(filter.footnote)}::int = ANY(d.footnotes)`);
  if (filter.stateCode != null)
    parts.push(`${params.add(filter.stateCode.toUpperCase())}::text = ANY(d.states)`);
  return combine(parts, "AND");
}
