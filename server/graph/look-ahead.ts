/**
 * What a query will ask below a field, read with graphql-parse-resolve-info (fragments, inline
 * fragments, aliases and variables included): lets a list bring in one statement what its items
 * will ask for next.
 */
import { type GraphQLResolveInfo, Kind, type OperationDefinitionNode, visit } from "graphql";
import { type FieldsByTypeName, parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";

/** The fields selected on `typeName` (and the interfaces it implements) below a resolve tree. */
export function fieldsOn(tree: ResolveTree | FieldsByTypeName | undefined, typeName: string): ResolveTree[] {
  const byType = tree && "fieldsByTypeName" in tree ? (tree.fieldsByTypeName as FieldsByTypeName) : tree;
  const fields = byType?.[typeName];
  return fields ? Object.values(fields) : [];
}

/** The resolve tree of the field being resolved (undefined for a field it cannot read). */
export function selectionOf(info: GraphQLResolveInfo): ResolveTree | undefined {
  return (parseResolveInfo(info) as ResolveTree | null) ?? undefined;
}

/**
 * The objects a connection field (`nodes`, `edges { node }`) selects on its node type: the
 * fields asked of each item of the page.
 */
export function nodeFieldsOfConnection(
  info: GraphQLResolveInfo,
  connection: string,
  node: string,
): ResolveTree[] {
  const fields = fieldsOn(selectionOf(info), connection);
  return fields.flatMap((field) => {
    if (field.name === "nodes") return fieldsOn(field, node);
    if (field.name === "edges")
      return fieldsOn(field, `${connection.replace(/Connection$/, "")}Edge`).flatMap((e) =>
        e.name === "node" ? fieldsOn(e, node) : [],
      );
    return [];
  });
}

/** Memo of a per-field answer by the field's nodes: one answer for every item of a list. */
export function perField<T>(compute: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const memo = new WeakMap<GraphQLResolveInfo["fieldNodes"], T>();
  return (info) => {
    let value = memo.get(info.fieldNodes);
    if (value === undefined) memo.set(info.fieldNodes, (value = compute(info)));
    return value;
  };
}

/** Every field name an operation can ask (its own selections and every fragment of its document). */
const namesOfOperation = new WeakMap<OperationDefinitionNode, ReadonlySet<string>>();

/**
 * Whether the operation being executed selects a field of one of these names anywhere, on any
 * type: when it does not, a statement may leave out the columns only those fields read.
 */
export function operationAsks(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  let asked = namesOfOperation.get(info.operation);
  if (!asked) {
    const found = new Set<string>();
    const collect = { [Kind.FIELD]: (node: { name: { value: string } }) => void found.add(node.name.value) };
    visit(info.operation, collect);
    for (const fragment of Object.values(info.fragments)) visit(fragment, collect);
    namesOfOperation.set(info.operation, (asked = found));
  }
  return names.some((name) => asked.has(name));
}
