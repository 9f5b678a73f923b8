import { Field, Int, ObjectType } from "type-graphql";

import { enumOf } from "../graph/enums";
import { Node, type NodeType, reportKey } from "../graph/node";
import { OrganisationKind as OrganisationKindWords, type WordOf } from "../vocabulary";

export const OrganisationKind = enumOf(OrganisationKindWords);
export type OrganisationKind = WordOf<typeof OrganisationKindWords>;

export interface OrganisationRow {
  report_id: string;
  key: string;
  position: number;
  name: string;
  abbreviation: string | null;
  kind: string;
  roles: { role: string; paragraphs: number[] }[];
}

@ObjectType({
  simpleResolvers: true,
  description: "A role an organisation plays in the report, with the paragraphs that say so.",
})
export class OrganisationRole {
  @Field(() => String, { description: "The role in words." })
  role!: string;

  @Field(() => [Int], { description: "The paragraphs that describe it." })
  paragraphNumbers!: number[];
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    "An organisation or office named in the report (ICRC, Cluster Munition Coalition, a Friend of the President...).",
})
export class Organisation extends Node {
  protected override identity(): [NodeType, string] {
    return ["Organisation", reportKey(this.reportId, this.key)];
  }

  @Field(() => String, { description: "The organisation's key within the report." })
  key!: string;

  @Field(() => String, { description: "Its name." })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The abbreviation the report uses ("CMC", "ICRC").' })
  abbreviation!: string | null;

  @Field(() => OrganisationKind, { description: "What kind of body it is." })
  kind!: OrganisationKind;

  @Field(() => [OrganisationRole], { description: "Its roles in the report." })
  roles!: OrganisationRole[];

  reportId!: string;
}

export const toOrganisation = (r: OrganisationRow): Organisation =>
  Object.assign(new Organisation(), {
    key: r.key,
    reportId: r.report_id,
    name: r.name,
    abbreviation: r.abbreviation,
    kind: r.kind as OrganisationKind,
    roles: r.roles.map((x) =>
      Object.assign(new OrganisationRole(), { role: x.role, paragraphNumbers: x.paragraphs }),
    ),
  });

export interface UseInstanceRow {
  report_id: string;
  id: string;
  user_state: string | null;
  territory_state: string | null;
  year: number;
  description: string;
  paragraphs: number[];
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: "A reported instance of use of cluster munitions.",
})
export class UseInstance extends Node {
  protected override identity(): [NodeType, string] {
    return ["UseInstance", reportKey(this.reportId, this.key)];
  }

  @Field(() => String, { description: "The instance's key within the report." })
  key!: string;

  @Field(() => Int, { description: "The year of use." })
  year!: number;

  @Field(() => String, { description: "What the report says happened." })
  description!: string;

  @Field(() => [Int], { description: "The paragraphs that report it." })
  paragraphNumbers!: number[];

  reportId!: string;
  asOf?: string;
  userCode!: string | null;
  territoryCode!: string | null;
}

export const toUseInstance = (r: UseInstanceRow): UseInstance =>
  Object.assign(new UseInstance(), {
    key: r.id,
    year: r.year,
    description: r.description,
    paragraphNumbers: r.paragraphs,
    reportId: r.report_id,
    userCode: r.user_state,
    territoryCode: r.territory_state,
  });
