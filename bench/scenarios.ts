/**
 * The benchmark scenarios: for each, the ccm-graph query (bench/queries/, modelled on the SDK
 * operations), the equivalent PostGraphile query (bench/postgraphile/queries/), the variables of
 * the cached path (one request repeated) and of the uncached path (distinct variables on every
 * request), what a successful body must contain, and how to reduce either server's answer to a
 * comparable value (the states, findings or paragraphs it names) for the equivalence check.
 */
import fs from "node:fs";
import path from "node:path";

import { Client } from "pg";

import { NeedArea } from "../server/vocabulary";

export type Vars = Record<string, unknown>;
type Json = any;

/** What the scenarios need to know about the data of one database (one scale). */
export interface DataContext {
  reportId: string;
  finalisedOn: string;
  /** The states the report names (the state profile rotates over them). */
  namedStates: string[];
  kinds: {
    obligation: string[];
    stockpileExisting: string[];
    stockpileAll: string[];
    needAll: string[];
    needByArea: Record<string, string[]>;
  };
}

export interface Scenario {
  name: string;
  title: string;
  ccm: {
    query: string;
    /** Variables of request `i` on the uncached path, or of every request on the cached path (null). */
    variables(i: number | null): Vars;
    /** A substring every successful body contains. */
    expect: string;
    /** The answer reduced to what both servers must agree on. */
    answer(data: Json): unknown;
  };
  postgraphile: {
    query: string;
    /** The same question as the ccm-graph variables. */
    variables(ccm: Vars): Vars;
    expect: string;
    answer(data: Json, ccm: Vars): unknown;
  };
}

const BENCH_DIR = __dirname;
const read = (file: string) => fs.readFileSync(path.join(BENCH_DIR, file), "utf8");

const STATUSES = ["SIGNATORY", "STATE_PARTY", "NOT_PARTY"] as const;
type Status = (typeof STATUSES)[number];
const SEARCH_TERMS = [
  "stockpile destruction",
  "victim assistance",
  "clearance",
  "risk reduction",
  "ratification",
  "accession",
  "legislation",
  "transparency report",
  "funding",
  "international cooperation",
  "contaminated areas",
  "retained cluster munitions",
  "survivors",
  "Lao",
  "Lebanon",
  "Implementation Support Unit",
  "national plans",
  "Article 4",
  "deadline",
  "civil society",
  "submunitions",
  '"States Parties" -signatories',
  "training OR detection",
  "data collection",
  "coordination mechanism",
  "universalization",
  "outreach",
  "technical assistance",
  "marking fencing",
  "Beirut",
];

/** A date in 2008-12-03 .. 2013-12-02 for request i: a prime stride so neighbours differ. */
function dateOf(i: number): string {
  const start = Date.UTC(2008, 11, 3);
  const span = 1826;
  const day = (i * 787) % span;
  return new Date(start + day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A StateFilter (connection-filter) for a treaty status on a date: the rule of ccm-graph's
 * statusSql (withdrawn on the date: not party; joined: State Party; signed: signatory).
 */
export function statusFilter(status: Status, asOf: string): Json {
  const notWithdrawn = {
    or: [{ withdrawalEffective: { isNull: true } }, { withdrawalEffective: { greaterThan: asOf } }],
  };
  const party = { and: [{ joined: { lessThanOrEqualTo: asOf } }, notWithdrawn] };
  const signatory = {
    and: [
      { signed: { lessThanOrEqualTo: asOf } },
      { or: [{ joined: { isNull: true } }, { joined: { greaterThan: asOf } }] },
      notWithdrawn,
    ],
  };
  if (status === "STATE_PARTY") return { participationByStateCode: party };
  if (status === "SIGNATORY") return { participationByStateCode: signatory };
  return {
    not: { or: [{ participationByStateCode: party }, { participationByStateCode: signatory }] },
  };
}

const hasAssertion = (reportId: string, kinds: string[]) => ({
  assertionsByStateCode: { some: { reportId: { equalTo: reportId }, kind: { in: kinds } } },
});

const unique = (values: string[]) => [...new Set(values)].sort();

/** Reads the report id, its date, the named states and the assertion kind lists of a database. */
export async function loadDataContext(databaseUrl: string): Promise<DataContext> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [report] = (
      await client.query<{ id: string; finalised_on: string }>(
        `SELECT id, to_char(finalised_on, 'YYYY-MM-DD') AS finalised_on FROM report
         ORDER BY synthetic, finalised_on DESC, id LIMIT 1`,
      )
    ).rows;
    const states = await client.query<{ state_code: string }>(
      "SELECT state_code FROM report_state WHERE report_id = $1 ORDER BY state_code",
      [report.id],
    );
    const kinds = (
      await client.query<{ kind: string; meaning: Record<string, any> }>(
        "SELECT kind, meaning FROM assertion_kind",
      )
    ).rows;
    const where = (test: (k: Record<string, any>) => boolean) =>
      kinds.filter((k) => test(k.meaning)).map((k) => k.kind);
    return {
      reportId: report.id,
      finalisedOn: report.finalised_on,
      namedStates: states.rows.map((r) => r.state_code.trim()),
      kinds: {
        obligation: where((m) => m.obligation !== undefined),
        stockpileExisting: where((m) => m.stockpile === "EXISTING"),
        stockpileAll: where((m) => m.stockpile !== undefined),
        needAll: where((m) => m.need !== undefined),
        needByArea: Object.fromEntries(NeedArea.values.map((a) => [a, where((m) => m.need === a)])),
      },
    };
  } finally {
    await client.end();
  }
}

/** The five scenarios of issue 8, bound to one database's data. */
export function scenarios(ctx: DataContext): Scenario[] {
  const reportId = ctx.reportId;
  const citedKeys = (facts: Json[]) =>
    unique(facts.flatMap((fact: Json) => fact.sources.map((s: Json) => s.findingKey)));
  const assertedKeys = (conn: Json) =>
    unique(conn.nodes.map((a: Json) => a.findingByReportIdAndFindingId.rowId));

  const headline: Scenario = {
    name: "headline",
    title: "headline question",
    ccm: {
      query: read("queries/headline.graphql"),
      variables: (i) =>
        i === null
          ? { status: "SIGNATORY", asOf: ctx.finalisedOn }
          : { status: STATUSES[i % 3], asOf: dateOf(i) },
      expect: '{"data":{"states":{"totalCount":',
      answer: (data) =>
        data.states.nodes.map((s: Json) => ({
          code: s.code,
          findings: unique([...citedKeys(s.stockpile), ...citedKeys(s.assistanceNeeds)]),
        })),
    },
    postgraphile: {
      query: read("postgraphile/queries/headline.graphql"),
      variables: (v) => ({
        reportId,
        filter: {
          and: [
            statusFilter(v.status as Status, v.asOf as string),
            hasAssertion(reportId, ctx.kinds.stockpileExisting),
            hasAssertion(reportId, ctx.kinds.needAll),
          ],
        },
        stockpileKinds: ctx.kinds.stockpileAll,
        needKinds: ctx.kinds.needAll,
      }),
      expect: '{"data":{"allStates":{"totalCount":',
      answer: (data) =>
        data.allStates.nodes.map((s: Json) => ({
          code: s.code,
          findings: unique([...assertedKeys(s.stockpile), ...assertedKeys(s.assistanceNeeds)]),
        })),
    },
  };

  const profile: Scenario = {
    name: "state-profile",
    title: "state profile, 5 levels",
    ccm: {
      query: read("queries/state-profile.graphql"),
      variables: (i) =>
        i === null ? { code: "LAO" } : { code: ctx.namedStates[i % ctx.namedStates.length], asOf: dateOf(i) },
      expect: '{"data":{"state":{"code":"',
      answer: (data) => ({
        code: data.state.code,
        obligations: unique(data.state.obligations.flatMap((o: Json) => o.findings.map((f: Json) => f.key))),
        findings: unique(data.state.findings.map((f: Json) => f.key)),
        footnotes: unique(
          data.state.obligations.flatMap((o: Json) =>
            o.findings.flatMap((f: Json) => f.paragraph.footnotes.map((n: Json) => String(n.number))),
          ),
        ),
      }),
    },
    postgraphile: {
      query: read("postgraphile/queries/state-profile.graphql"),
      variables: (v) => ({ code: v.code, reportId, obligationKinds: ctx.kinds.obligation }),
      expect: '{"data":{"stateByCode":{"code":"',
      answer: (data) => ({
        code: data.stateByCode.code,
        obligations: assertedKeys(data.stateByCode.obligations),
        findings: assertedKeys(data.stateByCode.findings),
        footnotes: unique(
          data.stateByCode.obligations.nodes.flatMap((a: Json) =>
            a.findingByReportIdAndFindingId.paragraphByReportIdAndParagraphNumber.footnotesByReportIdAndParagraphNumber.nodes.map(
              (n: Json) => String(n.number),
            ),
          ),
        ),
      }),
    },
  };

  const nested: Scenario = {
    name: "states-nested",
    title: "100 states, nested findings",
    ccm: {
      query: read("queries/states-nested.graphql"),
      variables: (i) =>
        i === null
          ? { asOf: ctx.finalisedOn, direction: "ASC" }
          : { asOf: dateOf(i), direction: i % 2 === 0 ? "ASC" : "DESC" },
      expect: '{"data":{"states":{"totalCount":',
      answer: (data) => ({
        total: data.states.totalCount,
        states: data.states.nodes.map(
          (s: Json) => `${s.code}:${unique(s.findings.map((f: Json) => f.key)).length}`,
        ),
      }),
    },
    postgraphile: {
      query: read("postgraphile/queries/states-nested.graphql"),
      variables: (v) => ({
        reportId,
        orderBy: v.direction === "DESC" ? ["NAME_DESC", "CODE_ASC"] : ["NAME_ASC", "CODE_ASC"],
      }),
      expect: '{"data":{"allStates":{"totalCount":',
      answer: (data) => ({
        total: data.allStates.totalCount,
        states: data.allStates.nodes.map(
          (s: Json) => `${s.code}:${assertedKeys(s.assertionsByStateCode).length}`,
        ),
      }),
    },
  };

  const counts: Scenario = {
    name: "counts",
    title: "grouped counts",
    ccm: {
      query: read("queries/counts.graphql"),
      variables: (i) => ({ asOf: i === null ? ctx.finalisedOn : dateOf(i) }),
      expect: '{"data":{"byStatus":[',
      answer: (data) => ({
        status: Object.fromEntries(data.byStatus.map((g: Json) => [g.key, g.count])),
        needs: Object.fromEntries(data.needsOfStatesParties.map((g: Json) => [g.key, g.count])),
        themes: Object.fromEntries(data.findingsByTheme.map((g: Json) => [g.key, g.count])),
      }),
    },
    postgraphile: {
      query: read("postgraphile/queries/counts.graphql"),
      variables: (v) => {
        const asOf = v.asOf as string;
        const vars: Vars = { reportId };
        for (const status of STATUSES) vars[`status_${status}`] = statusFilter(status, asOf);
        for (const area of NeedArea.values)
          vars[`need_${area}`] = {
            and: [statusFilter("STATE_PARTY", asOf), hasAssertion(reportId, ctx.kinds.needByArea[area])],
          };
        return vars;
      },
      expect: '{"data":{"status_STATE_PARTY":{"totalCount":',
      answer: (data) => {
        const groups = (prefix: string) =>
          Object.fromEntries(
            Object.entries(data)
              .filter(([alias, value]: [string, Json]) => alias.startsWith(prefix) && value.totalCount > 0)
              .map(([alias, value]: [string, Json]) => [alias.slice(prefix.length), value.totalCount])
              .sort(([a], [b]) => String(a).localeCompare(String(b))),
          );
        return { status: groups("status_"), needs: groups("need_"), themes: groups("theme_") };
      },
    },
  };

  const search: Scenario = {
    name: "search",
    title: "full-text search",
    ccm: {
      query: read("queries/search.graphql"),
      variables: (i) =>
        i === null
          ? { text: "stockpile destruction", first: 10 }
          : { text: SEARCH_TERMS[i % SEARCH_TERMS.length], first: 5 + ((i * 7) % 46) },
      expect: '{"data":{"search":[',
      answer: (data) =>
        data.search.map(
          (h: Json) =>
            `${h.kind}:${h.paragraph.number}:${h.footnote?.number ?? "-"}:${h.paragraph.section.key}`,
        ),
    },
    postgraphile: {
      query: read("postgraphile/queries/search.graphql"),
      variables: (v) => ({ reportId, text: v.text, first: v.first }),
      expect: '{"data":{"benchPglSearch":{"nodes":[',
      answer: (data) =>
        data.benchPglSearch.nodes.map(
          (h: Json) => `${h.kind}:${h.paragraphNumber}:${h.footnoteNumber ?? "-"}:${h.sectionKey}`,
        ),
    },
  };

  // A reference row: the fixed cost of one request on each server, with no data read.
  const floor: Scenario = {
    name: "floor",
    title: "floor: { __typename }",
    ccm: {
      query: read("queries/floor.graphql"),
      variables: () => ({}),
      expect: '{"data":{"__typename":"Query"}}',
      answer: (data) => data.__typename,
    },
    postgraphile: {
      query: read("postgraphile/queries/floor.graphql"),
      variables: () => ({}),
      expect: '{"data":{"__typename":"Query"}}',
      answer: (data) => data.__typename,
    },
  };

  return [headline, profile, nested, counts, search, floor];
}

/** Sorts object keys so that two answers compare by content. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

export async function postGraphQL(
  url: string,
  query: string,
  variables: Vars,
): Promise<{ status: number; body: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.text() };
}

export interface CheckResult {
  scenario: string;
  ok: boolean;
  /** How many variable sets were compared. */
  compared: number;
  problems: string[];
}

/**
 * Asks both servers the scenario's question for the cached variables and a few uncached ones,
 * and compares the answers (the states, findings or paragraphs each names).
 */
export async function checkEquivalence(
  scenario: Scenario,
  urls: { ccm: string; postgraphile: string },
  samples = 6,
): Promise<CheckResult> {
  const problems: string[] = [];
  const variableSets = [
    scenario.ccm.variables(null),
    ...[...Array(samples).keys()].map((i) => scenario.ccm.variables(i * 101)),
  ];
  for (const ccmVars of variableSets) {
    const a = await postGraphQL(urls.ccm, scenario.ccm.query, ccmVars);
    const b = await postGraphQL(
      urls.postgraphile,
      scenario.postgraphile.query,
      scenario.postgraphile.variables(ccmVars),
    );
    const parsedA = JSON.parse(a.body);
    const parsedB = JSON.parse(b.body);
    if (a.status !== 200 || parsedA.errors) {
      problems.push(`ccm-graph ${JSON.stringify(ccmVars)}: ${a.status} ${a.body.slice(0, 300)}`);
      continue;
    }
    if (b.status !== 200 || parsedB.errors) {
      problems.push(`PostGraphile ${JSON.stringify(ccmVars)}: ${b.status} ${b.body.slice(0, 300)}`);
      continue;
    }
    const answerA = JSON.stringify(canonical(scenario.ccm.answer(parsedA.data)));
    const answerB = JSON.stringify(canonical(scenario.postgraphile.answer(parsedB.data, ccmVars)));
    if (answerA !== answerB)
      problems.push(
        `answers differ for ${JSON.stringify(ccmVars)}:\n  ccm-graph:    ${answerA.slice(0, 400)}\n  PostGraphile: ${answerB.slice(0, 400)}`,
      );
  }
  return { scenario: scenario.name, ok: problems.length === 0, compared: variableSets.length, problems };
}
