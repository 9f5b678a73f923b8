/**
 * The bench's records and its markdown: one table per scale (every path), the growth of p50
 * with the data, and (with --cold) the cold engine's own table (bench/cold.ts).
 */
import type { CellResult } from "./load";
import type { CheckResult } from "./scenarios";

export type PathName = "cached" | "uncached" | "cold";
export type ServerName = "ccm" | "postgraphile";

export interface ServerCell extends CellResult {
  /** pg_stat_statements calls of the server's role per request sent, when available. */
  sqlPerRequestPg: number | null;
  /** CPU the server process and PostgreSQL spent during the cell (ccm-graph, cold path only). */
  cpu?: CellCpu;
}

/** CPU time spent during one measured cell, and when the cell ran (for slicing CPU profiles). */
export interface CellCpu {
  /** CPU time of the server's process (user + system), ms. */
  nodeMs: number;
  /** CPU time of every PostgreSQL process of the bench's cluster, ms (null on DATABASE_URL). */
  pgMs: number | null;
  /** The cell's window on the monotonic clock V8's profiles use (microseconds). */
  startUs: number;
  endUs: number;
}

/** Shares of the CPU ccm-graph and PostgreSQL spent on a cold cell (fractions of their sum). */
export interface CpuShares {
  postgres: number | null;
  /** The server process, split by a CPU profile where there is one. */
  node: number;
  graphql: number | null;
  apollo: number | null;
  ours: number | null;
  /** Fastify, pg, node internals, garbage collection and the rest of the process. */
  other: number | null;
}

export interface Row {
  scale: number;
  scenario: string;
  title: string;
  path: PathName;
  ccm: ServerCell | null;
  postgraphile: ServerCell | null;
  ceiling: { rps: number; p50: number; p99: number; bytes: number; failures: number } | null;
  /** Every round, for the record. */
  rounds: Record<ServerName, ServerCell[]>;
  /** Cold path: where ccm-graph's CPU went (bench/cold.ts). */
  shares?: CpuShares | null;
}

export interface ScaleInfo {
  scale: number;
  reportId: string;
  findings: number;
  stateMentions: number;
  paragraphs: number;
  ccmStartSeconds: number;
  checks: CheckResult[];
  ceilingAnswersMatch: Record<string, boolean>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The median cell of several rounds: each number is the median of that number. */
export function medianCell(cells: ServerCell[]): ServerCell | null {
  if (cells.length === 0) return null;
  const pick = (f: (c: ServerCell) => number | null) => {
    const values = cells.map(f).filter((v): v is number => v !== null);
    return values.length > 0 ? median(values) : null;
  };
  return {
    requests: cells.reduce((n, c) => n + c.requests, 0),
    rps: pick((c) => c.rps)!,
    p50: pick((c) => c.p50)!,
    p90: pick((c) => c.p90)!,
    p99: pick((c) => c.p99)!,
    meanLatency: pick((c) => c.meanLatency)!,
    failures: cells.reduce((n, c) => n + c.failures, 0),
    failureExample: cells.find((c) => c.failureExample)?.failureExample ?? null,
    sqlPerRequest: pick((c) => c.sqlPerRequest),
    sqlPerRequestPg: pick((c) => c.sqlPerRequestPg),
    bytes: pick((c) => c.bytes)!,
    sent: cells.reduce((n, c) => n + c.sent, 0),
    byCount: cells.some((c) => c.byCount),
  };
}

export const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? "n/a"
    : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const ms = (n: number | null | undefined) =>
  n === null || n === undefined ? "n/a" : n < 10 ? fmt(n, 2) : fmt(n, 0);
const kb = (n: number | null | undefined) =>
  n === null || n === undefined
    ? "n/a"
    : n < 10_240
      ? `${fmt(n / 1024, 1)} KB`
      : n < 10_485_760
        ? `${fmt(n / 1024, 0)} KB`
        : `${fmt(n / 1048576, 1)} MB`;
export const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a && b ? `${fmt(a / b, 2)}x` : "n/a";

/** The markdown report: one table per scale, then the growth of p50 with the data. */
export function renderTables(rows: Row[], infos: ScaleInfo[]): string {
  const out: string[] = [];
  for (const info of infos) {
    out.push(
      `### ${info.scale}x: ${info.reportId} (${fmt(info.findings)} findings, ${fmt(info.stateMentions)} state mentions, ${fmt(info.paragraphs)} paragraphs)`,
      "",
      "| scenario | path | ccm-graph req/s | p50 ms | p99 ms | SQL/req | bytes | PostGraphile req/s | p50 ms | p99 ms | SQL/req | bytes | ceiling exec/s | p50 ms | p99 ms | ccm/PGL req/s | ccm/PGL p50 | ccm/ceiling req/s | failures |",
      "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    );
    for (const row of rows.filter((r) => r.scale === info.scale)) {
      const c = row.ccm;
      const p = row.postgraphile;
      const x = row.ceiling;
      const failures = (c?.failures ?? 0) + (p?.failures ?? 0) + (x?.failures ?? 0);
      out.push(
        `| ${row.title} | ${row.path} | ${fmt(c?.rps)}${c?.byCount ? "†" : ""} | ${ms(c?.p50)} | ${ms(c?.p99)} | ${fmt(c?.sqlPerRequest, 1)} | ${kb(c?.bytes)} | ` +
          `${fmt(p?.rps)}${p?.byCount ? "†" : ""} | ${ms(p?.p50)} | ${ms(p?.p99)} | ${fmt(p?.sqlPerRequestPg, 1)} | ${kb(p?.bytes)} | ` +
          `${fmt(x?.rps)} | ${ms(x?.p50)} | ${ms(x?.p99)} | ` +
          `${ratio(c?.rps, p?.rps)} | ${ratio(c?.p50, p?.p50)} | ${ratio(c?.rps, x?.rps)} | ${failures} |`,
      );
    }
    if (rows.some((r) => r.scale === info.scale && (r.ccm?.byCount || r.postgraphile?.byCount)))
      out.push(
        "",
        "† too slow to complete 2 requests per connection in the cell's time: measured by count instead.",
      );
    const failed = info.checks.filter((c) => !c.ok).map((c) => c.scenario);
    const ceilingMismatch = Object.entries(info.ceilingAnswersMatch)
      .filter(([, ok]) => !ok)
      .map(([name]) => name);
    out.push(
      "",
      `ccm-graph start (migrations + ingest): ${fmt(info.ccmStartSeconds, 1)} s. ` +
        `Same answers as PostGraphile: ${info.checks.length === 0 ? "not checked" : failed.length === 0 ? "yes, every scenario" : `NO for ${failed.join(", ")}`}. ` +
        `Ceiling answers: ${Object.keys(info.ceilingAnswersMatch).length === 0 ? "not checked" : ceilingMismatch.length === 0 ? "same states as ccm-graph" : `differ for ${ceilingMismatch.join(", ")}`}.`,
      "",
    );
  }
  const scales = infos.map((i) => i.scale);
  if (scales.length > 1) {
    out.push(
      "### How p50 grows with the data (ms, and the factor over 1x)",
      "",
      `| scenario | path | ${scales.map((s) => `ccm-graph ${s}x`).join(" | ")} | ${scales.map((s) => `PostGraphile ${s}x`).join(" | ")} | ${scales.map((s) => `ceiling ${s}x`).join(" | ")} |`,
      `|---|---|${scales.map(() => "--:").join("|")}|${scales.map(() => "--:").join("|")}|${scales.map(() => "--:").join("|")}|`,
    );
    const keys = [...new Set(rows.map((r) => `${r.scenario}|${r.path}`))];
    for (const key of keys) {
      const [scenario, pathName] = key.split("|");
      const at = (scale: number) =>
        rows.find((r) => r.scale === scale && r.scenario === scenario && r.path === pathName);
      const cell = (pick: (r: Row) => number | null | undefined) =>
        scales
          .map((scale) => {
            const base = at(scales[0]);
            const value = at(scale) ? pick(at(scale)!) : null;
            const baseValue = base ? pick(base) : null;
            if (value === null || value === undefined) return "n/a";
            return scale === scales[0] || !baseValue
              ? ms(value)
              : `${ms(value)} (${fmt(value / baseValue, 1)}x)`;
          })
          .join(" | ");
      out.push(
        `| ${at(scales[0])?.title ?? scenario} | ${pathName} | ${cell((r) => r.ccm?.p50)} | ${cell((r) => r.postgraphile?.p50)} | ${cell((r) => r.ceiling?.p50)} |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}
