import type { GraphQLResolveInfo } from "graphql";
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

import type { Context } from "../context";
import { Action, toAction } from "../domain/action";
import { Connection, PageArgs, pageSql, pageWindow, toPage } from "../domain/connection";
import { Discrepancy, toDiscrepancy } from "../domain/discrepancy";
import type { AssertionKind } from "../domain/enums";
import { ASSERTION_MEANINGS } from "../domain/facts";
import {
  Assertion,
  type AssertionRow,
  Finding,
  findingColumns,
  type FindingRow,
  toFinding,
} from "../domain/finding";
import { Report, toReport } from "../domain/report";
import { State, type StateRow } from "../domain/state";
import { Footnote, Paragraph, toFootnote, toParagraph } from "../domain/structure";
import { findingCondition, Params } from "../filters/compile";
import { FindingFilter } from "../filters/inputs";
import { allNow, present, scopedKey, whenReady } from "../loaders";
import { dated, datedAll, maybeReport, reportInScope, stateObject } from "./scope";

export const FindingConnection = Connection(Finding, "Finding", "finding");

@ArgsType()
class FindingsArgs extends PageArgs {
  @Field(() => FindingFilter, { nullable: true, description: "Which findings; all if omitted." })
  filter?: FindingFilter;
}

/** The report's finalisation date (the default `asOf` of what it says). */
function reportDate(ctx: Context, reportId: string): string | Promise<string> {
  return whenReady(ctx.loaders.reportNow(reportId), (row) => row?.finalised_on ?? "9999-12-31");
}

/** States for a report-scoped object, seen at its `asOf` (else the report's date). */
export async function statesOf(ctx: Context, reportId: string, rows: Promise<StateRow[]>, asOf?: string) {
  const [list, date] = await Promise.all([rows, reportDate(ctx, reportId)]);
  return list.map((row) => stateObject(ctx, row, reportId, asOf ?? date, date));
}

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
    const row = scope ? await ctx.loaders.finding.load(scopedKey(scope.id, key)) : null;
    return row ? toFinding(row) : null;
  }

  @Query(() => FindingConnection, {
    description:
      "The report's findings in report order, filtered (by theme, action, article, paragraph, state, ...).",
  })
  async findings(@Args(() => FindingsArgs) args: FindingsArgs, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, args.report);
    const { limit, offset } = pageWindow(args.first, args.after);
    const params = new Params();
    const report = params.add(scope.id);
    const condition = findingCondition(args.filter, { params, report });
    const rows = await ctx.sql.query<FindingRow & { total: number }>(
      pageSql({
        matched: `SELECT f.* FROM finding f WHERE f.report_id = ${report} AND ${condition}`,
        alias: "f",
        select: findingColumns("f"),
        order: "f.position",
        limit: params.add(limit),
        offset: params.add(offset),
      }),
      params.values,
    );
    const findings = rows.filter((r) => r.id !== null).map(toFinding);
    return toPage(findings, offset, rows[0]?.total ?? 0);
  }

  @FieldResolver(() => Report, { description: "The report the finding belongs to." })
  async report(@Root() finding: Finding, @Ctx() ctx: Context): Promise<Report> {
    return toReport((await ctx.loaders.report.load(finding.reportId))!);
  }

  @FieldResolver(() => Paragraph, { description: "The paragraph that states the finding." })
  paragraph(@Root() finding: Finding, @Ctx() ctx: Context): Paragraph | Promise<Paragraph> {
    return whenReady(
      ctx.loaders.now("paragraph", scopedKey(finding.reportId, finding.paragraphNumber)),
      (row) => dated(toParagraph(row!), finding),
    );
  }

  @FieldResolver(() => Footnote, {
    nullable: true,
    description: "The footnote that lists the states, if any.",
  })
  footnote(@Root() finding: Finding, @Ctx() ctx: Context): Footnote | null | Promise<Footnote | null> {
    if (finding.footnoteNumber === null) return null;
    return whenReady(
      ctx.loaders.now("footnote", scopedKey(finding.reportId, finding.footnoteNumber)),
      (row) => (row ? dated(toFootnote(row), finding) : null),
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
    return whenReady(
      ctx.loaders.now("assertionsByFinding", scopedKey(finding.reportId, finding.key)),
      (rows) => this.assertionsOf(rows, finding, ctx, selects(info, "state")),
    );
  }

  private assertionsOf(
    rows: AssertionRow[],
    finding: Finding,
    ctx: Context,
    withStates: boolean,
  ): Assertion[] | Promise<Assertion[]> {
    const assertions = rows.map((row) =>
      Object.assign(new Assertion(), {
        kind: row.kind as AssertionKind,
        description: ASSERTION_MEANINGS[row.kind as AssertionKind]?.description ?? row.kind,
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
      assertions.map((a) => ctx.loaders.now("state", scopedKey(a.reportId, a.stateCode))),
    );
    return whenReady(allNow([states, reportDate(ctx, finding.reportId)] as const), ([rows, date]) => {
      assertions.forEach((assertion, i) => {
        const row = rows[i];
        if (row)
          assertion.stateValue = stateObject(ctx, row, assertion.reportId, assertion.asOf ?? date, date);
      });
      return assertions;
    });
  }

  @FieldResolver(() => [State], { description: "The distinct states the finding lists, in list order." })
  async states(@Root() finding: Finding, @Ctx() ctx: Context): Promise<State[]> {
    return statesOf(
      ctx,
      finding.reportId,
      ctx.loaders.statesByFinding.load(scopedKey(finding.reportId, finding.key)),
      finding.asOf,
    );
  }

  @FieldResolver(() => [Action], { description: "The Vientiane Action Plan actions the finding concerns." })
  async actions(@Root() finding: Finding, @Ctx() ctx: Context): Promise<Action[]> {
    const rows = await ctx.loaders.action.loadMany(
      finding.actionNumbers.map((n) => scopedKey(finding.reportId, n)),
    );
    return datedAll(present(rows).map(toAction), finding);
  }

  @FieldResolver(() => [Discrepancy], { description: "Recorded discrepancies that involve this finding." })
  async discrepancies(@Root() finding: Finding, @Ctx() ctx: Context): Promise<Discrepancy[]> {
    return datedAll(
      (await ctx.loaders.discrepanciesByFinding.load(scopedKey(finding.reportId, finding.key))).map(
        toDiscrepancy,
      ),
      finding,
    );
  }
}

@Resolver(() => Assertion)
export class AssertionResolver {
  @FieldResolver(() => State, { description: "The state the assertion is about." })
  state(@Root() assertion: Assertion, @Ctx() ctx: Context): State | Promise<State> {
    return assertion.stateValue ?? this.loadState(assertion, ctx);
  }

  private loadState(assertion: Assertion, ctx: Context): State | Promise<State> {
    const row = ctx.loaders.now("state", scopedKey(assertion.reportId, assertion.stateCode));
    return whenReady(allNow([row, reportDate(ctx, assertion.reportId)] as const), ([state, date]) =>
      stateObject(ctx, state!, assertion.reportId, assertion.asOf ?? date, date),
    );
  }

  @FieldResolver(() => Finding, { description: "The finding that makes the assertion." })
  async finding(@Root() assertion: Assertion, @Ctx() ctx: Context): Promise<Finding> {
    return dated(
      toFinding((await ctx.loaders.finding.load(scopedKey(assertion.reportId, assertion.findingKey)))!),
      assertion,
    );
  }
}

/** True when the field's selection may include `name` (fragments are assumed to). */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some(
      (selection) => selection.kind !== "Field" || selection.name.value === name,
    ),
  );
}
