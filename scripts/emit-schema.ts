/** Writes the public contract, schema/schema.graphql, sorted, from the code-first schema. */
import path from "node:path";

import { PROJECT_ROOT } from "../server/config";
import { buildGraphSchema } from "../server/schema";

const file = path.join(PROJECT_ROOT, "schema", "schema.graphql");
buildGraphSchema({ emitSchemaFile: file });
console.log(`wrote ${path.relative(process.cwd(), file)}`);
