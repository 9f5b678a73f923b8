/** Which states: the StateFilter input and its compilation to SQL. */
import { type SQL, sql } from "pg-sql2";
import { Field, InputType, Int } from "type-graphql";

import { ImplementationFilter, implementationCondition } from "../actions/filter";
import { DeadlineFilter, deadlineCondition } from "../deadlines/filter";
import {
  checkFilterDepth,
  combine,
  type FindingFilter,
  findingCondition,
  FindingRelationFilter,
  isNotTrue,
} from "../findings/filter";
import { PROVIDED_ASSISTANCE, RECEIVED_ASSISTANCE, type WordFact } from "../vocabulary";
import { AssistanceKind, LegislationStatus, NeedArea, ObligationStatus, StockpileStatus } from "./facts";
import { p, s, statusSql } from "./sql";
import { TreatyStatus } from "./state";

@InputType({
  description:
    'Matches states with an obligation. Both fields are optional; together they narrow. `obligation: {}` also matches obligations whose article the report leaves open ("Articles 3, 4 and/or 5"); `obligation: { article: 4 }` matches only obligations the report attributes to Article 4.',
})
export class ObligationFilter {
  @Field(() => Int, {
    nullable: true,
    description:
      "The article: 3 (stockpiles), 4 (clearance) or 5 (victim assistance). Any if omitted, including obligations whose article the report leaves open; given, only obligations the report attributes to that article.",
  })
  article?: number;

  @Field(() => ObligationStatus, {
    nullable: true,
    description: "OPERATIVE (still to be met) or FULFILLED. Defaults to OPERATIVE; pass null for either.",
    defaultValue: "OPERATIVE",
  })
  status?: ObligationStatus | null;
}

@InputType({ description: "Matches states with any of the given stockpile statuses." })
export class StockpileFilter {
  @Field(() => [StockpileStatus], {
    nullable: true,
    description:
      "Defaults to [EXISTING] (states reported to hold stockpiles now). Use [EXISTING, PREVIOUS] to include states that had stockpiles before.",
  })
  statusIn?: StockpileStatus[];
}

@InputType({ description: "Matches states that reported assistance needs." })
export class AssistanceNeedFilter {
  @Field(() => [NeedArea], { nullable: true, description: "Only needs in these areas; any area if omitted." })
  areaIn?: NeedArea[];
}

@InputType({ description: "Matches states that reported giving (or receiving) assistance." })
export class AssistanceFilter {
  @Field(() => [AssistanceKind], {
    nullable: true,
    description:
      "Only these kinds. Omitted on `assistanceProvided`: FUNDING, CIVIL_SOCIETY_FUNDING and the offers; on `assistanceReceived`: FUNDING_RECEIVED and TECHNICAL_ASSISTANCE_RECEIVED.",
  })
  kindIn?: AssistanceKind[];
}

@InputType({ description: "Matches states by what the report says about their legislation (Article 9)." })
export class LegislationFilter {
  @Field(() => [LegislationStatus], { nullable: true, description: "Only these statuses; any if omitted." })
  statusIn?: LegislationStatus[];
}

@InputType({
  description:
    "Conditions on states. Fields in one object must all hold (AND); combine objects with `and`, `or`, `not`. Status conditions use the query's `asOf` date.",
})
export class StateFilter {
  @Field(() => [StateFilter], { nullable: true, description: "All of these must hold." })
  and?: StateFilter[];

  @Field(() => [StateFilter], { nullable: true, description: "At least one of these must hold." })
  or?: StateFilter[];

  @Field(() => StateFilter, { nullable: true, description: "This must not hold." })
  not?: StateFilter;

  @Field(() => [String], { nullable: true, description: "The state's ISO alpha-3 code is one of these." })
  codeIn?: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "Part of the state's name: its ISO name, depositary name or any spelling the report uses (case-insensitive).",
  })
  name?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: only states the report names; false: only states it does not.",
  })
  namedInReport?: boolean;

  @Field(() => TreatyStatus, { nullable: true, description: "The state's treaty status on `asOf`." })
  status?: TreatyStatus;

  @Field(() => [TreatyStatus], {
    nullable: true,
    description: "The state's treaty status on `asOf` is one of these.",
  })
  statusIn?: TreatyStatus[];

  @Field(() => ObligationFilter, {
    nullable: true,
    description: "The report attributes an obligation matching this.",
  })
  obligation?: ObligationFilter;

  @Field(() => StockpileFilter, {
    nullable: true,
    description: "The report gives the state one of these stockpile statuses.",
  })
  stockpile?: StockpileFilter;

  @Field(() => AssistanceNeedFilter, {
    nullable: true,
    description: "The state reported assistance needs (in these areas).",
  })
  assistanceNeed?: AssistanceNeedFilter;

  @Field(() => AssistanceFilter, {
    nullable: true,
    description: "The state reported providing assistance (of these kinds).",
  })
  assistanceProvided?: AssistanceFilter;

  @Field(() => AssistanceFilter, {
    nullable: true,
    description: "The state reported receiving assistance (of these kinds).",
  })
  assistanceReceived?: AssistanceFilter;

  @Field(() => LegislationFilter, {
    nullable: true,
    description: "The report says this about the state's legislation.",
  })
  legislation?: LegislationFilter;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: the report says the state has cluster munition contamination.",
  })
  contaminated?: boolean;

  @Field(() => FindingRelationFilter, {
    nullable: true,
    description: "Conditions on the findings that name the state.",
  })
  findings?: FindingRelationFilter;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: a recorded discrepancy involves the state; false: none does.",
  })
  hasDiscrepancy?: boolean;

  @Field(() => DeadlineFilter, {
    nullable: true,
    description:
      'The state has a deadline matching this (all its conditions on the same deadline; status on `asOf`), e.g. `deadline: { article: 4, dueTo: "2020-12-31" }`.',
  })
  deadline?: DeadlineFilter;

  @Field(() => ImplementationFilter, {
    nullable: true,
    description:
      "The report links the state to an action matching this, e.g. States Parties that reported implementing no time-bound victim-assistance action: `not: { implementation: { theme: VICTIM_ASSISTANCE, timeBound: true, linkIn: [REPORTED] } }`.",
  })
  implementation?: ImplementationFilter;
}

export interface StateScope {
  /** The report in scope. */
  report: SQL;
  /** The date status conditions refer to. */
  asOf: SQL;
}

/**
 * SQL condition on state `s` (joined with participation `p`, ./sql.ts) for a StateFilter. Every
 * derived-fact condition is an EXISTS over the state's assertions in the report in scope whose
 * kind means the fact, as the database holds the meanings (assertion_kind.meaning, written from
 * the vocabulary at ingest): the kinds are read once per statement, then the assertions are
 * looked up by state and kind (index assertion_by_state_kind).
 */
export function stateCondition(filter: StateFilter | undefined | null, scope: StateScope, depth = 0): SQL {
  if (!filter) return sql`TRUE`;
  checkFilterDepth(depth);
  const { report } = scope;
  const parts: SQL[] = [];
  const nested = (list: StateFilter[]) => list.map((x) => stateCondition(x, scope, depth + 1));
  const k = sql.identifier(Symbol("k"));
  // From the kinds to the state's assertions of each (assertion_by_state_kind), stopping at the
  // first: `kind = ANY(ARRAY(...))` let PostgreSQL read every assertion of the state instead, and
  // a state has thousands at 100x data (15 ms against 2.5 ms for the headline's filter there).
  const hasKindWhere = (meaning: SQL) => {
    const fa = sql.identifier(Symbol("fa"));
    return sql`EXISTS (SELECT 1 FROM assertion_kind ${k} JOIN assertion ${fa} ON ${fa}.report_id = ${report}
      AND ${fa}.state_code = ${s}.code AND ${fa}.kind = ${k}.kind WHERE ${meaning})`;
  };
  /** The kind feeds fact `fact`, with one of `values` when given. */
  const feeds = (fact: WordFact, values?: readonly string[] | null) =>
    values
      ? sql`${k}.meaning ->> ${sql.literal(fact)} = ANY(${sql.value(values)}::text[])`
      : sql`${k}.meaning ? ${sql.literal(fact)}`;

  if (filter.and) parts.push(combine(nested(filter.and), "AND"));
  if (filter.or) parts.push(combine(nested(filter.or), "OR"));
  if (filter.not) parts.push(isNotTrue(stateCondition(filter.not, scope, depth + 1)));
  if (filter.codeIn) {
    parts.push(sql`${s}.code = ANY(${sql.value(filter.codeIn.map((c) => c.toUpperCase()))}::text[])`);
  }
  if (filter.name != null) {
    const pattern = sql.value(`%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const xs = sql.identifier(Symbol("xs"));
    parts.push(sql`(${s}.name ILIKE ${pattern} OR ${p}.depositary_name ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM report_state ${xs}, unnest(${xs}.spellings) sp
        WHERE ${xs}.report_id = ${report} AND ${xs}.state_code = ${s}.code AND sp ILIKE ${pattern}))`);
  }
  if (filter.namedInReport != null) {
    const ns = sql.identifier(Symbol("ns"));
    const named = sql`EXISTS (SELECT 1 FROM report_state ${ns} WHERE ${ns}.report_id = ${report}
      AND ${ns}.state_code = ${s}.code AND cardinality(${ns}.spellings) > 0)`;
    parts.push(filter.namedInReport ? named : sql`NOT ${named}`);
  }
  if (filter.status) parts.push(sql`${statusSql(scope.asOf)} = ${sql.value(filter.status)}`);
  if (filter.statusIn) parts.push(sql`${statusSql(scope.asOf)} = ANY(${sql.value(filter.statusIn)}::text[])`);
  if (filter.obligation) {
    const { article, status } = filter.obligation;
    const obligation = sql`${k}.meaning -> 'obligation'`;
    parts.push(
      hasKindWhere(
        combine(
          [
            sql`${obligation} IS NOT NULL`,
            ...(article != null ? [sql`(${obligation} ->> 'article')::int = ${sql.value(article)}`] : []),
            ...(status != null ? [sql`${obligation} ->> 'status' = ${sql.value(status)}`] : []),
          ],
          "AND",
        ),
      ),
    );
  }
  if (filter.stockpile)
    parts.push(hasKindWhere(feeds("stockpile", filter.stockpile.statusIn ?? ["EXISTING"])));
  if (filter.assistanceNeed) parts.push(hasKindWhere(feeds("need", filter.assistanceNeed.areaIn)));
  if (filter.assistanceProvided) {
    const asked = filter.assistanceProvided.kindIn ?? PROVIDED_ASSISTANCE;
    parts.push(
      hasKindWhere(
        feeds(
          "assistance",
          asked.filter((kind) => PROVIDED_ASSISTANCE.includes(kind)),
        ),
      ),
    );
  }
  if (filter.assistanceReceived) {
    const asked = filter.assistanceReceived.kindIn ?? RECEIVED_ASSISTANCE;
    parts.push(
      hasKindWhere(
        feeds(
          "assistance",
          asked.filter((kind) => RECEIVED_ASSISTANCE.includes(kind)),
        ),
      ),
    );
  }
  if (filter.legislation) parts.push(hasKindWhere(feeds("legislation", filter.legislation.statusIn)));
  if (filter.contaminated != null) {
    const contaminated = hasKindWhere(sql`${k}.meaning @> '{"contamination": true}'`);
    parts.push(filter.contaminated ? contaminated : sql`NOT ${contaminated}`);
  }
  if (filter.findings) {
    const viaState = (findings: FindingFilter) => {
      const sa = sql.identifier(Symbol("sa"));
      const f = sql.identifier(Symbol("f"));
      return sql`EXISTS (SELECT 1 FROM assertion ${sa} JOIN finding ${f} ON ${f}.report_id = ${sa}.report_id AND ${f}.id = ${sa}.finding_id
        WHERE ${sa}.report_id = ${report} AND ${sa}.state_code = ${s}.code
        AND ${findingCondition(findings, { finding: f, report, assertion: sa }, depth + 1)})`;
    };
    if (filter.findings.some) parts.push(viaState(filter.findings.some));
    if (filter.findings.none) parts.push(sql`NOT ${viaState(filter.findings.none)}`);
  }
  if (filter.deadline) {
    const d = sql.identifier(Symbol("d"));
    parts.push(sql`EXISTS (SELECT 1 FROM deadline ${d} WHERE ${d}.report_id = ${report} AND ${d}.state_code = ${s}.code
      AND ${deadlineCondition(filter.deadline, d, scope.asOf)})`);
  }
  if (filter.implementation) parts.push(implementationCondition(filter.implementation, s, report));
  if (filter.hasDiscrepancy != null) {
    // The involved states, computed once: a semi-join, not one probe per state.
    const d = sql.identifier(Symbol("d"));
    const involved = sql`EXISTS (SELECT 1 FROM (SELECT DISTINCT unnest(${d}.states) AS code FROM discrepancy ${d}
      WHERE ${d}.report_id = ${report}) involved WHERE involved.code = ${s}.code)`;
    parts.push(filter.hasDiscrepancy ? involved : sql`NOT ${involved}`);
  }
  return combine(parts, "AND");
}
