import "reflect-metadata";

import fs from "node:fs";

import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";

import { ActionResolver } from "./resolvers/action";
import { CountsResolver } from "./resolvers/counts";
import { DiscrepancyResolver } from "./resolvers/discrepancy";
import { AssertionResolver, FindingResolver } from "./resolvers/finding";
import { OrganisationResolver, UseInstanceResolver } from "./resolvers/organisation";
import { ReportResolver } from "./resolvers/report";
import { StateResolver } from "./resolvers/state";
import {
  DiscussionQuestionResolver,
  FootnoteResolver,
  ParagraphResolver,
  SectionResolver,
} from "./resolvers/structure";

export const resolvers = [
  ReportResolver,
  StateResolver,
  FindingResolver,
  AssertionResolver,
  SectionResolver,
  ParagraphResolver,
  FootnoteResolver,
  DiscussionQuestionResolver,
  ActionResolver,
  DiscrepancyResolver,
  OrganisationResolver,
  UseInstanceResolver,
  CountsResolver,
] as const;

let schema: GraphQLSchema | undefined;

/** The executable schema, built once per process; it needs no database. */
export function buildGraphSchema(options: { emitSchemaFile?: string } = {}): GraphQLSchema {
  if (schema && !options.emitSchemaFile) return schema;
  schema = buildSchemaSync({ resolvers, validate: false });
  // type-graphql builds the root type itself and takes no description for it.
  (schema.getQueryType() as { description?: string | null }).description =
    "Questions about the Convention on Cluster Munitions as the loaded progress reports answer them. Start with `states(filter:)`, `state(code:)` or `search(text:)`; every list and lookup defaults to the current report.";
  if (options.emitSchemaFile) {
    fs.writeFileSync(options.emitSchemaFile, `${printSchema(lexicographicSortSchema(schema))}\n`);
  }
  return schema;
}
