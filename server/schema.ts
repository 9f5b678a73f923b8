import "reflect-metadata";

import fs from "node:fs";

import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";

import {
  ActionImplementationResolver,
  ActionImplementationsResolver,
  ImplementationEvidenceResolver,
  StateImplementationResolver,
} from "./actions/implementation-resolver";
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
  ActionImplementationResolver,
  ActionImplementationsResolver,
  ImplementationEvidenceResolver,
  StateImplementationResolver,
  DiscrepancyResolver,
  OrganisationResolver,
  UseInstanceResolver,
  CountsResolver,
  DeadlineResolver,
  StateDeadlinesResolver,
  SearchResolver,
] as const;

let schema: GraphQLSchema | undefined;

/** What the API is and where to start: the root of the explorer's documentation. */
export const SCHEMA_DESCRIPTION = `ccm-graph: how states implement the Convention on Cluster Munitions, as the 2011 Beirut Progress Report tells it. Every fact carries the paragraph, footnote and words of the report it comes from (\`sources\`); dates of signature and ratification come from the UN depositary record.

Where to start:
- \`states(filter:)\` lists states by treaty status, obligation, stockpile, assistance needs, legislation and more; \`state(code: "LAO")\` is one state by ISO code.
- \`findings\`, \`paragraphs\` and \`footnotes\` are the report itself; \`search(text:)\` searches it.
- \`stateCounts(groupBy:)\`, \`findingCounts(groupBy:)\` and \`headlineFigures\` are for dashboards; \`discrepancies\` are where the report disagrees with itself or the depositary record.

In the explorer at /, the tabs hold the SDK's questions, ready to run, and the Explorer panel builds a query by ticking fields.`;

/** The executable schema, built once per process; it needs no database. */
export function buildGraphSchema(options: { emitSchemaFile?: string } = {}): GraphQLSchema {
  if (schema && !options.emitSchemaFile) return schema;
  schema = buildSchemaSync({ resolvers, validate: false });
  // type-graphql builds the root type itself and takes no description for it.
  (schema.getQueryType() as { description?: string | null }).description =
    "Questions about the Convention on Cluster Munitions as the loaded progress reports answer them. Start with `states(filter:)`, `state(code:)` or `search(text:)`; every list and lookup defaults to the current report.";
  // The schema's own description is what the explorer's docs show first.
  (schema as { description?: string | null }).description = SCHEMA_DESCRIPTION;
  if (options.emitSchemaFile) {
    fs.writeFileSync(options.emitSchemaFile, `${printSchema(lexicographicSortSchema(schema))}\n`);
  }
  return schema;
}
