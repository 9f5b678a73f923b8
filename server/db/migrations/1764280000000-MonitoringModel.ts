import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The monitoring model: each State Party's deadlines under the Convention's rules, each state's
 * links to the Vientiane Action Plan actions, and the columns the report's self-check needs. The
 * deadlines and links are derived at ingest (from the depositary dates, the report and the
 * vocabulary), so they belong to a report and go with it.
 */
export class MonitoringModel1764280000000 implements MigrationInterface {
  name = "MonitoringModel1764280000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE action ADD COLUMN time_bound boolean NOT NULL DEFAULT false, ADD COLUMN note text;
      ALTER TABLE assertion ADD COLUMN until date;
      ALTER TABLE discrepancy ADD COLUMN note text, ADD COLUMN report_figure integer, ADD COLUMN computed_figure integer;

      CREATE TABLE deadline (
        report_id text NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        state_code char(3) NOT NULL REFERENCES state(code),
        rule text NOT NULL,
        position integer NOT NULL,
        deposited date NOT NULL,
        entry_into_force date NOT NULL,
        trigger_date date NOT NULL,
        due_on date NOT NULL,
        met_by text[] NOT NULL,
        begun_by text[] NOT NULL,
        extended_until date,
        PRIMARY KEY (report_id, state_code, rule)
      );
      CREATE INDEX deadline_by_due ON deadline (report_id, due_on);

      CREATE TABLE action_link (
        report_id text NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        state_code char(3) NOT NULL REFERENCES state(code),
        action_number integer NOT NULL,
        link text NOT NULL,
        strength integer NOT NULL,
        basis text NOT NULL,
        finding_id text NOT NULL,
        cited_as text,
        PRIMARY KEY (report_id, state_code, action_number, finding_id, link, basis),
        FOREIGN KEY (report_id, finding_id) REFERENCES finding(report_id, id) ON DELETE CASCADE
      );
      CREATE INDEX action_link_by_action ON action_link (report_id, action_number);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE action_link, deadline;
      ALTER TABLE discrepancy DROP COLUMN note, DROP COLUMN report_figure, DROP COLUMN computed_figure;
      ALTER TABLE assertion DROP COLUMN until;
      ALTER TABLE action DROP COLUMN time_bound, DROP COLUMN note;
    `);
  }
}
