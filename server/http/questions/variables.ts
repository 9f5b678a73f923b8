/** A catalogue question's variables read from a URL's query string, by the operation's types. */
import {
  getNamedType,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  parse,
  typeFromAST,
} from "graphql";

export function declares(document: string, variable: string): boolean {
  return (operationOf(document).variableDefinitions ?? []).some((v) => v.variable.name.value === variable);
}

/** Catalogue documents are fixed: each is parsed once, not on every request. */
const operations = new Map<string, OperationDefinitionNode>();

export function operationOf(document: string): OperationDefinitionNode {
  let operation = operations.get(document);
  if (!operation) {
    const found = parse(document).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (!found) throw new Error("a catalogue question has no operation");
    operation = found as OperationDefinitionNode;
    operations.set(document, operation);
  }
  return operation;
}

/**
 * Reads an operation's variables from a query string: numbers and booleans by their types,
 * lists as comma-separated values (or repeated parameters), input objects as JSON. GraphQL then
 * validates them as usual.
 */
export function variablesFromQuery(
  schema: GraphQLSchema,
  document: string,
  query: Record<string, unknown>,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const definition of operationOf(document).variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    known.add(name);
    const raw = query[name];
    if (raw === undefined) continue;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type) continue;
    variables[name] = coerce(name, type, raw);
  }
  const unknown = Object.keys(query).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`unknown parameter(s): ${unknown.join(", ")}`);
  return variables;
}

function coerce(name: string, type: GraphQLInputType, raw: unknown): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const items = (Array.isArray(raw) ? raw : String(raw).split(",")).filter((item) => item !== "");
    return items.map((item) => coerce(name, inner.ofType, item));
  }
  if (Array.isArray(raw)) throw new Error(`parameter "${name}" takes one value`);
  const value = String(raw);
  if (isInputObjectType(inner)) {
    try {
      return JSON.parse(value);
    } catch {
      throw new Error(`parameter "${name}" must be a JSON object`);
    }
  }
  const named = getNamedType(inner);
  if (isScalarType(named) && (named.name === "Int" || named.name === "Float")) {
    const number = Number(value);
    if (value.trim() === "" || !Number.isFinite(number))
      throw new Error(`parameter "${name}" must be a number`);
    return number;
  }
  if (isScalarType(named) && named.name === "Boolean") {
    if (value !== "true" && value !== "false") throw new Error(`parameter "${name}" must be true or false`);
    return value === "true";
  }
  if (isEnumType(named)) return value.toUpperCase();
  return value;
}
