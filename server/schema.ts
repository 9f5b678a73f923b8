import "reflect-metadata";

import type { GraphQLSchema } from "graphql";
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
  schema = buildSchemaSync({
    resolvers,
    validate: false,
    emitSchemaFile: options.emitSchemaFile ? { path: options.emitSchemaFile, sortedSchema: true } : false,
  });
  return schema;
}
