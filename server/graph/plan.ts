/**
 * Answers PostgreSQL builds: a query whose every field has a plan becomes one SQL statement that
 * returns the answer's JSON, as PostGraphile does, instead of rows that Node turns into objects
 * for graphql-js to walk. Each concept declares the plans of its own types' fields (its
 * `plan.ts`); this file walks a document's selections with them. A field without a plan, or an
 * argument a plan does not take, makes the whole document unplanned: it is answered the usual way.
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLObjectType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from "graphql";
import { collectFields, collectSubfields } from "graphql/execution/collectFields";
import { getArgumentValues } from "graphql/execution/values";
import { type SQL, sql } from "pg-sql2";

/** What a field's plan is given. */
export interface FieldInput {
  /** The row of the object the field is on (an alias its type's plans know the columns of). */
  row: SQL;
  /** The field's arguments, coerced as graphql-js would give them to a resolver. */
  args: Record<string, unknown>;
  /** The date states below this object are seen at (a root field's `asOf`, else the report's date). */
  asOf: SQL;
  /** The report the query reads. */
  report: SQL;
  /** The field's nodes (several when a selection repeats it), for the object or list it returns. */
  nodes: readonly FieldNode[];
  planner: Planner;
}

/**
 * A field's plan: a SQL expression giving the field's value, or null when it cannot. Any value
 * json_build_object converts as graphql-js would serialise it (text, numbers, booleans, dates as
 * YYYY-MM-DD, arrays, json): wrapping each in to_json first doubled PostgreSQL's work per field.
 */
export type FieldPlan = (input: FieldInput) => SQL | null;

/** The plans of one object type's fields, by field name. */
export type TypePlans = Readonly<Record<string, FieldPlan>>;

/** Thrown while planning when the document cannot be planned; plannedData (server/plans.ts) catches it. */
class Unplanned extends Error {}

/** json_build_object takes at most 100 arguments: 50 keys. */
const MAX_KEYS = 50;

/**
 * A list answered as rows of its own rather than inside the answer's one JSON value: `path` is
 * where it goes in the answer (response keys from the root), `rows` a SELECT of `data` (an
 * item's JSON) and `position` (its place in the list).
 */
interface SpilledList {
  path: string[];
  rows: SQL;
}

/** The statement of a planned query, and how to put its rows together into the answer's `data`. */
export interface PlannedStatement {
  sql: SQL;
  /** The `data` of the answer from the statement's rows (`part`, `data`, in order). */
  assemble(rows: readonly { part: number; data: unknown }[]): unknown;
}

export class Planner {
  /** Statement-level WITH definitions (root fields' tables, uncorrelated). */
  private readonly ctes: SQL[] = [];
  private readonly spilled: SpilledList[] = [];
  /** The response keys from the root to the field being planned. */
  private readonly path: string[] = [];
  /** How many lists the field being planned is inside. */
  private listDepth = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly plans: Readonly<Record<string, TypePlans>>,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    readonly report: SQL,
  ) {}

  /**
   * The JSON object the selections of `nodes` ask of an object of type `type` in row `row`,
   * keys in the order graphql-js would give them. `plans`, when given, replaces the type's own
   * (a connection's fields read the page its root field made).
   */
  object(type: string, nodes: readonly FieldNode[], row: SQL, asOf: SQL, plans?: TypePlans): SQL {
    const { objectType, fields } = this.collect(type, nodes);
    return this.build(objectType, fields, row, asOf, plans ?? this.plans[type]);
  }

  /** The fields the selections of `nodes` ask of type `type`: [response key, field name], in order. */
  fields(type: string, nodes: readonly FieldNode[]): [string, string][] {
    return [...this.collect(type, nodes).fields].map(([key, field]) => [key, field[0].name.value]);
  }

  /** The fields, by response key, that the selections of `nodes` ask of object type `type`. */
  private collect(type: string, nodes: readonly FieldNode[]) {
    const objectType = this.schema.getType(type);
    if (!(objectType instanceof GraphQLObjectType)) throw new Unplanned(type);
    const fields = collectSubfields(this.schema, this.fragments, this.variables, objectType, nodes);
    return { objectType, fields };
  }

  /** A JSON array of such objects, one per row `row` of `from` (a FROM clause), in `order`. */
  list(type: string, nodes: readonly FieldNode[], from: SQL, row: SQL, order: SQL, asOf: SQL): SQL {
    this.listDepth += 1;
    try {
      return sql`(SELECT coalesce(json_agg(${this.object(type, nodes, row, asOf)} ORDER BY ${order}), '[]'::json)
        FROM ${from})`;
    } finally {
      this.listDepth -= 1;
    }
  }

  /**
   * Like `list`, for a list whose rows `from` reads no outer row (a root field's page): outside
   * any other list, its items come as rows of their own (the list's place in the answer holds
   * null until they are put there). Aggregating a page's items into one JSON value costs
   * PostgreSQL dearly once they weigh a megabyte (copies of ever larger buffers), and pg reads
   * one large value slower than many small ones: 67 ms against 33 ms for a 10x page of states.
   */
  rows(type: string, nodes: readonly FieldNode[], from: SQL, row: SQL, order: SQL, asOf: SQL): SQL {
    if (this.listDepth > 0) return this.list(type, nodes, from, row, order, asOf);
    this.listDepth += 1;
    try {
      const item = this.object(type, nodes, row, asOf);
      this.spilled.push({
        path: [...this.path],
        rows: sql`SELECT ${item} AS data, row_number() OVER (ORDER BY ${order}) AS position FROM ${from}`,
      });
    } finally {
      this.listDepth -= 1;
    }
    return sql`NULL::json`;
  }

  /** A table of the whole statement (a WITH definition), for root fields: it reads no outer row. */
  table(definition: SQL): SQL {
    const name = sql.identifier(Symbol("table"));
    this.ctes.push(sql`${name} AS (${definition})`);
    return name;
  }

  /** The statement answering the root fields of `operation`, and how to read its rows. */
  statement(operation: OperationDefinitionNode, asOf: SQL): PlannedStatement {
    const type = this.schema.getQueryType()!;
    const fields = collectFields(this.schema, this.fragments, this.variables, type, operation.selectionSet);
    // A query that reads nothing (`{ __typename }`) is cheaper for graphql-js than a round trip.
    if ([...fields.values()].every((nodes) => nodes[0].name.value === "__typename"))
      throw new Unplanned("nothing to read");
    const root = this.build(type, fields, sql`NULL`, asOf, this.plans[type.name]);
    const parts = [
      sql`SELECT 0 AS part, 0::bigint AS position, ${root} AS data`,
      ...this.spilled.map(
        (list, i) =>
          sql`SELECT ${sql.literal(i + 1)}, position, data FROM (${list.rows}) ${sql.identifier(Symbol("rows"))}`,
      ),
    ];
    const paths = this.spilled.map((list) => list.path);
    const withClause = this.ctes.length > 0 ? sql`WITH ${sql.join(this.ctes, ", ")} ` : sql.blank;
    return {
      sql: sql`${withClause}${sql.join(parts, " UNION ALL ")} ORDER BY part, position`,
      assemble(rows) {
        const data = rows[0].data as Record<string, unknown>;
        const lists = paths.map(() => [] as unknown[]);
        for (const row of rows) if (row.part > 0) lists[row.part - 1].push(row.data);
        paths.forEach((path, i) => {
          let parent: unknown = data;
          for (const key of path.slice(0, -1)) parent = (parent as Record<string, unknown> | null)?.[key];
          if (parent) (parent as Record<string, unknown>)[path[path.length - 1]] = lists[i];
        });
        return data;
      },
    };
  }

  private build(
    type: GraphQLObjectType,
    fields: Map<string, readonly FieldNode[]>,
    row: SQL,
    asOf: SQL,
    plans: TypePlans | undefined,
  ): SQL {
    if (fields.size > MAX_KEYS) throw new Unplanned(`${type.name}: ${fields.size} fields`);
    const entries: SQL[] = [];
    for (const [key, nodes] of fields) {
      const name = nodes[0].name.value;
      entries.push(sql.literal(key));
      if (name === "__typename") {
        entries.push(sql`${sql.literal(type.name)}::text`);
        continue;
      }
      const plan = plans?.[name];
      const definition = type.getFields()[name];
      if (!plan || !definition) throw new Unplanned(`${type.name}.${name}`);
      const args = getArgumentValues(definition, nodes[0], this.variables);
      this.path.push(key);
      let value: SQL | null;
      try {
        value = plan({ row, args, asOf, report: this.report, nodes, planner: this });
      } finally {
        this.path.pop();
      }
      if (!value) throw new Unplanned(`${type.name}.${name}(${JSON.stringify(args)})`);
      entries.push(value);
    }
    return sql`json_build_object(${sql.join(entries, ", ")})`;
  }
}

/** Whether an error is the planner's "cannot plan this" (anything else is a real failure). */
export const isUnplanned = (error: unknown): boolean => error instanceof Unplanned;

/** The fragments of a document, by name. */
export function fragmentsOf(definitions: readonly { kind: Kind }[]): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments[fragment.name.value] = fragment;
    }
  return fragments;
}

/** A column plan: the column `name` of the row. */
export const column =
  (name: string): FieldPlan =>
  ({ row }) =>
    sql`${row}.${sql.identifier(name)}`;

/**
 * A global id as `toGlobalId` (./node.ts) makes it: base64url of "Type:key". PostgreSQL's base64
 * breaks lines every 76 characters and pads with "=": both are dropped.
 */
export const globalId = (type: string, key: SQL): SQL =>
  sql`rtrim(translate(encode(convert_to(${sql.literal(type + ":")} || ${key}, 'UTF8'), 'base64'), E'+/\n', '-_'), '=')`;
