import type { DataSource } from "typeorm";

import { badInput } from "../errors";

/** PostgreSQL text cannot hold NUL characters: such input is the client's error, not ours. */
function assertNoNul(value: unknown): void {
  if (typeof value === "string" && value.includes("\u0000")) {
    throw badInput("text arguments must not contain NUL (\\u0000) characters");
  }
  if (Array.isArray(value)) value.forEach(assertNoNul);
}

/**
 * The per-request handle on the database: every SQL statement of a request goes through it, so
 * a request can tell how many statements it issued (tests and the benchmark read this).
 */
export class Sql {
  statements = 0;

  constructor(private readonly dataSource: DataSource) {}

  async query<Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
    params.forEach(assertNoNul);
    this.statements += 1;
    return this.dataSource.query(text, params);
  }
}
