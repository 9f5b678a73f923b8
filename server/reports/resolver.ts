import { GraphQLError } from "graphql";
import { sql } from "pg-sql2";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";

import { toAction } from "../actions/action";
import type { Context } from "../context";
import { toDiscrepancy } from "../discrepancies/discrepancy";
import { userError } from "../errors";
import { toFinding } from "../findings/finding";
import { inReport } from "../graph/loaders";
import { fromGlobalId, Node, type NodeType, splitReportKey } from "../graph/node";
import { toOrganisation, toUseInstance } from "../organisations/organisation";
import { stateObject } from "../states/objects";
import { State } from "../states/state";
import { Footnote, toDiscussionQuestion, toFootnote, toParagraph, toSection } from "../structure/structure";
import { REPORTS_IN_ORDER } from "./loaders";
import { Report, type ReportRow, toReport } from "./report";

/** Loads any Node from its global id; null when it does not exist. */
async function loadNode(ctx: Context, id: string): Promise<Node | null> {
  const { type, key } = fromGlobalId(id);
  if (type === "Report") {
    const row = await ctx.reports.load(key);
    return row ? toReport(row) : null;
  }
  if (type === "State") {
    const reportId = await ctx.reports.currentId();
    const report = reportId ? await ctx.reports.load(reportId) : null;
    const row = report ? await ctx.loaders.state.load(inReport(report.id, key)) : null;
    return row && report ? stateObject(ctx, row, report.id, report.finalised_on, report.finalised_on) : null;
  }
  const { reportId, local } = splitReportKey(key);
  const text = inReport(reportId, local);
  // Paragraphs, footnotes and actions are numbered: a key that is not a number as they are
  // written ("29", not "029") names none of them.
  const number = String(Number(local)) === local ? inReport(reportId, Number(local)) : undefined;
  const { loaders } = ctx;
  const load: Record<Exclude<NodeType, "Report" | "State">, () => Promise<Node | null>> = {
    Section: async () => map(await loaders.section.load(text), toSection),
    Paragraph: async () => map(number ? await loaders.paragraph.load(number) : null, toParagraph),
    Footnote: async () => map(number ? await loaders.footnote.load(number) : null, toFootnote),
    Finding: async () => map(await loaders.finding.load(text), toFinding),
    Action: async () => map(number ? await loaders.action.load(number) : null, toAction),
    DiscussionQuestion: async () => map(await loaders.question.load(text), toDiscussionQuestion),
    Discrepancy: async () => map(await loaders.discrepancy.load(text), toDiscrepancy),
    Organisation: async () => map(await loaders.organisation.load(text), toOrganisation),
    UseInstance: async () => map(await loaders.useInstance.load(text), toUseInstance),
  };
  return load[type]();
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
    @Ctx() { reports }: Context,
  ): Promise<Report | null> {
    const reportId = id ?? (await reports.currentId());
    const row = reportId ? await reports.load(reportId) : null;
    return row ? toReport(row) : null;
  }

  @Query(() => [Report], { description: "Every loaded report, latest first (synthetic test data last)." })
  async reports(@Ctx() ctx: Context): Promise<Report[]> {
    const rows = await ctx.db.query<ReportRow>(sql`SELECT * FROM report ${REPORTS_IN_ORDER}`);
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
      await ctx.loaders.footnote.load(inReport(report.key, report.preparedByFootnoteNumber)),
      toFootnote,
    );
  }

  private async stateOf(report: Report, code: string, ctx: Context) {
    const row = await ctx.loaders.state.load(inReport(report.key, code));
    return stateObject(ctx, row!, report.key, report.finalisedOn, report.finalisedOn);
  }
}
