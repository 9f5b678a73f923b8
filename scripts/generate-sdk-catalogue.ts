/**
 * Writes the SDK's catalogue from sdk/operations/ and the documents graphql-codegen generated:
 *
 * - sdk/generated/catalogue.json: `[{ name, description, document, variables, ... }]` in file
 *   order, headline first. `variables` holds example values (checked against the schema); the
 *   explorer and /api/questions read this file.
 * - sdk/generated/catalogue.ts: the client's method per operation (with the question as TSDoc)
 *   and what the paging helpers need.
 * - sdk/generated/persisted-operations.json: sha256 hex of each document → the document, where
 *   the document is exactly the string the SDK sends (graphql's `print` of the generated
 *   document, as graphql-request does), so the hash is the APQ hash of what goes on the wire.
 * - the catalogue table in sdk/README.md, between its `catalogue:start` and `catalogue:end` marks.
 *
 * Each operation file starts with `#` comment lines: the question it answers, and optionally
 * `# @variables {...}` (JSON example values; required when the operation has required variables)
 * and, for a question about one object, `# @csv <field>`: the list of that object whose items
 * are the rows of its CSV answer (/api/questions/<Name>.csv); without it, such a question has no
 * CSV form.
 * Files are named `NN-kebab-case-of-the-operation-name.graphql`; NN orders the catalogue.
 * graphql-codegen runs this after writing (see codegen.ts); it fails on any inconsistency.
 * `--check` writes nothing and fails if any of these files is not what it would write.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import {
  buildSchema,
  type DocumentNode,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
} from "graphql";

import prettier from "prettier";

import * as generated from "../sdk/generated/graphql";
import { selectionsWithoutId } from "./selections-without-id";

const ROOT = path.resolve(__dirname, "..");
const OPERATIONS_DIR = path.join(ROOT, "sdk", "operations");
const OUT_DIR = path.join(ROOT, "sdk", "generated");
const SCHEMA_FILE = path.join(ROOT, "schema", "schema.graphql");
export const README_FILE = path.join(ROOT, "sdk", "README.md");
/** Both READMEs carry the catalogue table: the package's and the project's. */
export const README_FILES = [README_FILE, path.join(ROOT, "README.md")];

export interface CatalogueEntry {
  /** The operation name, e.g. "StateProfile". */
  name: string;
  /** The question the operation answers (from the file's leading comment). */
  description: string;
  /** The document exactly as the SDK sends it (fragments included). */
  document: string;
  /** Example variable values, valid against the schema; `{}` when there are none. */
  variables: Record<string, unknown>;
  /** The client method: `client.stateProfile(...)`. */
  method: string;
  /** sha256 hex of `document`: its key in persisted-operations.json and its APQ hash. */
  sha256: string;
  /** The variables the operation declares. */
  variableDefinitions: { name: string; type: string; required: boolean; defaultValue: string | null }[];
  /** For paged operations, the root field that holds the connection; null otherwise. */
  pagedConnection: string | null;
  /** For a question about one object: its list whose items are the CSV rows (`# @csv`); else null. */
  csvList: string | null;
  /** The source file, relative to the repository root. */
  file: string;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** The `#` lines before the first definition: description lines and `@variables` JSON. */
function readHeader(source: string): {
  description: string;
  example: Record<string, unknown> | null;
  csvList: string | null;
} {
  const lines: string[] = [];
  for (const line of source.split("\n")) {
    if (!line.startsWith("#")) break;
    lines.push(line.replace(/^#\s?/, "").trim());
  }
  const example = lines.find((l) => l.startsWith("@variables"));
  return {
    description: lines
      .filter((l) => l && !l.startsWith("@"))
      .join(" ")
      .trim(),
    example: example ? (JSON.parse(example.slice("@variables".length)) as Record<string, unknown>) : null,
    csvList:
      lines
        .find((l) => l.startsWith("@csv "))
        ?.slice("@csv ".length)
        .trim() ?? null,
  };
}

/** True when the operation's (first) root field selects `field` directly. */
function selectsUnderRoot(operation: OperationDefinitionNode, field: string): boolean {
  const root = operation.selectionSet.selections[0];
  return (
    root?.kind === Kind.FIELD &&
    (root.selectionSet?.selections ?? []).some(
      (s) => s.kind === Kind.FIELD && (s.alias ?? s.name).value === field,
    )
  );
}

/** The root field (alias if any) whose selection has `pageInfo`, for operations with `$after`. */
function pagedConnection(operation: OperationDefinitionNode): string | null {
  const hasAfter = operation.variableDefinitions?.some((v) => v.variable.name.value === "after");
  if (!hasAfter) return null;
  const hasPageInfo = (set: SelectionSetNode | undefined) =>
    set?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "pageInfo") ?? false;
  const roots = operation.selectionSet.selections.filter(
    (s) => s.kind === Kind.FIELD && hasPageInfo(s.selectionSet),
  );
  if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) return null;
  return (roots[0].alias ?? roots[0].name).value;
}

export function readCatalogue(): CatalogueEntry[] {
  const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, "utf8"));
  const documents = generated as unknown as Record<string, DocumentNode | undefined>;
  const problems: string[] = [];
  const entries: CatalogueEntry[] = [];
  const files = fs
    .readdirSync(OPERATIONS_DIR)
    .filter((f) => f.endsWith(".graphql"))
    .sort();
  for (const file of files) {
    const where = `sdk/operations/${file}`;
    const source = fs.readFileSync(path.join(OPERATIONS_DIR, file), "utf8");
    const operations = parse(source).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (operations.length === 0) continue; // fragments only
    if (operations.length > 1) {
      problems.push(`${where}: one operation per file, found ${operations.length}`);
      continue;
    }
    const operation = operations[0];
    const name = operation.name?.value;
    if (!name) {
      problems.push(`${where}: the operation needs a name`);
      continue;
    }
    if (operation.operation !== "query") problems.push(`${where}: only queries (the API is read-only)`);
    const fileMatch = /^\d+-(.+)\.graphql$/.exec(file);
    if (!fileMatch || fileMatch[1] !== kebab(name)) {
      problems.push(`${where}: name the file NN-${kebab(name)}.graphql after its operation`);
    }
    let header: ReturnType<typeof readHeader>;
    try {
      header = readHeader(source);
    } catch (error) {
      problems.push(`${where}: @variables is not valid JSON (${(error as Error).message})`);
      continue;
    }
    if (!header.description) problems.push(`${where}: start with a # comment saying what it answers`);
    const definitions = operation.variableDefinitions ?? [];
    const example = header.example ?? {};
    const required = definitions.filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue);
    if (required.length > 0 && !header.example) {
      problems.push(`${where}: give example values for required variables in a "# @variables {...}" line`);
    }
    const coerced = getVariableValues(schema, definitions, example);
    for (const error of coerced.errors ?? []) problems.push(`${where}: @variables: ${error.message}`);
    const document = documents[`${name}Document`];
    if (!document) {
      problems.push(`${where}: graphql-codegen generated no ${name}Document`);
      continue;
    }
    if (header.csvList && !selectsUnderRoot(operation, header.csvList)) {
      problems.push(
        `${where}: @csv ${header.csvList} is not a field selected under the operation's root field`,
      );
    }
    for (const place of selectionsWithoutId(schema, document)) {
      problems.push(`${where}: select id on ${place} (a normalised client cache keys objects by it)`);
    }
    const printed = print(document);
    entries.push({
      name,
      description: header.description,
      document: printed,
      variables: example,
      method: lowerFirst(name),
      sha256: crypto.createHash("sha256").update(printed).digest("hex"),
      variableDefinitions: definitions.map((v) => ({
        name: v.variable.name.value,
        type: print(v.type),
        required: v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue,
        defaultValue: v.defaultValue ? print(v.defaultValue) : null,
      })),
      pagedConnection: pagedConnection(operation),
      csvList: header.csvList,
      file: where,
    });
  }
  // The client's own methods; a catalogue method of the same name would hide them.
  const seen = new Set<string>(["request", "pages", "items"]);
  for (const entry of entries) {
    if (seen.has(entry.method)) problems.push(`${entry.file}: the name ${entry.name} is taken`);
    seen.add(entry.method);
  }
  if (problems.length > 0) throw new Error(`the SDK catalogue is inconsistent:\n  ${problems.join("\n  ")}`);
  return entries;
}

const docComment = (text: string, indent: string) =>
  `${indent}/**\n${text
    .replace(/\*\//g, "*\\/")
    .split("\n")
    .map((l) => `${indent} *${l ? ` ${l}` : ""}`)
    .join("\n")}\n${indent} */`;

/** The TypeScript module the client is built on: one typed method per operation. */
function catalogueModule(entries: CatalogueEntry[]): string {
  const q = (s: string) => JSON.stringify(s);
  const methods = entries.map((e) => {
    const optional = e.variableDefinitions.every((v) => !v.required);
    const variables = `variables${optional ? "?" : ""}: Operations.${e.name}QueryVariables`;
    const example =
      Object.keys(e.variables).length > 0 ? `\n\nExample variables: \`${JSON.stringify(e.variables)}\`` : "";
    const paging = e.pagedConnection
      ? `\n\nPaged: walk every page with \`client.pages(${q(e.method)}, ...)\`.`
      : "";
    return `${docComment(`${e.description}${example}${paging}\n\nOperation \`${e.name}\` (${e.file}).`, "  ")}
  ${e.method}(${variables}, options?: CallOptions): Promise<Operations.${e.name}Query>;`;
  });
  const types = entries.map(
    (e) =>
      `  ${e.method}: { result: Operations.${e.name}Query; variables: Operations.${e.name}QueryVariables };`,
  );
  const paged = entries.filter((e) => e.pagedConnection);
  return `// Generated by scripts/generate-sdk-catalogue.ts from sdk/operations/: do not edit.
import type { CallOptions } from "../types";
import type * as Operations from "./graphql";

/** One typed async method per catalogue operation, in catalogue order (headline first). */
export interface CatalogueMethods {
${methods.join("\n\n")}
}

/** The result and variables type of each catalogue method. */
export interface CatalogueTypes {
${types.join("\n")}
}

/** The catalogue's operations in order, headline first: operation name, method, question. */
export const catalogue = [
${entries
  .map(
    (e) =>
      `  { name: ${q(e.name)}, method: ${q(e.method)}, description: ${q(e.description)}, sha256: ${q(e.sha256)} },`,
  )
  .join("\n")}
] as const;

/** The paged operations and the root field that holds each one's connection. */
export const pagedConnections = {
${paged.map((e) => `  ${e.method}: ${q(e.pagedConnection!)},`).join("\n")}
} as const;
`;
}

/** The README with its catalogue table regenerated (operation, what it answers, variables), formatted. */
export async function readmeWithCatalogue(
  entries: CatalogueEntry[],
  readme: string,
  file = README_FILE,
): Promise<string> {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = entries.map((e) => {
    const variables = e.variableDefinitions
      .filter((v) => !(e.pagedConnection && (v.name === "first" || v.name === "after")))
      .map((v) => `\`${v.name}: ${v.type}\``);
    if (e.pagedConnection) variables.push("paged: `first`, `after`");
    return `| \`${e.method}\` | ${cell(e.description)} | ${cell(variables.join(", ") || "none")} |`;
  });
  const table = ["| operation | what it answers | variables |", "| --- | --- | --- |", ...rows].join("\n");
  const start = readme.indexOf("<!-- catalogue:start");
  const end = readme.indexOf("<!-- catalogue:end -->");
  if (start < 0 || end < start)
    throw new Error(`${path.relative(ROOT, file)} lacks its catalogue:start / catalogue:end marks`);
  const startLineEnd = readme.indexOf("\n", start) + 1;
  const updated = `${readme.slice(0, startLineEnd)}\n${table}\n\n${readme.slice(end)}`;
  const options = await prettier.resolveConfig(file);
  return prettier.format(updated, { ...options, filepath: file });
}

async function main(check: boolean): Promise<void> {
  const entries = readCatalogue();
  const manifest: Record<string, string> = {};
  for (const e of entries) manifest[e.sha256] = e.document;
  const outputs: [string, string][] = [
    [path.join(OUT_DIR, "catalogue.json"), `${JSON.stringify(entries, null, 2)}\n`],
    [path.join(OUT_DIR, "persisted-operations.json"), `${JSON.stringify(manifest, null, 2)}\n`],
    [path.join(OUT_DIR, "catalogue.ts"), catalogueModule(entries)],
  ];
  for (const file of README_FILES) {
    outputs.push([file, await readmeWithCatalogue(entries, fs.readFileSync(file, "utf8"), file)]);
  }
  const stale = outputs.filter(
    ([file, content]) => !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content,
  );
  for (const [file, content] of stale) {
    const name = path.relative(ROOT, file);
    if (check) {
      console.error(`${name} is out of date: run npm run generate`);
    } else {
      fs.writeFileSync(file, content);
      console.log(`wrote ${name}`);
    }
  }
  if (check && stale.length > 0) process.exitCode = 1;
}

if (require.main === module) {
  main(process.argv.includes("--check")).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
