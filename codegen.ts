import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * The SDK is generated from the committed schema and the named operations; it never imports
 * from server/. `npm run generate` emits the schema first, then runs this, and this runs
 * scripts/generate-sdk-catalogue.ts after writing: the catalogue (catalogue.json, catalogue.ts)
 * and the persisted-operations manifest are made from the documents the SDK actually sends; then
 * scripts/generate-cache-config.ts: the client cache configuration (cache-config.ts).
 */
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: "sdk/operations/**/*.graphql",
  ignoreNoDocuments: true,
  generates: {
    "sdk/generated/graphql.ts": {
      plugins: ["typescript-operations", "typescript-graphql-request"],
      config: {
        gqlImport: "graphql-tag#gql",
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: {
          ID: { input: "string", output: "string" },
          LocalDate: "string",
          Date: "string",
          DateTime: "string",
        },
      },
    },
  },
  hooks: {
    afterAllFileWrite: ["tsx scripts/generate-sdk-catalogue.ts", "tsx scripts/generate-cache-config.ts"],
  },
};

export default config;
