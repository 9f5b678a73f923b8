/**
 * How PostgreSQL builds the JSON of states, their facts and pages of them (see graph/plan.ts).
 * The facts follow the resolvers' rules (./fact-fields.ts, ./facts.ts): a fact per value its
 * assertions' kinds mean, in the order of its first assertion, each with its distinct findings in
 * report order; obligations by article, those whose article is open last.
 */
import type { FieldNode } from "graphql";
import { type SQL, sql } from "pg-sql2";

import { pageWindow } from "../graph/connection";
import {
  column,
  type FieldInput,
  type FieldPlan,
  globalId,
  type Planner,
  type TypePlans,
} from "../graph/plan";
import { MEANING_OF_FACT } from "./fact-fields";
import { type StateFilter, stateCondition } from "./filter";
import { STATE_COLUMNS, stateFrom, statusSql } from "./sql";

/** The states of report `report` as rows with the columns of a StateRow. */
const stateRows = (report: SQL) => sql`(SELECT ${STATE_COLUMNS} FROM ${stateFrom(report)})`;

/** State fields read from the code alone, as SQL over the code. */
const BY_CODE: Record<string, (code: SQL) => SQL> = {
  code: (code) => code,
  id: (code) => globalId("State", code),
  __typename: () => sql`'State'::text`,
};

/**
 * The JSON of the state `code` (null when there is none). `known`: the code is a state's, read
 * from a row that references one (an assertion's), so a selection of nothing but the code is
 * built in place, with no lookup and no sub-select: findings name states hundreds of times (a
 * quarter of PostgreSQL's time for the state profile at 1x, 2.2 ms against 1.5 ms a statement).
 */
export function stateJson(
  planner: Planner,
  nodes: readonly FieldNode[],
  report: SQL,
  code: SQL,
  asOf: SQL,
  known = false,
): SQL {
  const fields = known ? planner.fields("State", nodes) : [];
  if (known && fields.every(([, name]) => Object.hasOwn(BY_CODE, name)))
    return sql`json_build_object(${sql.join(
      fields.map(([key, name]) => sql`${sql.literal(key)}, ${BY_CODE[name](code)}`),
      ", ",
    )})`;
  const st = sql.identifier(Symbol("state"));
  return sql`(SELECT ${planner.object("State", nodes, st, asOf)} FROM ${stateRows(report)} ${st} WHERE ${st}.code = ${code})`;
}

/** The alias of a fact's group row (an inner fact's shadows an outer one's: each reads its own). */
const GROUP = sql.identifier(Symbol("fact"));
const a = sql.identifier(Symbol("a"));
const k = sql.identifier(Symbol("k"));
const f = sql.identifier(Symbol("f"));

/**
 * A state's facts of one meaning (`meaningKey`, a key of `k.meaning`): one row per value
 * (`values`, named expressions of what the kind means), with the ids of the findings behind it
 * and where it first appears.
 */
function factGroups(input: FieldInput, meaningKey: string, values: Record<string, SQL>, where: SQL): SQL {
  const named = Object.entries(values);
  return sql`(SELECT ${sql.join(
    named.map(([name, value]) => sql`${value} AS ${sql.identifier(name)}`),
    ", ",
  )}, array_agg(${a}.finding_id) AS finding_ids, min(ARRAY[${f}.position, ${a}.position]) AS first
    FROM assertion ${a} JOIN assertion_kind ${k} ON ${k}.kind = ${a}.kind
      JOIN finding ${f} ON ${f}.report_id = ${a}.report_id AND ${f}.id = ${a}.finding_id
    WHERE ${a}.report_id = ${input.report} AND ${a}.state_code = ${input.row}.code AND ${k}.meaning ? ${sql.literal(meaningKey)}
    GROUP BY ${sql.join(
      named.map((_, i) => sql.literal(i + 1)),
      ", ",
    )}) ${GROUP} WHERE ${where}`;
}

/** The findings (or their citations) behind a fact's group row: distinct, in report order. */
const factFindings =
  (type: "Finding" | "Citation"): FieldPlan =>
  ({ row, nodes, asOf, report, planner }) => {
    const fx = sql.identifier(Symbol("finding"));
    return planner.list(
      type,
      nodes,
      sql`finding ${fx} WHERE ${fx}.report_id = ${report} AND ${fx}.id = ANY(${row}.finding_ids)`,
      fx,
      sql`${fx}.position`,
      asOf,
    );
  };

const FACT_PLANS = { findings: factFindings("Finding"), sources: factFindings("Citation") };

/**
 * A list of facts of type `type`, one per group of `values` (default: one `value`, what the kinds
 * mean under `meaningKey`) among the assertions whose kinds mean `meaningKey`, in `order`
 * (default: first appearance).
 */
function facts(
  input: FieldInput,
  type: string,
  meaningKey: string,
  options: { values?: Record<string, SQL>; where?: SQL; order?: SQL } = {},
): SQL {
  const values = options.values ?? { value: sql`${k}.meaning->>${sql.literal(meaningKey)}` };
  return input.planner.list(
    type,
    input.nodes,
    factGroups(input, meaningKey, values, options.where ?? sql`TRUE`),
    GROUP,
    options.order ?? sql`${GROUP}.first`,
    input.asOf,
  );
}

const obligation = sql`${k}.meaning->${sql.literal(MEANING_OF_FACT.obligations)}`;
/** The articles an obligation may fall under: its article, or the open set (as in ./fact-fields.ts). */
const obligationArticles = sql`(CASE WHEN ${obligation} ? 'article' THEN ARRAY[(${obligation}->>'article')::int]
  ELSE ARRAY(SELECT jsonb_array_elements_text(${obligation}->'articles')::int) END)`;
const article = sql`(CASE WHEN cardinality(${GROUP}.articles) = 1 THEN ${GROUP}.articles[1] END)`;

export const OBLIGATION_PLANS: TypePlans = {
  ...FACT_PLANS,
  article: () => article,
  possibleArticles: column("articles"),
  unspecified: ({ row }) => sql`cardinality(${row}.articles) > 1`,
  status: column("status"),
};
export const STOCKPILE_FACT_PLANS: TypePlans = { ...FACT_PLANS, status: column("value") };
export const ASSISTANCE_NEED_PLANS: TypePlans = { ...FACT_PLANS, area: column("value") };
export const LEGISLATION_FACT_PLANS: TypePlans = { ...FACT_PLANS, status: column("value") };

export const PARTICIPATION_PLANS: TypePlans = {
  depositaryName: column("depositary_name"),
  signed: column("signed"),
  joined: column("joined"),
  joinedBy: column("joined_by"),
  withdrawalEffective: column("withdrawal_effective"),
  sources: ({ row }) => sql`coalesce(${row}.sources, '{}')`,
};

/** Fields of a state row (`stateRows`). */
export const STATE_PLANS: TypePlans = {
  id: ({ row }) => globalId("State", sql`${row}.code`),
  code: column("code"),
  name: column("name"),
  spellings: ({ row }) => sql`coalesce(${row}.spellings, '{}')`,
  namedInReport: ({ row }) => sql`coalesce(cardinality(${row}.spellings), 0) > 0`,
  note: column("note"),
  participation: ({ row, nodes, asOf, planner }) =>
    sql`(CASE WHEN ${row}.depositary_name IS NOT NULL THEN ${planner.object("Participation", nodes, row, asOf)} END)`,
  status: ({ row, args, asOf }) => statusSql(args.asOf == null ? asOf : sql.value(args.asOf as string), row),
  findings: ({ row, args, nodes, asOf, report, planner }) => {
    if (args.filter != null) return null;
    const fx = sql.identifier(Symbol("finding"));
    const ax = sql.identifier(Symbol("assertion"));
    return planner.list(
      "Finding",
      nodes,
      sql`finding ${fx} WHERE ${fx}.report_id = ${report} AND ${fx}.id = ANY(ARRAY(SELECT ${ax}.finding_id
        FROM assertion ${ax} WHERE ${ax}.report_id = ${report} AND ${ax}.state_code = ${row}.code))`,
      fx,
      sql`${fx}.position`,
      asOf,
    );
  },
  obligations: (input) =>
    facts(input, "Obligation", MEANING_OF_FACT.obligations, {
      values: { articles: obligationArticles, status: sql`${obligation}->>'status'` },
      order: sql`coalesce(${article}, 99), ${GROUP}.first`,
    }),
  stockpile: (input) => facts(input, "StockpileFact", MEANING_OF_FACT.stockpile),
  assistanceNeeds: (input) =>
    facts(input, "AssistanceNeed", MEANING_OF_FACT.assistanceNeeds, {
      where:
        input.args.areaIn == null
          ? undefined
          : sql`${GROUP}.value = ANY(${sql.value(input.args.areaIn as string[])}::text[])`,
    }),
  legislation: (input) => facts(input, "LegislationFact", MEANING_OF_FACT.legislation),
};

/** The root fields that read states: one state by code, and a page of states. */
export const STATE_QUERY_PLANS: TypePlans = {
  state: ({ args, nodes, asOf, report, planner }) => {
    if (args.report != null) return null;
    const code = (args.code as string).trim().toUpperCase();
    return stateJson(
      planner,
      nodes,
      report,
      sql.value(code),
      args.asOf == null ? asOf : sql.value(args.asOf as string),
    );
  },
  states: ({ args, nodes, asOf: reportDate, report, planner }) => {
    if (args.report != null) return null;
    const asOf = args.asOf == null ? reportDate : sql.value(args.asOf as string);
    const window = pageWindow(args.first as number | undefined, args.after as string | undefined);
    const condition = stateCondition(args.filter as StateFilter | undefined, { report, asOf });
    const matched = planner.table(sql`SELECT ${STATE_COLUMNS} FROM ${stateFrom(report)} WHERE ${condition}`);
    const page = sql.identifier(Symbol("page"));
    const direction = args.direction === "DESC" ? sql`DESC` : sql`ASC`;
    const order = (t: SQL) =>
      args.orderBy === "CODE" ? sql`${t}.code ${direction}` : sql`${t}.name ${direction}, ${t}.code`;
    const m = sql.identifier(Symbol("m"));
    const connection: TypePlans = {
      totalCount: () => sql`(SELECT count(*) FROM ${matched})`,
      nodes: ({ nodes: stateNodes }) =>
        planner.rows(
          "State",
          stateNodes,
          sql`(SELECT * FROM ${matched} ${m} ORDER BY ${order(m)}
            LIMIT ${sql.value(window.limit)} OFFSET ${sql.value(window.offset)}) ${page}`,
          page,
          order(page),
          asOf,
        ),
    };
    return planner.object("StateConnection", nodes, sql`NULL`, asOf, connection);
  },
};
