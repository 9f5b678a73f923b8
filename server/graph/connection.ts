import type { ClassType } from "type-graphql";
import { type SQL, sql } from "pg-sql2";
import { ArgsType, Field, ID, Int, ObjectType } from "type-graphql";

import { userError } from "../errors";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType({
  simpleResolvers: true,
  description: "Where a page sits in the whole list (Relay cursor connections).",
})
export class PageInfo {
  @Field(() => Boolean, {
    description: "True if there are more items after this page: pass `endCursor` as `after`.",
  })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True if there are items before this page." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item of the page; pass it as `after` for the next page.",
  })
  endCursor!: string | null;
}

export interface Page<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** A Relay connection type for `node`: edges, nodes, totalCount and pageInfo. */
export function Connection<T extends object>(node: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, {
    simpleResolvers: true,
    description: `One ${what} in a page, with its cursor.`,
  })
  class Edge {
    @Field(() => String, {
      description: "Opaque cursor of this item; pass it as `after` to continue after it.",
    })
    cursor!: string;

    @Field(() => node, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${what}s, with the total count.`,
  })
  class ConnectionType {
    @Field(() => Int, { description: `How many ${what}s match in all, across every page.` })
    totalCount!: number;

    @Field(() => [Edge], { description: "The items of this page with their cursors." })
    edges!: Edge[];

    @Field(() => [node], { description: "The items of this page (the same as edges[].node)." })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Where this page sits in the whole list." })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** Cursors are opaque base64url offsets. */
export function cursorOf(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

/** Validates `first` and `after` and turns them into LIMIT/OFFSET. */
export function pageWindow(first: number | undefined | null, after: string | undefined | null) {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw userError("BAD_USER_INPUT", `first must be between 1 and ${MAX_PAGE_SIZE}, got ${limit}`, {
      argument: "first",
    });
  }
  let offset = 0;
  if (after != null) {
    const match = /^offset:(\d{1,9})$/.exec(Buffer.from(after, "base64url").toString("utf8"));
    if (!match || cursorOf(Number(match[1])) !== after) {
      throw userError("BAD_USER_INPUT", `"${after}" is not a cursor of this list`, { argument: "after" });
    }
    offset = Number(match[1]) + 1;
  }
  return { limit, offset };
}

/**
 * One statement for a page of a root list: the rows of `matched` (a SELECT) in `order`, cut to
 * the window, each with the total count. An empty page still yields one row (all NULL but the
 * total), so the count never costs a second statement. `alias` names a matched row in `select`
 * and `order`.
 */
export function pageSql(page: {
  matched: SQL;
  alias: SQL;
  order: SQL;
  window: { limit: number; offset: number };
  select?: SQL;
}): SQL {
  return sql`WITH matched AS (${page.matched})
    SELECT (SELECT count(*) FROM matched) AS total, page.*
    FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT ${page.select ?? sql`${page.alias}.*`} FROM matched ${page.alias}
      ORDER BY ${page.order} LIMIT ${sql.value(page.window.limit)} OFFSET ${sql.value(page.window.offset)}
    ) page ON true`;
}

/** Builds a page from the rows of one window and the total count. */
export function toPage<T>(items: T[], offset: number, totalCount: number): Page<T> {
  const edges = items.map((node, i) => ({ cursor: cursorOf(offset + i), node }));
  return {
    totalCount,
    edges,
    nodes: items,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The arguments every root list takes: the report, and the page (`first`, `after`). */
@ArgsType()
export class PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "The report to answer from; the current report if omitted.",
  })
  report?: string;

  @Field(() => Int, { nullable: true, description: "Page size, 1 to 100 (default 50)." })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: "Return items after this cursor (a previous page's `endCursor`).",
  })
  after?: string;
}
