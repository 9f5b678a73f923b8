import type { GraphQLResolveInfo } from "graphql";
import { sql } from "pg-sql2";
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Query,
  Resolver,
  Root,
} from "type-graphql";

import { Action, toAction } from "../actions/action";
import type { Context } from "../context";
import { Discrepancy, toDiscrepancy } from "../discrepancies/discrepancy";
import { Connection, PageArgs, pageSql, pageWindow, toPage } from "../graph/connection";
import { allNow, inReport, present, whenReady } from "../graph/loaders";
import { fieldsOn, perField, selectionOf } from "../graph/look-ahead";
import { dated, datedAll } from "../graph/dated";
import { maybeReport, reportInScope } from "../graph/scope";
import { Report, toReport } from "../reports/report";
import { reportDate, stateObject, statesOf } from "../states/objects";
import { State, type StateRow } from "../states/state";
import { type ParagraphParts, paragraphWithParts, type ParagraphWithPartsRow } from "../structure/loaders";
import { Footnote, Paragraph, type ParagraphRow, toFootnote, toParagraph } from "../structure/structure";
import {
  Assertion,
  type AssertionKind,
  type AssertionRow,
  Finding,
  type FindingRow,
  toFinding,
} from "./finding";
import { FindingFilter, findingCondition } from "./filter";
import { assertionsWithStates } from "./loaders";
import { findingColumns } from "./sql";

export const FindingConnection = Connection(Finding, "Finding", "finding");

@ArgsType()
class FindingsArgs extends PageArgs {
  @Field(() => FindingFilter, { nullable: true, description: "Which findings; all if omitted." })
  filter?: FindingFilter;
}

/** Whether an `assertions` field asks for the states they are about (one answer per field of a query). */
const asksStates = perField((info) =>
  fieldsOn(selectionOf(info), "Assertion").some((f) => f.name === "state"),
);

/** Which of its section and footnotes a selection of `paragraph` asks for, if any. */
const paragraphPartsAsked = perField((info): ParagraphParts | "none" => {
  const names = new Set(fieldsOn(selectionOf(info), "Paragraph").map((f) => f.name));
  const section = names.has("section");
  const footnotes = names.has("footnotes");
  return section && footnotes ? "both" : section ? "section" : footnotes ? "footnotes" : "none";
});

@Resolver(() => Finding)
export class FindingResolver {
  @Query(() => Finding, {
    nullable: true,
    description: "A finding by its key within the report; null when unknown.",
  })
  async finding(
    @Arg("key", () => String, { description: 'The finding key, e.g. "p29-destruction-obligations".' })
    key: string,
    @Arg("report", () => ID, { nullable: true, description: "The report; the current report if omitted." })
    report: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<Finding | null> {
    const scope = await maybeReport(ctx, report);
    const row = scope ? await ctx.loaders.finding.load(inReport(scope.id, key)) : null;
    return row ? toFinding(row) : null;
  }

  @Query(() => FindingConnection, {
    description:
      "The report's findings in report order, filtered (by theme, action, article, paragraph, state, ...).",
  })
  async findings(@Args(() => FindingsArgs) args: FindingsArgs, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, args.report);
    const window = pageWindow(args.first, args.after);
    const report = sql.value(scope.id);
    const f = sql.identifier("f");
    const rows = await ctx.db.query<FindingRow & { total: number }>(
      pageSql({
        matched: sql`SELECT ${f}.* FROM finding ${f}
          WHERE ${f}.report_id = ${report} AND ${findingCondition(args.filter, { finding: f, report })}`,
        alias: f,
        select: findingColumns(f),
        order: sql`${f}.position`,
        window,
      }),
    );
    return toPage(rows.filter((r) => r.id !== null).map(toFinding), window.offset, rows[0]?.total ?? 0);
  }

  @FieldResolver(() => Report, { description: "The report the finding belongs to." })
  async report(@Root() finding: Finding, @Ctx() ctx: Context): Promise<Report> {
    return toReport((await ctx.reports.load(finding.reportId))!);
  }

  @FieldResolver(() => Paragraph, { description: "The paragraph that states the finding." })
  paragraph(
    @Root() finding: Finding,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Paragraph | Promise<Paragraph> {
    const at = inReport(finding.reportId, finding.paragraphNumber);
    const parts = paragraphPartsAsked(info);
    // Its section and footnotes asked too, and nothing at hand: all three in one statement.
    if (parts !== "none" && !ctx.rows.shares("paragraph", at)) {
      return ctx.rows
        .adHoc(`paragraphWith:${parts}`, () => paragraphWithParts(parts))
        .load(at)
        .then((row) => dated(toParagraph(primeParagraphParts(ctx, row!)), finding));
    }
    return whenReady(ctx.rows.now("paragraph", at), (row) => dated(toParagraph(row!), finding));
  }

  @FieldResolver(() => Footnote, {
    nullable: true,
    description: "The footnote that lists the states, if any.",
  })
  footnote(@Root() finding: Finding, @Ctx() ctx: Context): Footnote | null | Promise<Footnote | null> {
    if (finding.footnoteNumber === null) return null;
    return whenReady(ctx.rows.now("footnote", inReport(finding.reportId, finding.footnoteNumber)), (row) =>
      row ? dated(toFootnote(row), finding) : null,
    );
  }

  @FieldResolver(() => [Assertion], {
    description: "What the finding asserts about each state it lists, in list order.",
  })
  assertions(
    @Root() finding: Finding,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Assertion[] | Promise<Assertion[]> {
    const at = inReport(finding.reportId, finding.key);
    const withStates = asksStates(info);
    // Their states asked too, and none at hand: assertions and states in one statement.
    if (withStates && !ctx.rows.shares("assertionsByFinding", at) && !ctx.rows.shares("state")) {
      return ctx.rows
        .adHoc("assertionsWithStates", () => assertionsWithStates)
        .load(at)
        .then((rows) => {
          for (const row of rows)
            if (row.state_row)
              ctx.rows.prime("state", inReport(row.report_id, row.state_code), row.state_row);
          return assertionsOf(rows, finding, ctx, true);
        });
    }
    return whenReady(ctx.rows.now("assertionsByFinding", at), (rows) =>
      assertionsOf(rows, finding, ctx, withStates),
    );
  }

  @FieldResolver(() => [State], { description: "The distinct states the finding lists, in list order." })
  async states(@Root() finding: Finding, @Ctx() ctx: Context): Promise<State[]> {
    const rows = ctx.loaders.statesByFinding.load(inReport(finding.reportId, finding.key));
    return statesOf(ctx, finding.reportId, rows, finding.asOf);
  }

  @FieldResolver(() => [Action], { description: "The Vientiane Action Plan actions the finding concerns." })
  async actions(@Root() finding: Finding, @Ctx() ctx: Context): Promise<Action[]> {
    const rows = await ctx.loaders.action.loadMany(
      finding.actionNumbers.map((n) => inReport(finding.reportId, n)),
    );
    return datedAll(present(rows).map(toAction), finding);
  }

  @FieldResolver(() => [Discrepancy], { description: "Recorded discrepancies that involve this finding." })
  async discrepancies(@Root() finding: Finding, @Ctx() ctx: Context): Promise<Discrepancy[]> {
    const rows = await ctx.loaders.discrepanciesByFinding.load(inReport(finding.reportId, finding.key));
    return datedAll(rows.map(toDiscrepancy), finding);
  }
}

/** Gives the loaders of a paragraph's section and footnotes what its statement brought along. */
function primeParagraphParts(ctx: Context, row: ParagraphWithPartsRow): ParagraphRow {
  const { section_row: section, footnote_rows: footnotes, ...paragraph } = row;
  if (section) ctx.rows.prime("section", inReport(paragraph.report_id, section.key), section);
  if (footnotes)
    ctx.rows.prime("footnotesByParagraph", inReport(paragraph.report_id, paragraph.number), footnotes);
  ctx.rows.prime("paragraph", inReport(paragraph.report_id, paragraph.number), paragraph);
  return paragraph;
}

function assertionsOf(
  rows: (AssertionRow & { state_row?: StateRow | null })[],
  finding: Finding,
  ctx: Context,
  withStates: boolean,
): Assertion[] | Promise<Assertion[]> {
  const assertions = rows.map((row) =>
    Object.assign(new Assertion(), {
      kind: row.kind as AssertionKind,
      description: row.description,
      detail: row.detail,
      reportId: row.report_id,
      findingKey: row.finding_id,
      stateCode: row.state_code,
      asOf: finding.asOf,
    }),
  );
  if (!withStates) return assertions;
  // A big answer asks `assertions { state }` thousands of times: resolve the states here, in
  // one batch, so that each `state` is a plain value rather than one more promise per row.
  const states = allNow(
    assertions.map((a, i) => rows[i].state_row ?? ctx.rows.now("state", inReport(a.reportId, a.stateCode))),
  );
  return whenReady(allNow([states, reportDate(ctx, finding.reportId)] as const), ([stateRows, date]) => {
    assertions.forEach((assertion, i) => {
      const row = stateRows[i];
      if (row) assertion.stateValue = stateObject(ctx, row, assertion.reportId, assertion.asOf ?? date, date);
    });
    return assertions;
  });
}

@Resolver(() => Assertion)
export class AssertionResolver {
  @FieldResolver(() => State, { description: "The state the assertion is about." })
  state(@Root() assertion: Assertion, @Ctx() ctx: Context): State | Promise<State> {
    if (assertion.stateValue) return assertion.stateValue;
    const row = ctx.rows.now("state", inReport(assertion.reportId, assertion.stateCode));
    return whenReady(allNow([row, reportDate(ctx, assertion.reportId)] as const), ([state, date]) =>
      stateObject(ctx, state!, assertion.reportId, assertion.asOf ?? date, date),
    );
  }

  @FieldResolver(() => Finding, { description: "The finding that makes the assertion." })
  async finding(@Root() assertion: Assertion, @Ctx() ctx: Context): Promise<Finding> {
    const row = await ctx.loaders.finding.load(inReport(assertion.reportId, assertion.findingKey));
    return dated(toFinding(row!), assertion);
  }
}
