import { Field, ObjectType, registerEnumType } from "type-graphql";

import { Node, type NodeType } from "../graph/node";

export const TreatyStatus = {
  STATE_PARTY: "STATE_PARTY",
  SIGNATORY: "SIGNATORY",
  NOT_PARTY: "NOT_PARTY",
} as const;
export type TreatyStatus = keyof typeof TreatyStatus;
registerEnumType(TreatyStatus, {
  name: "TreatyStatus",
  description:
    "A state's relation to the Convention on a given date, derived from the UN depositary dates (signature, ratification or accession, withdrawal).",
  valuesConfig: {
    STATE_PARTY: {
      description:
        "Had deposited its instrument of ratification, acceptance, approval or accession on or before the date (the report counts these as States Parties even before entry into force for them), and had not withdrawn.",
    },
    SIGNATORY: { description: "Had signed but not yet ratified on the date." },
    NOT_PARTY: { description: "Had neither signed nor joined on the date, or had withdrawn." },
  },
});

/** A state as read by the loaders: the state, its participation, and how the report names it. */
export interface StateRow {
  code: string;
  name: string;
  depositary_name: string | null;
  signed: string | null;
  joined: string | null;
  joined_by: string | null;
  withdrawal_effective: string | null;
  sources: string[] | null;
  spellings: string[] | null;
  note: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A state's signature and ratification or accession, from the UN depositary record (Secretary-General, treaty XXVI-6).",
})
export class Participation {
  @Field(() => String, { description: "The state's name in the depositary record." })
  depositaryName!: string;

  @Field(() => String, {
    nullable: true,
    description: "Date of signature (YYYY-MM-DD); null for states that acceded.",
  })
  signed!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Date the instrument of ratification, acceptance, approval or accession was deposited; null if not yet.",
  })
  joined!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "How it joined: ratification, accession, acceptance or approval.",
  })
  joinedBy!: string | null;

  @Field(() => String, { nullable: true, description: "Date a withdrawal took effect, if any." })
  withdrawalEffective!: string | null;

  @Field(() => [String], { description: "Where these dates come from (URLs)." })
  sources!: string[];
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    "A state (country) named in the report or in the treaty record. Keyed by its ISO 3166-1 alpha-3 code. Everything the report says about it hangs off this type, each fact with its sources.",
})
export class State extends Node {
  protected override identity(): [NodeType, string] {
    return ["State", this.code];
  }

  @Field(() => String, {
    description: 'ISO 3166-1 alpha-3 code, e.g. "LAO". The natural key: `state(code:)`.',
  })
  code!: string;

  @Field(() => String, {
    description: "Canonical English name from the ISO 3166 country list (i18n-iso-countries).",
  })
  name!: string;

  @Field(() => [String], {
    description:
      "Every spelling of the state's name that the report uses, verbatim (empty if the report does not name it).",
  })
  spellings!: string[];

  @Field(() => Boolean, { description: "True if the report names this state anywhere." })
  namedInReport!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "How the dataset read the report's mentions of this state, where a choice was made.",
  })
  note!: string | null;

  @Field(() => Participation, {
    nullable: true,
    description:
      "Signature and ratification or accession dates; null for states that never signed or joined.",
  })
  participation!: Participation | null;

  /** Internal: the report and date the state is seen from, and the dates its status derives from. */
  reportId!: string;
  asOf!: string;
  reportDate!: string;
  participationDates!: {
    signed: string | null;
    joined: string | null;
    withdrawalEffective: string | null;
  } | null;
}

export function toState(row: StateRow, reportId: string, asOf: string, reportDate: string): State {
  return Object.assign(new State(), {
    code: row.code,
    name: row.name,
    spellings: row.spellings ?? [],
    // A state the report never names may still be declared (its note says why): no spellings.
    namedInReport: (row.spellings?.length ?? 0) > 0,
    note: row.note,
    participation:
      row.depositary_name === null
        ? null
        : {
            depositaryName: row.depositary_name,
            signed: row.signed,
            joined: row.joined,
            joinedBy: row.joined_by,
            withdrawalEffective: row.withdrawal_effective,
            sources: row.sources ?? [],
          },
    reportId,
    asOf,
    reportDate,
    participationDates:
      row.depositary_name === null
        ? null
        : { signed: row.signed, joined: row.joined, withdrawalEffective: row.withdrawal_effective },
  });
}

/** A state's status on a date, from the depositary dates (the same rule as `statusSql` in ./sql.ts). */
export function statusOn(
  p: { signed: string | null; joined: string | null; withdrawalEffective: string | null } | null,
  asOf: string,
): TreatyStatus {
  if (!p) return "NOT_PARTY";
  if (p.withdrawalEffective && p.withdrawalEffective <= asOf) return "NOT_PARTY";
  if (p.joined && p.joined <= asOf) return "STATE_PARTY";
  if (p.signed && p.signed <= asOf) return "SIGNATORY";
  return "NOT_PARTY";
}
