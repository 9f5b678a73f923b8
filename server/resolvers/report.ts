import { GraphQLError } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context";
import { toAction } from "../domain/action";
import { toDiscrepancy } from "../domain/discrepancy";
import { toFinding } from "../domain/finding";
import { fromGlobalId, Node, type NodeType, splitReportKey } from "../domain/node";
import { toOrganisation, toUseInstance } from "../domain/organisation";
import { Report, type ReportRow, toReport } from "../domain/report";
import { State } from "../domain/state";
import { Footnote, toDiscussionQuestion, toFootnote, toParagraph, toSection } from "../domain/structure";
import { userError } from "../errors";
import { scopedKey } from "../loaders";
import { stateObject } from "./scope";

/** Loads any Node from its global id; null when it does not exist. */
async function loadNode(ctx: Context, id: string): Promise<Node | null> {
  const { type, key } = fromGlobalId(id);
  if (type === "Report") {
    const row = await ctx.loaders.report.load(key);
    return row ? toReport(row) : null;
  }
  if (type === "State") {
    const reportId = await ctx.loaders.currentReportId();
    const report = reportId ? await ctx.loaders.report.load(reportId) : null;
    const row = report ? await ctx.loaders.state.load(scopedKey(report.id, key)) : null;
    return row && report ? stateObject(ctx, row, report.id, report.finalised_on, report.finalised_on) : null;
  }
  const { reportId, local } = splitReportKey(key);
  const k = scopedKey(reportId, local);
  const loaders: Record<Exclude<NodeType, "Report" | "State">, () => Promise<Node | null>> = {
    Section: async () => map(await ctx.loaders.section.load(k), toSection),
    Paragraph: async () => map(await ctx.loaders.paragraph.load(k), toParagraph),
    Footnote: async () => map(await ctx.loaders.footnote.load(k), toFootnote),
    Finding: async () => map(await ctx.loaders.finding.load(k), toFinding),
    Action: async () => map(await ctx.loaders.action.load(k), toAction),
    DiscussionQuestion: async () => map(await ctx.loaders.question.load(k), toDiscussionQuestion),
    Discrepancy: async () => map(await ctx.loaders.discrepancy.load(k), toDiscrepancy),
    Organisation: async () => map(await ctx.loaders.organisation.load(k), toOrganisation),
    UseInstance: async () => map(await ctx.loaders.useInstance.load(k), toUseInstance),
  };
  return loaders[type]();
}

/** Null for the error of an id that is not a ccm-graph id (see fromGlobalId); other errors stand. */
function nullIfUnreadableId(error: unknown): null {
  const extensions = error instanceof GraphQLError ? error.extensions : undefined;
  if (extensions?.code === "BAD_USER_INPUT" && extensions.argument === "id") return null;
  throw error;
}

const map = <Row, T>(row: Row | null, to: (row: Row) => T): T | null => (row ? to(row) : null);

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, {
    nullable: true,
    description:
      "A report by id, or without `id` the current report (the latest real one). Null when no such report is loaded.",
  })
  async report(
    @Arg("id", () => ID, {
      nullable: true,
      description: 'The report id, e.g. "beirut-progress-report-2011"; omit for the current report.',
    })
    id: string | undefined,
    @Ctx() { loaders }: Context,
  ): Promise<Report | null> {
    const reportId = id ?? (await loaders.currentReportId());
    const row = reportId ? await loaders.report.load(reportId) : null;
    return row ? toReport(row) : null;
  }

  @Query(() => [Report], { description: "Every loaded report, latest first (synthetic test data last)." })
  async reports(@Ctx() ctx: Context): Promise<Report[]> {
    const rows = await ctx.sql.query<ReportRow>(
      `SELECT * FROM report ORDER BY synthetic, finalised_on DESC, id`,
    );
    return rows.map(toReport);
  }

  @Query(() => Node, {
    nullable: true,
    description: "Any object by its global id; null when it does not exist.",
  })
  async node(
    @Arg("id", () => ID, { description: "A global id from any `id` field." }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: "items",
    description:
      "Several objects by global id, in the order asked; null where one does not exist. At most 100 ids.",
  })
  async nodes(@Arg("ids", () => [ID], { description: "Global ids." }) ids: string[], @Ctx() ctx: Context) {
    if (ids.length > 100)
      throw userError("BAD_USER_INPUT", "nodes takes at most 100 ids", { argument: "ids" });
    // One id that cannot be read is null in its place, as one of nothing is: it does not fail the rest.
    return Promise.all(ids.map((id) => loadNode(ctx, id).catch((error) => nullIfUnreadableId(error))));
  }

  @FieldResolver(() => State, {
    description: "The state whose delegation submitted the report (as President of a meeting).",
  })
  async submittedBy(@Root() report: Report, @Ctx() ctx: Context) {
    return this.stateOf(report, report.submittedByCode, ctx);
  }

  @FieldResolver(() => State, {
    description: "The state that prepared the report (as a Friend of the President).",
  })
  async preparedBy(@Root() report: Report, @Ctx() ctx: Context) {
    return this.stateOf(report, report.preparedByCode, ctx);
  }

  @FieldResolver(() => Footnote, {
    nullable: true,
    description: "The footnote that says who prepared the report.",
  })
  async preparedByFootnote(@Root() report: Report, @Ctx() ctx: Context) {
    if (report.preparedByFootnoteNumber === null) return null;
    return map(
      await ctx.loaders.footnote.load(scopedKey(report.key, report.preparedByFootnoteNumber)),
      toFootnote,
    );
  }

  private async stateOf(report: Report, code: string, ctx: Context) {
    const row = await ctx.loaders.state.load(scopedKey(report.key, code));
    return stateObject(ctx, row!, report.key, report.finalisedOn, report.finalisedOn);
  }
}
