import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json";
import { type SQL, sql } from "pg-sql2";
import type { DataSource, EntityManager } from "typeorm";

import { ASSERTION_MEANINGS, type AssertionMeanings, factsOfMeaning, vocabularyVersion } from "../vocabulary";
import type { Participant, ReportDataset } from "./format";
import { FORMAT_VERSION } from "./format";
import { actionLinksOf } from "../actions/derive";
import { deadlineCheckDiscrepancies, deadlinesOf } from "../deadlines/derive";
import { type ColumnType, type DerivedRows, reportRow, rowsOfReport } from "./report-rows";
import { parseParticipantsFile, parseReportFile } from "./validate";

countries.registerLocale(english);

/** Bump when the ingest writes differently, so that databases holding an older load reload. */
const INGEST_VERSION = 3;

export interface IngestResult {
  reportId: string;
  datasetVersion: string;
  /** False when the database already held this exact dataset: nothing was written. */
  changed: boolean;
}

/**
 * Loads one report file (and the treaty participation record) into the database: validated
 * first, then written in one transaction that replaces the report as a unit. Idempotent: a
 * second run with the same files changes nothing. An invalid file throws a DatasetError before
 * any write. This is the one path used by `npm start`, `npm run ingest` and the tests.
 *
 * `meanings` is what each assertion kind means (the vocabulary's, unless a test gives others):
 * written with the report and hashed into its version, so a changed meaning reloads the data.
 */
export async function ingestReport(
  dataSource: DataSource,
  reportFile: string,
  participantsFile: string,
  meanings: AssertionMeanings = ASSERTION_MEANINGS,
): Promise<IngestResult> {
  const datasetVersion = versionOf(reportFile, participantsFile, meanings);
  // The version hashes the files' bytes: a database that already holds it got these very files,
  // validated when they were loaded. Every start takes this path, so skip the parse there.
  const [loaded] = await dataSource.query("SELECT id FROM report WHERE dataset_version = $1", [
    datasetVersion,
  ]);
  if (loaded) return { reportId: loaded.id, datasetVersion, changed: false };

  const dataset = parseReportFile(reportFile);
  const participants = parseParticipantsFile(participantsFile);
  const reportId = dataset.report.id;

  const result = await dataSource.transaction(async (tx): Promise<IngestResult> => {
    // One ingest at a time, across processes: two servers starting together must not interleave.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('ccm-graph ingest'))");
    const [current] = await tx.query("SELECT dataset_version FROM report WHERE id = $1", [reportId]);
    if (current?.dataset_version === datasetVersion) return { reportId, datasetVersion, changed: false };

    await writeStates(tx, dataset, participants);
    await writeParticipation(tx, participants);
    await writeAssertionKinds(tx, meanings);
    await tx.query("DELETE FROM report WHERE id = $1", [reportId]);
    await writeReport(tx, dataset, datasetVersion, derive(dataset, participants, meanings));
    await pruneStates(tx);
    // Delivered at commit: running servers drop what they cached of the old version at once.
    await tx.query("SELECT pg_notify($1, $2)", [DATASET_CHANNEL, reportId]);
    return { reportId, datasetVersion, changed: true };
  });
  // Fresh statistics, so that the planner sizes the new rows right at once (before an ANALYZE
  // the tables look empty to it, and it nested-loops over whole tables); it also re-plans the
  // statements requests hold prepared.
  if (result.changed)
    await run(
      dataSource,
      sql`ANALYZE ${sql.join(
        DATA_TABLES.map((t) => sql.identifier(t)),
        ", ",
      )}`,
    );
  return result;
}

/** The notification channel an ingest announces a changed dataset on (see DatasetVersion). */
export const DATASET_CHANNEL = "ccm_dataset_changed";

/** The tables an ingest writes (every table of the schema but `migrations`). */
export const DATA_TABLES = [
  "state",
  "participation",
  "report",
  "report_state",
  "section",
  "subheading",
  "paragraph",
  "footnote",
  "action",
  "finding",
  "assertion",
  "assertion_kind",
  "discussion_question",
  "discrepancy",
  "organisation",
  "organisation_role",
  "use_instance",
  "deadline",
  "action_link",
];

/** The report files of a dataset folder, in name order. */
export function reportFilesIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.join(dir, name));
}

/** A dataset's version: the files' content, the vocabulary's meanings and the ingest's own version. */
export function versionOf(
  reportFile: string,
  participantsFile: string,
  meanings: AssertionMeanings = ASSERTION_MEANINGS,
): string {
  const hash = crypto.createHash("sha256");
  hash.update(
    `format ${FORMAT_VERSION} ingest ${INGEST_VERSION} vocabulary ${vocabularyVersion(meanings)}\n`,
  );
  hash.update(fs.readFileSync(reportFile));
  hash.update(fs.readFileSync(participantsFile));
  return hash.digest("hex").slice(0, 16);
}

/** Runs a pg-sql2 statement in the ingest's transaction (or on the DataSource). */
function run(tx: EntityManager | DataSource, statement: SQL): Promise<unknown> {
  const { text, values } = sql.compile(statement);
  return tx.query(text, values as unknown[]);
}

/** The SQL types of an insert's columns, by column name. */
const types: Record<ColumnType, SQL> = {
  text: sql`text`,
  integer: sql`integer`,
  boolean: sql`boolean`,
  date: sql`date`,
  jsonb: sql`jsonb`,
  "text[]": sql`text[]`,
  "integer[]": sql`integer[]`,
};

/** Inserts rows through jsonb_to_recordset: one statement per table whatever the row count. */
async function insertRows(
  tx: EntityManager,
  table: string,
  columns: Record<string, ColumnType>,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns).map((name) => sql.identifier(name));
  const quoted = sql.join(names, ", ");
  const definition = sql.join(
    Object.entries(columns).map(([name, type]) => sql`${sql.identifier(name)} ${types[type]}`),
    ", ",
  );
  await run(
    tx,
    sql`INSERT INTO ${sql.identifier(table)} (${quoted})
      SELECT ${quoted} FROM jsonb_to_recordset(${sql.value(JSON.stringify(rows))}::jsonb) AS x(${definition})`,
  );
}

async function writeStates(tx: EntityManager, dataset: ReportDataset, participants: Participant[]) {
  const codes = new Set([...participants.map((p) => p.iso3), ...dataset.states.map((s) => s.code)]);
  const rows = [...codes].sort().map((code) => ({ code, name: isoName(code) }));
  await tx.query(
    `INSERT INTO state (code, name) SELECT code, name FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
    [JSON.stringify(rows)],
  );
}

/**
 * Drops the states that neither the participation record nor any loaded report names any more
 * (e.g. one only an earlier version of a report named), so that a report is replaced as a unit.
 * Every other reference to a state (assertions, use instances, the report's authors) is declared
 * in the report's states, hence in report_state.
 */
async function pruneStates(tx: EntityManager) {
  await tx.query(
    `DELETE FROM state s WHERE NOT EXISTS (SELECT 1 FROM participation p WHERE p.state_code = s.code)
       AND NOT EXISTS (SELECT 1 FROM report_state rs WHERE rs.state_code = s.code)`,
  );
}

/**
 * The state's English name from the ISO country list. The package lists an ASCII form first
 * ("Cote d'Ivoire"); where it also has the same name with its diacritics, that one is used.
 */
export function isoName(code: string): string {
  const names = countries.getName(code, "en", { select: "all" }) ?? [];
  const [first] = names;
  if (!first) return code;
  const plain = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "");
  return names.find((name) => name !== first && plain(name) === first) ?? first;
}

async function writeParticipation(tx: EntityManager, participants: Participant[]) {
  await tx.query("DELETE FROM participation");
  await insertRows(
    tx,
    "participation",
    {
      state_code: "text",
      depositary_name: "text",
      signed: "date",
      joined: "date",
      joined_by: "text",
      withdrawal_effective: "date",
      sources: "text[]",
    },
    participants.map((p) => ({
      state_code: p.iso3,
      depositary_name: p.state,
      signed: p.signed,
      joined: p.joined,
      joined_by: p.joinedBy,
      withdrawal_effective: p.withdrawalEffective,
      sources: p.sources,
    })),
  );
}

async function writeAssertionKinds(tx: EntityManager, meanings: AssertionMeanings) {
  await tx.query("DELETE FROM assertion_kind");
  await insertRows(
    tx,
    "assertion_kind",
    { kind: "text", theme: "text", description: "text", meaning: "jsonb" },
    Object.entries(meanings).map(([kind, m]) => ({
      kind,
      theme: m.theme,
      description: m.description,
      meaning: factsOfMeaning(m),
    })),
  );
}

/** What the ingest derives from the report, the depositary record and the vocabulary. */
function derive(
  dataset: ReportDataset,
  participants: Participant[],
  meanings: AssertionMeanings,
): DerivedRows {
  const deadlines = deadlinesOf(dataset, participants, meanings);
  return {
    deadlines,
    actionLinks: actionLinksOf(dataset, participants, meanings),
    discrepancies: deadlineCheckDiscrepancies(dataset, deadlines),
  };
}

async function writeReport(
  tx: EntityManager,
  d: ReportDataset,
  datasetVersion: string,
  derived: DerivedRows,
) {
  const row = { ...reportRow(d), dataset_version: datasetVersion };
  const names = Object.keys(row);
  await run(
    tx,
    sql`INSERT INTO report (${sql.join(
      names.map((name) => sql.identifier(name)),
      ", ",
    )})
      VALUES (${sql.join(
        Object.values(row).map((value) => sql.value(value)),
        ", ",
      )})`,
  );
  for (const { table, columns, rows } of rowsOfReport(d, derived)) await insertRows(tx, table, columns, rows);
}
