import type { DataSource } from "typeorm";

/**
 * The per-request handle on the database: every SQL statement of a request goes through it, so
 * a request can tell how many statements it issued (tests and the benchmark read this).
 */
export class Sql {
  statements = 0;

  constructor(private readonly dataSource: DataSource) {}

  async query<Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
    this.statements += 1;
    return this.dataSource.query(text, params);
  }
}
