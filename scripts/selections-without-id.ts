import {
  type DocumentNode,
  getNamedType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

/**
 * Where a document selects an object that has an `id` without selecting it ("State at
 * states.nodes"): clients' normalised caches (Apollo, graphcache) cannot key such an object.
 */
export function selectionsWithoutId(schema: GraphQLSchema, document: DocumentNode): string[] {
  const missing: string[] = [];
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter: (field) => void path.push((field.alias ?? field.name).value),
        leave: () => void path.pop(),
      },
      SelectionSet(set) {
        const parent = getNamedType(typeInfo.getParentType() ?? undefined);
        if (!parent || parent === schema.getQueryType() || !isCompositeWithId(parent)) return;
        const selectsId = set.selections.some(
          (s) => s.kind === Kind.FIELD && s.name.value === "id" && !s.alias,
        );
        if (!selectsId) missing.push(`${parent.name} at ${path.join(".") || "(fragment)"}`);
      },
    }),
  );
  return missing;
}

const isCompositeWithId = (type: GraphQLNamedType) =>
  (isObjectType(type) || isInterfaceType(type)) && "id" in type.getFields();
