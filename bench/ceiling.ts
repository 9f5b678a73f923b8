/**
 * The ceiling: the same ccm-graph queries executed by graphql-js, in process, over an in-memory
 * object graph built from the report file (no database, no HTTP): the upper bound for a GraphQL
 * layer on this machine. The schema is the public contract (schema/schema.graphql); resolvers
 * are plain property reads over precomputed objects, plus the few fields the bench queries take
 * arguments on. Documents are parsed and validated once; each execution includes
 * JSON.stringify of the result.
 *
 * Run by bench/run.ts as a child process with NODE_ENV=production (graphql-js checks it at load):
 *   NODE_ENV=production tsx bench/ceiling.ts --report FILE [--participants FILE] --duration 3 [--scenario NAME ...]
 * It prints one JSON object: { nodeEnv, results: [{ scenario, path, ...CeilingResult }], answers }
 * (answers: each scenario's answer to its cached question, compared with ccm-graph's by run.ts).
 */
import fs from "node:fs";
import path from "node:path";

import {
  buildSchema,
  type DocumentNode,
  execute,
  type GraphQLObjectType,
  type GraphQLSchema,
  parse,
  validate,
} from "graphql";

import { loadConfig } from "../server/config";
import { isoName } from "../server/data/ingest";
import { ASSERTION_MEANINGS } from "../server/vocabulary";
import { scenarios, type Vars } from "./scenarios";

const ROOT = path.resolve(__dirname, "..");

type Status = "STATE_PARTY" | "SIGNATORY" | "NOT_PARTY";
interface Dates {
  signed: string | null;
  joined: string | null;
  withdrawalEffective: string | null;
}

function statusOn(p: Dates | null, asOf: string): Status {
  if (!p) return "NOT_PARTY";
  if (p.withdrawalEffective && p.withdrawalEffective <= asOf) return "NOT_PARTY";
  if (p.joined && p.joined <= asOf) return "STATE_PARTY";
  if (p.signed && p.signed <= asOf) return "SIGNATORY";
  return "NOT_PARTY";
}

/** Groups findings by a fact value into { value, findings, sources } objects. */
function facts<V>(rows: { finding: any; value: V | null }[], make: (value: V) => object): object[] {
  const groups = new Map<V, any[]>();
  for (const { finding, value } of rows) {
    if (value === null) continue;
    const list = groups.get(value) ?? [];
    if (!list.includes(finding)) list.push(finding);
    groups.set(value, list);
  }
  return [...groups].map(([value, findings]) => ({
    ...make(value),
    findings,
    sources: findings.map((f) => f.citation),
  }));
}

/** The in-memory graph of one report file, and a schema whose resolvers read it. */
export function buildCeiling(
  reportFile: string,
  participantsFile: string,
): { schema: GraphQLSchema; report: any } {
  const report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
  const participants: any[] = JSON.parse(fs.readFileSync(participantsFile, "utf8"));
  const finalisedOn: string = report.report.finalisedOn;

  const sections = new Map<string, any>(
    report.sections.map((s: any) => [s.key, { key: s.key, title: s.title }]),
  );
  const paragraphs = new Map<number, any>(
    report.paragraphs.map((p: any) => [
      p.number,
      {
        number: p.number,
        text: p.text,
        subheading: p.subheading,
        section: sections.get(p.section),
        footnotes: [],
      },
    ]),
  );
  const footnotes = new Map<number, any>();
  for (const f of report.footnotes) {
    const footnote = {
      number: f.number,
      text: f.text,
      anchor: f.anchor,
      paragraph: paragraphs.get(f.paragraph),
    };
    footnotes.set(f.number, footnote);
    paragraphs.get(f.paragraph).footnotes.push(footnote);
  }

  const states = new Map<string, any>();
  const stateOf = (code: string) => {
    let state = states.get(code);
    if (!state) {
      const p = participants.find((x) => x.iso3 === code);
      const participation = p
        ? {
            signed: p.signed,
            joined: p.joined,
            joinedBy: p.joinedBy,
            withdrawalEffective: p.withdrawalEffective,
          }
        : null;
      state = {
        code,
        name: isoName(code),
        participation,
        asOf: finalisedOn,
        status(this: any, args: { asOf?: string }) {
          return statusOn(this.participation, args.asOf ?? this.asOf);
        },
        rows: [] as { finding: any; kind: string }[],
      };
      states.set(code, state);
    }
    return state;
  };
  for (const p of participants) stateOf(p.iso3);
  for (const s of report.states) stateOf(s.code);

  const findings = report.findings.map((f: any) => {
    const finding: any = {
      key: f.id,
      quote: f.quote,
      theme: f.theme,
      paragraphNumber: f.paragraph,
      footnoteNumber: f.footnote,
      paragraph: paragraphs.get(f.paragraph),
      assertions: [],
    };
    finding.citation = { paragraph: f.paragraph, footnote: f.footnote, quote: f.quote, findingKey: f.id };
    for (const a of f.assertions) {
      const state = stateOf(a.state);
      finding.assertions.push({ kind: a.kind, detail: a.detail, state });
      state.rows.push({ finding, kind: a.kind });
    }
    return finding;
  });

  const meaning = (kind: string) => (ASSERTION_MEANINGS as Record<string, any>)[kind];
  for (const state of states.values()) {
    const rows: { finding: any; kind: string }[] = state.rows;
    state.findings = [...new Set(rows.map((r) => r.finding))];
    state.obligations = facts(
      rows.map((r) => {
        const o = meaning(r.kind).obligation;
        return { finding: r.finding, value: o ? `${o.article}:${o.status}` : null };
      }),
      (v: string) => ({ article: Number(v.split(":")[0]), status: v.split(":")[1] }),
    ).sort((a: any, b: any) => a.article - b.article);
    state.stockpile = facts(
      rows.map((r) => ({ finding: r.finding, value: meaning(r.kind).stockpile ?? null })),
      (status) => ({ status }),
    );
    state.assistanceNeeds = facts(
      rows.map((r) => ({ finding: r.finding, value: meaning(r.kind).need ?? null })),
      (area) => ({ area }),
    );
  }
  const allStates = [...states.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const matches = (state: any, filter: any, asOf: string): boolean => {
    if (!filter) return true;
    for (const key of Object.keys(filter)) {
      if (!["status", "statusIn", "stockpile", "assistanceNeed", "codeIn"].includes(key))
        throw new Error(`the ceiling does not implement the ${key} filter`);
    }
    const status = statusOn(state.participation, asOf);
    if (filter.status && status !== filter.status) return false;
    if (filter.statusIn && !filter.statusIn.includes(status)) return false;
    if (filter.codeIn && !filter.codeIn.includes(state.code)) return false;
    if (filter.stockpile) {
      const wanted = filter.stockpile.statusIn ?? ["EXISTING"];
      if (!state.stockpile.some((s: any) => wanted.includes(s.status))) return false;
    }
    if (filter.assistanceNeed) {
      const areas = filter.assistanceNeed.areaIn;
      if (!state.assistanceNeeds.some((n: any) => !areas || areas.includes(n.area))) return false;
    }
    return true;
  };
  const view = (state: any, asOf: string) => Object.assign(Object.create(state), { asOf });

  // Naive search: every query word must occur; rank by occurrences per 100 words.
  const passages = [
    ...[...paragraphs.values()].map((p) => ({
      kind: "PARAGRAPH",
      text: p.text,
      paragraph: p,
      footnote: null,
    })),
    ...[...footnotes.values()].map((f) => ({
      kind: "FOOTNOTE",
      text: f.text,
      paragraph: f.paragraph,
      footnote: f,
    })),
  ].map((p) => ({ ...p, lower: p.text.toLowerCase() }));

  const schema = buildSchema(fs.readFileSync(path.join(ROOT, "schema/schema.graphql"), "utf8"));
  const query = schema.getQueryType()!.getFields();
  query.states.resolve = (_root, args) => {
    const asOf = args.asOf ?? finalisedOn;
    const list = allStates.filter((s) => matches(s, args.filter, asOf));
    if (args.direction === "DESC") list.reverse();
    const nodes = list.slice(0, args.first ?? 50).map((s) => view(s, asOf));
    return { totalCount: list.length, nodes };
  };
  query.state.resolve = (_root, args) => {
    const state = states.get(String(args.code).toUpperCase());
    return state ? view(state, args.asOf ?? finalisedOn) : null;
  };
  query.stateCounts.resolve = (_root, args) => {
    const asOf = args.asOf ?? finalisedOn;
    const counts = new Map<string, number>();
    for (const state of allStates) {
      if (!matches(state, args.filter, asOf)) continue;
      const keys =
        args.groupBy === "STATUS"
          ? [statusOn(state.participation, asOf)]
          : args.groupBy === "NEED_AREA"
            ? state.assistanceNeeds.map((n: any) => n.area)
            : [];
      if (keys.length === 0 && args.groupBy !== "STATUS" && args.groupBy !== "NEED_AREA")
        throw new Error(`the ceiling does not implement stateCounts(groupBy: ${args.groupBy})`);
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, count]) => ({ key, count }));
  };
  query.findingCounts.resolve = (_root, args) => {
    if (args.groupBy !== "THEME")
      throw new Error(`the ceiling does not implement findingCounts(${args.groupBy})`);
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.theme, (counts.get(f.theme) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, count]) => ({ key, count }));
  };
  query.search.resolve = (_root, args) => {
    const words = String(args.text)
      .toLowerCase()
      .replace(/"|\bor\b/g, " ")
      .split(/\s+/)
      .filter((w) => w && !w.startsWith("-"));
    const hits = [];
    for (const p of passages) {
      let occurrences = 0;
      for (const w of words) {
        const n = p.lower.split(w).length - 1;
        if (n === 0) {
          occurrences = 0;
          break;
        }
        occurrences += n;
      }
      if (occurrences > 0) hits.push({ p, rank: occurrences / (1 + p.text.length / 600) });
    }
    hits.sort((a, b) => b.rank - a.rank || a.p.paragraph.number - b.p.paragraph.number);
    return hits.slice(0, args.first ?? 10).map(({ p, rank }) => {
      const at = Math.max(0, p.lower.indexOf(words[0] ?? "") - 80);
      const snippet = p.text.slice(at, at + 200).replace(new RegExp(`(${words[0]})`, "i"), "<mark>$1</mark>");
      return { kind: p.kind, rank, snippet, paragraph: p.paragraph, footnote: p.footnote };
    });
  };
  // `findings` on State takes an optional filter, which the bench does not use.
  (schema.getType("State") as GraphQLObjectType).getFields().findings.resolve = (state) => state.findings;
  return { schema, report };
}

export interface CeilingResult {
  executions: number;
  /** Executions per second. */
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  failures: number;
}

/** Executes one document for `seconds`, one execution after another, and times each. */
export function measureCeiling(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: (i: number | null) => Vars,
  uncached: boolean,
  seconds: number,
): CeilingResult {
  const latencies: number[] = [];
  let bytes = 0;
  let failures = 0;
  const cached = variables(null);
  const end = performance.now() + seconds * 1000;
  let i = 0;
  const started = performance.now();
  while (performance.now() < end) {
    const t0 = performance.now();
    const result = execute({ schema, document, variableValues: uncached ? variables(i) : cached });
    if (result instanceof Promise) throw new Error("the ceiling's resolvers are synchronous");
    const body = JSON.stringify(result);
    latencies.push(performance.now() - t0);
    bytes += body.length;
    if (result.errors) failures += 1;
    i += 1;
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { executions: i, rps: i / elapsed, p50: at(0.5), p99: at(0.99), bytes: bytes / i, failures };
}

function main(argv: string[]): void {
  let reportFile = path.join(ROOT, "server/data/reports/beirut-progress-report-2011.json");
  // The servers' participants file (CCM_PARTICIPANTS), so that both sides read the same record.
  let participantsFile = loadConfig().participantsFile;
  let seconds = 3;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--report") reportFile = argv[++i];
    else if (argv[i] === "--participants") participantsFile = argv[++i];
    else if (argv[i] === "--duration") seconds = Number(argv[++i]);
    else if (argv[i] === "--scenario") only.push(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  const { schema, report } = buildCeiling(reportFile, participantsFile);
  const context = {
    reportId: report.report.id,
    finalisedOn: report.report.finalisedOn,
    namedStates: report.states.map((s: any) => s.code).sort(),
    kinds: { obligation: [], stockpileExisting: [], stockpileAll: [], needAll: [], needByArea: {} },
  };
  const results = [];
  const answers: Record<string, unknown> = {};
  for (const scenario of scenarios(context)) {
    if (only.length > 0 && !only.includes(scenario.name)) continue;
    const document = parse(scenario.ccm.query);
    const errors = validate(schema, document);
    if (errors.length > 0) throw new Error(`${scenario.name}: ${errors.map((e) => e.message).join("; ")}`);
    // The answer to the cached variables, reduced like ccm-graph's, so the bench can compare them.
    const once = execute({ schema, document, variableValues: scenario.ccm.variables(null) }) as any;
    answers[scenario.name] = once.errors ? { errors: once.errors } : scenario.ccm.answer(once.data);
    for (const uncached of [false, true]) {
      measureCeiling(schema, document, scenario.ccm.variables, uncached, Math.min(0.5, seconds / 4)); // warm-up
      const result = measureCeiling(schema, document, scenario.ccm.variables, uncached, seconds);
      results.push({ scenario: scenario.name, path: uncached ? "uncached" : "cached", ...result });
    }
  }
  process.stdout.write(`${JSON.stringify({ nodeEnv: process.env.NODE_ENV ?? null, results, answers })}\n`);
}

if (require.main === module) main(process.argv.slice(2));
