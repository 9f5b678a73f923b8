import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes for every filter path (found with scripts/explain-filters.ts on the 100x data), and the
 * number of distinct states a finding lists, stored at ingest instead of counted per query.
 */
export class FilterIndexes1764260000000 implements MigrationInterface {
  name = "FilterIndexes1764260000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE finding ADD COLUMN listed_count integer NOT NULL DEFAULT 0;
      UPDATE finding f SET listed_count = (
        SELECT count(DISTINCT a.state_code) FROM assertion a WHERE a.report_id = f.report_id AND a.finding_id = f.id
      );
      CREATE INDEX finding_by_group ON finding (report_id, "group");
      CREATE INDEX assertion_by_kind_finding ON assertion (report_id, kind, finding_id);
      CREATE INDEX assertion_by_state_kind ON assertion (report_id, state_code, kind, finding_id);
      CREATE INDEX discrepancy_footnotes ON discrepancy USING gin (footnotes);
      CREATE INDEX discrepancy_by_kind ON discrepancy (report_id, kind);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX discrepancy_by_kind, discrepancy_footnotes, assertion_by_state_kind, assertion_by_kind_finding,
        finding_by_group;
      ALTER TABLE finding DROP COLUMN listed_count;
    `);
  }
}
