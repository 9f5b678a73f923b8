/** The CSV rows of a question's answer: one per item of its list, fields flattened, sources last. */
import { stringify } from "csv-stringify/sync";

export type Data = Record<string, unknown>;

export const isObject = (value: unknown): value is Data =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** A connection: an object holding its items in `nodes` or `edges`. */
export const isConnection = (value: unknown): value is Data =>
  isObject(value) && (Array.isArray(value.nodes) || Array.isArray(value.edges));

/** The items of a list answer: the list itself, or a connection's nodes. */
export function listItems(value: unknown): Data[] {
  const items = Array.isArray(value)
    ? value
    : isConnection(value)
      ? Array.isArray(value.nodes)
        ? value.nodes
        : (value.edges as Data[]).map((edge) => edge.node)
      : [];
  return (items as unknown[]).filter(isObject);
}

/** Fields that name an object, carried on each row of its CSV (`state.code`, `state.name`). */
const IDENTITY_FIELDS = ["code", "name", "number", "key", "title"];

/** The rows of a question about one object: one per item of its list, each with the object's identity. */
export function objectRows(root: string, object: Data, list: string): Record<string, string>[] {
  const identity: Record<string, string> = {};
  for (const field of IDENTITY_FIELDS) {
    const value = object[field];
    if (typeof value === "string" || typeof value === "number") identity[`${root}.${field}`] = String(value);
  }
  return listItems(object[list]).map((item) => ({ ...identity, ...rowOf(item) }));
}

/** "¶59 fn57" for every citation-like object ({paragraph, footnote} or {paragraphNumber, footnoteNumber}) in a row. */
function sourcesOf(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) sourcesOf(item, found);
  } else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    const paragraph = typeof o.paragraph === "number" ? o.paragraph : o.paragraphNumber;
    const footnote = "footnote" in o && typeof o.footnote !== "object" ? o.footnote : o.footnoteNumber;
    if (typeof paragraph === "number")
      found.add(`¶${paragraph}${typeof footnote === "number" ? ` fn${footnote}` : ""}`);
    for (const child of Object.values(o)) if (child && typeof child === "object") sourcesOf(child, found);
  }
  return found;
}

/** Flattens a row: scalar leaves by dotted path; values inside lists joined with "; ". */
function flatten(value: unknown, prefix: string, out: Map<string, string[]>): void {
  if (value === null || value === undefined) {
    if (prefix && !out.has(prefix)) out.set(prefix, []);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, prefix, out);
    if (value.length === 0 && prefix && !out.has(prefix)) out.set(prefix, []);
    return;
  }
  if (typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      // Opaque global ids are for clients' caches, not for a spreadsheet.
      if (key === "sources" || key === "__typename" || key === "id") continue;
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
    return;
  }
  const list = out.get(prefix) ?? [];
  if (!list.includes(String(value))) list.push(String(value));
  out.set(prefix, list);
}

/** One CSV row: the item's fields flattened, and its sources. */
export function rowOf(item: Data): Record<string, string> {
  const columns = new Map<string, string[]>();
  flatten(item, "", columns);
  const cells: Record<string, string> = {};
  for (const [key, values] of columns) cells[key] = values.join("; ");
  cells.sources = [...sourcesOf(item, new Set())].join("; ");
  return cells;
}

export function csvOf(rows: Record<string, string>[]): string {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  // Sources last, so that a spreadsheet reads fact first, then where it comes from.
  const ordered = [...header.filter((h) => h !== "sources"), "sources"];
  return stringify(rows, { header: true, columns: ordered });
}
