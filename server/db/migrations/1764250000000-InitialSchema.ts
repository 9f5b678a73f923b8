import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The whole graph in one schema. Tables that belong to a report cascade from `report`, so the
 * ingest replaces a report as a unit by deleting it and inserting it again in one transaction.
 * States and treaty participation are global: they do not belong to any one report.
 */
export class InitialSchema1764250000000 implements MigrationInterface {
  name = "InitialSchema1764250000000";

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE state (
        code char(3) PRIMARY KEY,
        name text NOT NULL
      );

      CREATE TABLE participation (
        state_code char(3) PRIMARY KEY REFERENCES state(code),
        depositary_name text NOT NULL,
        signed date,
        joined date,
        joined_by text,
        withdrawal_effective date,
        sources text[] NOT NULL
      );

      CREATE TABLE report (
        id text PRIMARY KEY,
        title text NOT NULL,
        synthetic boolean NOT NULL,
        meeting_name text NOT NULL,
        meeting_abbreviation text NOT NULL,
        meeting_city text NOT NULL,
        meeting_month text NOT NULL,
        period_from_meeting text NOT NULL,
        period_from_abbreviation text NOT NULL,
        period_from_city text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        finalised_on date NOT NULL,
        submitted_by_role text NOT NULL,
        submitted_by_state char(3) NOT NULL REFERENCES state(code),
        prepared_by_capacity text NOT NULL,
        prepared_by_state char(3) NOT NULL REFERENCES state(code),
        prepared_by_footnote integer,
        source_file text,
        source_sha256 text,
        note text,
        dataset_version text NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE report_state (
        report_id text NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        state_code char(3) NOT NULL REFERENCES state(code),
        spellings text[] NOT NULL,
        note text,
        PRIMARY KEY (report_id, state_code)
      );
      CREATE INDEX report_state_spellings ON report_state USING gin (spellings);
      CREATE INDEX report_state_by_state ON report_state (state_code);

      CREATE TABLE section (
        report_id text NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        key text NOT NULL,
        numeral text,
        title text NOT NULL,
        position integer NOT NULL,
        PRIMARY KEY (report_id, key)
      );

      CREATE TABLE subheading (
        report_id text NOT NULL,
        section_key text NOT NULL,
        position integer NOT NULL,
        title text NOT NULL,
        paragraphs integer[] NOT NULL,
        PRIMARY KEY (report_id, section_key, position),
        FOREIGN KEY (report_id, section_key) REFERENCES section(report_id, key) ON DELETE CASCADE
      );

      CREATE TABLE paragraph (
        report_id text NOT NULL,
        number integer NOT NULL,
        section_key text NOT NULL,
        subheading text,
        text text NOT NULL,
        search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        PRIMARY KEY (report_id, number),
        FOREIGN KEY (report_id, section_key) REFERENCES section(report_id, key) ON DELETE CASCADE
      );
      CREATE INDEX paragraph_search ON paragraph USING gin (search);
      CREATE INDEX paragraph_by_section ON paragraph (report_id, section_key);

      CREATE TABLE footnote (
        report_id text NOT NULL,
        number integer NOT NULL,
        paragraph_number integer NOT NULL,
        anchor text NOT NULL,
        text text NOT NULL,
        search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        PRIMARY KEY (report_id, number),
        FOREIGN KEY (report_id, paragraph_number) REFERENCES paragraph(report_id, number) ON DELETE CASCADE
      );
      CREATE INDEX footnote_search ON footnote USING gin (search);
      CREATE INDEX footnote_by_paragraph ON footnote (report_id, paragraph_number);

      CREATE TABLE action (
        report_id text NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number BETWEEN 1 AND 66),
        theme text NOT NULL,
        description text,
        paragraphs integer[] NOT NULL,
        PRIMARY KEY (report_id, number)
      );

      CREATE TABLE finding (
        report_id text NOT NULL,
        id text NOT NULL,
        position integer NOT NULL,
        paragraph_number integer NOT NULL,
        footnote_number integer,
        "group" text NOT NULL,
        theme text NOT NULL,
        stated_count integer,
        stated_count_text text,
        unit text,
        list_is_partial boolean NOT NULL,
        articles integer[] NOT NULL,
        actions integer[] NOT NULL,
        quote text NOT NULL,
        summary text NOT NULL,
        note text,
        PRIMARY KEY (report_id, id),
        FOREIGN KEY (report_id, paragraph_number) REFERENCES paragraph(report_id, number) ON DELETE CASCADE,
        FOREIGN KEY (report_id, footnote_number) REFERENCES footnote(report_id, number) ON DELETE CASCADE
      );
      CREATE INDEX finding_by_paragraph ON finding (report_id, paragraph_number);
      CREATE INDEX finding_by_footnote ON finding (report_id, footnote_number);
      CREATE INDEX finding_by_theme ON finding (report_id, theme);
      CREATE INDEX finding_actions ON finding USING gin (actions);
      CREATE INDEX finding_articles ON finding USING gin (articles);

      -- What a finding asserts about one state. The derived facts (obligations, stockpile status,
      -- needs, assistance provided, legislation, transparency) are these rows read through
      -- assertion_kind, which the ingest fills from server/domain/facts.ts.
      CREATE TABLE assertion (
        report_id text NOT NULL,
        finding_id text NOT NULL,
        position integer NOT NULL,
        state_code char(3) NOT NULL REFERENCES state(code),
        kind text NOT NULL,
        detail text,
        PRIMARY KEY (report_id, finding_id, state_code, kind),
        FOREIGN KEY (report_id, finding_id) REFERENCES finding(report_id, id) ON DELETE CASCADE
      );
      CREATE INDEX assertion_by_state ON assertion (state_code, report_id);
      CREATE INDEX assertion_by_kind ON assertion (report_id, kind);

      CREATE TABLE assertion_kind (
        kind text PRIMARY KEY,
        theme text NOT NULL,
        description text NOT NULL,
        article integer,
        obligation_status text,
        stockpile_status text,
        need_area text,
        assistance_kind text,
        legislation_status text,
        contamination boolean NOT NULL,
        voluntary_report boolean NOT NULL
      );

      CREATE TABLE discussion_question (
        report_id text NOT NULL,
        paragraph_number integer NOT NULL,
        letter text NOT NULL,
        item text NOT NULL DEFAULT '',
        position integer NOT NULL,
        text text NOT NULL,
        PRIMARY KEY (report_id, paragraph_number, letter, item),
        FOREIGN KEY (report_id, paragraph_number) REFERENCES paragraph(report_id, number) ON DELETE CASCADE
      );

      CREATE TABLE discrepancy (
        report_id text NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        id text NOT NULL,
        position integer NOT NULL,
        kind text NOT NULL,
        description text NOT NULL,
        report_says text NOT NULL,
        other_side_says text NOT NULL,
        paragraphs integer[] NOT NULL,
        footnotes integer[] NOT NULL,
        states text[] NOT NULL,
        findings text[] NOT NULL,
        PRIMARY KEY (report_id, id)
      );
      CREATE INDEX discrepancy_states ON discrepancy USING gin (states);
      CREATE INDEX discrepancy_findings ON discrepancy USING gin (findings);
      CREATE INDEX discrepancy_paragraphs ON discrepancy USING gin (paragraphs);

      CREATE TABLE organisation (
        report_id text NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        key text NOT NULL,
        position integer NOT NULL,
        name text NOT NULL,
        abbreviation text,
        kind text NOT NULL,
        PRIMARY KEY (report_id, key)
      );

      CREATE TABLE organisation_role (
        report_id text NOT NULL,
        organisation_key text NOT NULL,
        position integer NOT NULL,
        role text NOT NULL,
        paragraphs integer[] NOT NULL,
        PRIMARY KEY (report_id, organisation_key, position),
        FOREIGN KEY (report_id, organisation_key) REFERENCES organisation(report_id, key) ON DELETE CASCADE
      );

      CREATE TABLE use_instance (
        report_id text NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        id text NOT NULL,
        user_state char(3) REFERENCES state(code),
        territory_state char(3) REFERENCES state(code),
        year integer NOT NULL,
        description text NOT NULL,
        paragraphs integer[] NOT NULL,
        PRIMARY KEY (report_id, id)
      );
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE use_instance, organisation_role, organisation, discrepancy, discussion_question,
        assertion_kind, assertion, finding, action, footnote, paragraph, subheading, section,
        report_state, report, participation, state;
    `);
  }
}
