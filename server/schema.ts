import "reflect-metadata";

import fs from "node:fs";

import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";

import { ActionResolver } from "./actions/resolver";
import { CountsResolver } from "./counts/resolver";
import { DeadlineResolver, StateDeadlinesResolver } from "./deadlines/resolver";
import { DiscrepancyResolver } from "./discrepancies/resolver";
import { AssertionResolver, FindingResolver } from "./findings/resolver";
import { OrganisationResolver, UseInstanceResolver } from "./organisations/resolver";
import { ReportResolver } from "./reports/resolver";
import { SearchResolver } from "./search/resolver";
import { StateFactsResolver } from "./states/fact-fields";
import { StateResolver } from "./states/resolver";
import {
  DiscussionQuestionResolver,
  FootnoteResolver,
  ParagraphResolver,
  SectionResolver,
} from "./structure/resolver";

/** Each concept's resolvers: its folder holds its types, loaders, SQL and filter too. */
export const resolvers = [
  ReportResolver,
  StateResolver,
  StateFactsResolver,
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
  DeadlineResolver,
  StateDeadlinesResolver,
  SearchResolver,
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
