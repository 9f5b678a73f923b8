import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What an assertion kind means is kept as one JSON object (the vocabulary's declaration, minus
 * theme and description), so that a new kind of fact needs no new column. The old columns are
 * folded into it.
 */
export class AssertionMeaning1764270000000 implements MigrationInterface {
  name = "AssertionMeaning1764270000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assertion_kind ADD COLUMN meaning jsonb NOT NULL DEFAULT '{}';
      UPDATE assertion_kind SET meaning = jsonb_strip_nulls(jsonb_build_object(
        'obligation', CASE WHEN article IS NOT NULL
          THEN jsonb_build_object('article', article, 'status', obligation_status) END,
        'stockpile', stockpile_status,
        'need', need_area,
        'assistance', assistance_kind,
        'legislation', legislation_status,
        'contamination', CASE WHEN contamination THEN true END,
        'voluntaryReport', CASE WHEN voluntary_report THEN true END));
      ALTER TABLE assertion_kind DROP COLUMN article, DROP COLUMN obligation_status, DROP COLUMN stockpile_status,
        DROP COLUMN need_area, DROP COLUMN assistance_kind, DROP COLUMN legislation_status,
        DROP COLUMN contamination, DROP COLUMN voluntary_report;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assertion_kind ADD COLUMN article integer, ADD COLUMN obligation_status text,
        ADD COLUMN stockpile_status text, ADD COLUMN need_area text, ADD COLUMN assistance_kind text,
        ADD COLUMN legislation_status text, ADD COLUMN contamination boolean NOT NULL DEFAULT false,
        ADD COLUMN voluntary_report boolean NOT NULL DEFAULT false;
      UPDATE assertion_kind SET article = (meaning -> 'obligation' ->> 'article')::int,
        obligation_status = meaning -> 'obligation' ->> 'status', stockpile_status = meaning ->> 'stockpile',
        need_area = meaning ->> 'need', assistance_kind = meaning ->> 'assistance',
        legislation_status = meaning ->> 'legislation',
        contamination = coalesce((meaning ->> 'contamination')::boolean, false),
        voluntary_report = coalesce((meaning ->> 'voluntaryReport')::boolean, false);
      ALTER TABLE assertion_kind DROP COLUMN meaning;
    `);
  }
}
