import { sql } from "pg-sql2";

import { oneRow } from "../graph/loaders";
import type { OrganisationRow, UseInstanceRow } from "./organisation";

export const o = sql.identifier("o");
const x = sql.identifier("x");

/** Organisations (`o`) with their roles as a JSON list, in order. */
export const ORGANISATION_SELECT = sql`SELECT ${o}.*, coalesce((SELECT json_agg(json_build_object('role', ${x}.role,
    'paragraphs', ${x}.paragraphs) ORDER BY ${x}.position)
  FROM organisation_role ${x} WHERE ${x}.report_id = ${o}.report_id AND ${x}.organisation_key = ${o}.key), '[]') AS roles
  FROM organisation ${o}`;

export const organisation = oneRow<OrganisationRow, string>(
  (reportId, keys) =>
    sql`${ORGANISATION_SELECT} WHERE ${o}.report_id = ${sql.value(reportId)} AND ${o}.key = ANY(${sql.value(keys)})`,
  (row) => row.key,
);

export const useInstance = oneRow<UseInstanceRow, string>(
  (reportId, ids) =>
    sql`SELECT * FROM use_instance WHERE report_id = ${sql.value(reportId)} AND id = ANY(${sql.value(ids)})`,
  (row) => row.id,
);
