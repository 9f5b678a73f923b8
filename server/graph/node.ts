import { Field, ID, InterfaceType } from "type-graphql";

import { userError } from "../errors";

/** The object types that implement Node, by the name their global ids carry. */
export const NODE_TYPES = [
  "Report",
  "State",
  "Section",
  "Paragraph",
  "Footnote",
  "Finding",
  "Action",
  "DiscussionQuestion",
  "Discrepancy",
  "Organisation",
  "UseInstance",
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

@InterfaceType({
  description:
    "Any object with a global id. Fetch it again with `node(id:)`; ids are opaque and stable for a given dataset.",
})
export abstract class Node {
  @Field(() => ID, { description: "A global, opaque id; pass it to `node(id:)` or `nodes(ids:)`." })
  get id(): string {
    const [type, key] = this.identity();
    return toGlobalId(type, key);
  }

  /**
   * The type and key the global id encodes. The id is encoded only when a client asks for it:
   * a big answer holds thousands of objects and seldom asks for their ids.
   */
  protected abstract identity(): [NodeType, string];
}

/** Global ids are base64url of "Type:key" (the key may itself contain colons). */
export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, "utf8").toString("base64url");
}

export function fromGlobalId(id: string): { type: NodeType; key: string } {
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  const type = decoded.slice(0, colon) as NodeType;
  if (colon < 1 || !NODE_TYPES.includes(type) || Buffer.from(decoded, "utf8").toString("base64url") !== id) {
    throw userError("BAD_USER_INPUT", `"${id}" is not a ccm-graph id`, { argument: "id" });
  }
  return { type, key: decoded.slice(colon + 1) };
}

/** Keys of objects that belong to a report are "reportId:localKey". */
export function reportKey(reportId: string, local: string | number): string {
  return `${reportId}:${local}`;
}

export function splitReportKey(key: string): { reportId: string; local: string } {
  const colon = key.indexOf(":");
  if (colon < 1) throw userError("BAD_USER_INPUT", `"${key}" is not a valid object key`, { argument: "id" });
  return { reportId: key.slice(0, colon), local: key.slice(colon + 1) };
}
