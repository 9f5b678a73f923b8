import { Field, Int, ObjectType } from "type-graphql";

import { Node, type NodeType } from "../graph/node";

/** A report row as stored. */
export interface ReportRow {
  id: string;
  title: string;
  synthetic: boolean;
  meeting_name: string;
  meeting_abbreviation: string;
  meeting_city: string;
  meeting_month: string;
  period_from_meeting: string;
  period_from_abbreviation: string;
  period_from_city: string;
  period_from: string;
  period_to: string;
  finalised_on: string;
  submitted_by_role: string;
  submitted_by_state: string;
  prepared_by_capacity: string;
  prepared_by_state: string;
  prepared_by_footnote: number | null;
  source_file: string | null;
  source_sha256: string | null;
  note: string | null;
  dataset_version: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "A Meeting of States Parties to the Convention on Cluster Munitions.",
})
export class Meeting {
  @Field(() => String, { description: 'The meeting\'s name, e.g. "Second Meeting of States Parties".' })
  name!: string;

  @Field(() => String, { description: 'The abbreviation the report uses, e.g. "2MSP".' })
  abbreviation!: string;

  @Field(() => String, { description: "The city where it met." })
  city!: string;

  @Field(() => String, {
    nullable: true,
    description: "The month it met (YYYY-MM), where the report gives it.",
  })
  month!: string | null;

  @Field(() => String, { nullable: true, description: "The day it opened (YYYY-MM-DD), where known." })
  date!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "The period a report covers: from one meeting up to the report's cut-off date.",
})
export class ReportPeriod {
  @Field(() => Meeting, { description: "The meeting the period starts from." })
  fromMeeting!: Meeting;

  @Field(() => String, { description: "The first day of the period (YYYY-MM-DD)." })
  from!: string;

  @Field(() => String, { description: "The last day of the period (YYYY-MM-DD): the report's cut-off." })
  to!: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: "A progress report on the Convention on Cluster Munitions: the source of every finding.",
})
export class Report extends Node {
  protected override identity(): [NodeType, string] {
    return ["Report", this.key];
  }

  @Field(() => String, { description: "The report's stable id, e.g. `beirut-progress-report-2011`." })
  key!: string;

  @Field(() => String, { description: "The report's title as printed." })
  title!: string;

  @Field(() => Boolean, { description: "True for generated test or benchmark data, never a real report." })
  synthetic!: boolean;

  @Field(() => Meeting, { description: "The Meeting of States Parties the report was written for." })
  meeting!: Meeting;

  @Field(() => ReportPeriod, { description: "The period the report covers." })
  period!: ReportPeriod;

  @Field(() => String, {
    description:
      "The date the report was finalised (YYYY-MM-DD); later changes are not reflected. The default `asOf` of status questions.",
  })
  finalisedOn!: string;

  @Field(() => String, {
    description: 'Who submitted the report, e.g. "President of the First Meeting of States Parties".',
  })
  submittedByRole!: string;

  @Field(() => String, { description: "In what capacity the report was prepared." })
  preparedByCapacity!: string;

  @Field(() => Int, { nullable: true, description: "The footnote that says who prepared the report." })
  preparedByFootnoteNumber!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "SHA-256 of the source text the dataset was checked against.",
  })
  sourceSha256!: string | null;

  @Field(() => String, { nullable: true, description: "Notes on how the report was read into data." })
  note!: string | null;

  @Field(() => String, {
    description: "The version of the loaded dataset; it changes whenever the data is re-ingested.",
  })
  datasetVersion!: string;

  /** Internal: the states behind submittedBy/preparedBy. */
  submittedByCode!: string;
  preparedByCode!: string;
}

export function toReport(row: ReportRow): Report {
  return Object.assign(new Report(), {
    key: row.id,
    title: row.title,
    synthetic: row.synthetic,
    meeting: {
      name: row.meeting_name,
      abbreviation: row.meeting_abbreviation,
      city: row.meeting_city,
      month: row.meeting_month,
      date: null,
    },
    period: {
      fromMeeting: {
        name: row.period_from_meeting,
        abbreviation: row.period_from_abbreviation,
        city: row.period_from_city,
        month: row.period_from.slice(0, 7),
        date: row.period_from,
      },
      from: row.period_from,
      to: row.period_to,
    },
    finalisedOn: row.finalised_on,
    submittedByRole: row.submitted_by_role,
    preparedByCapacity: row.prepared_by_capacity,
    preparedByFootnoteNumber: row.prepared_by_footnote,
    sourceSha256: row.source_sha256,
    note: row.note,
    datasetVersion: row.dataset_version,
    submittedByCode: row.submitted_by_state,
    preparedByCode: row.prepared_by_state,
  });
}
