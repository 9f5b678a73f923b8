/**
 * What a query will ask below a field, read with graphql-parse-resolve-info (fragments, inline
 * fragments, aliases and variables included): lets a list bring in one statement what its items
 * will ask for next.
 */
import type { GraphQLResolveInfo } from "graphql";
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
