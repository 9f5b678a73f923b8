import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
} from "graphql";

import { PROJECT_ROOT } from "../../server/config";
import { buildGraphSchema } from "../../server/schema";

/** Every schema element without a non-empty description, named like "Type.field(arg)". */
function undescribed(): string[] {
  const schema = buildGraphSchema();
  const missing: string[] = [];
  const check = (what: string, description: string | null | undefined) => {
    if (!description || description.trim() === "") missing.push(what);
  };
  const types = Object.values(schema.getTypeMap()).filter(
    (type: GraphQLNamedType) => !isIntrospectionType(type) && !isSpecifiedScalarType(type),
  );
  for (const type of types) {
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args as readonly GraphQLArgument[]) {
          check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLInputField[]) {
        check(`${type.name}.${field.name}`, field.description);
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
    if (isUnionType(type)) check(type.name, type.description);
  }
  return missing;
}

describe("Is the schema documented for the explorer's docs panel?", () => {
  it("describes every type, field, argument, input field and enum value", () => {
    // type-graphql builds the root `Query` type itself; server/schema.ts describes it afterwards.
    expect(undescribed()).toEqual([]);
  });

  it("walks a schema that really has elements to check", () => {
    // Guards the walk above against passing vacuously (e.g. on an empty type map).
    const schema = buildGraphSchema();
    const state = schema.getType("State");
    expect(isObjectType(state) && Object.keys(state.getFields()).length).toBeGreaterThan(10);
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(
      expect.arrayContaining(["states", "state", "stateByName", "search", "node", "nodes"]),
    );
  });
});

describe("Is schema/schema.graphql what the code emits now?", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-schema-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("matches the committed, sorted schema byte for byte (run `npx tsx scripts/emit-schema.ts` if not)", () => {
    const emitted = path.join(dir, "schema.graphql");
    buildGraphSchema({ emitSchemaFile: emitted });
    const committed = fs.readFileSync(path.join(PROJECT_ROOT, "schema", "schema.graphql"), "utf8");
    expect(fs.readFileSync(emitted, "utf8")).toBe(committed);
  });
});
