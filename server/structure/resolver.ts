import { sql } from "pg-sql2";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";

import { Action, toAction } from "../actions/action";
import type { Context } from "../context";
import { Discrepancy, toDiscrepancy } from "../discrepancies/discrepancy";
import { Finding, toFinding } from "../findings/finding";
import { Connection, PageArgs, pageSql, pageWindow, toPage } from "../graph/connection";
import { inReport, whenReady } from "../graph/loaders";
import { dated, datedAll } from "../graph/dated";
import { maybeReport, reportInScope } from "../graph/scope";
import { statesOf } from "../states/objects";
import { State } from "../states/state";
import { footnoteColumns, paragraphColumns, q, QUESTION_SECTION, QUESTION_SELECT } from "./sql";
import {
  DiscussionQuestion,
  type DiscussionQuestionRow,
  Footnote,
  type FootnoteRow,
  Paragraph,
  type ParagraphRow,
  Section,
  type SectionRow,
  Subheading,
  toDiscussionQuestion,
  toFootnote,
  toParagraph,
  toSection,
  toSubheading,
} from "./structure";

export const ParagraphConnection = Connection(Paragraph, "Paragraph", "paragraph");
export const FootnoteConnection = Connection(Footnote, "Footnote", "footnote");

const reportArg = { nullable: true, description: "The report; the current report if omitted." } as const;

@Resolver(() => Section)
export class SectionResolver {
  @Query(() => [Section], { description: "The report's sections in order, from the introduction to XI." })
  async sections(@Arg("report", () => ID, reportArg) report: string | undefined, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, report);
    const rows = await ctx.db.query<SectionRow>(
      sql`SELECT * FROM section WHERE report_id = ${sql.value(scope.id)} ORDER BY position`,
    );
    return rows.map(toSection);
  }

  @Query(() => Section, {
    nullable: true,
    description: 'A section by key: its Roman numeral ("IV") or "intro"; null when unknown.',
  })
  async section(
    @Arg("key", () => String, { description: 'Roman numeral or "intro" (case-insensitive).' }) key: string,
    @Arg("report", () => ID, reportArg) report: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const scope = await maybeReport(ctx, report);
    const row = scope ? await ctx.loaders.section.load(inReport(scope.id, sectionKey(key))) : null;
    return row ? toSection(row) : null;
  }

  @FieldResolver(() => [Subheading], { description: "The section's sub-headings in order." })
  async subheadings(@Root() section: Section, @Ctx() ctx: Context) {
    return (await ctx.loaders.subheadingsBySection.load(inReport(section.reportId, section.key))).map(
      toSubheading,
    );
  }

  @FieldResolver(() => [Paragraph], { description: "The section's paragraphs in order." })
  async paragraphs(@Root() section: Section, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.paragraphsBySection.load(inReport(section.reportId, section.key))).map(toParagraph),
      section,
    );
  }

  @FieldResolver(() => [DiscussionQuestion], {
    description: "The section's challenges and questions for discussion, in order.",
  })
  async discussionQuestions(@Root() section: Section, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.questionsBySection.load(inReport(section.reportId, section.key))).map(
        toDiscussionQuestion,
      ),
      section,
    );
  }
}

@Resolver(() => Paragraph)
export class ParagraphResolver {
  @Query(() => Paragraph, { nullable: true, description: "A paragraph by number; null when unknown." })
  async paragraph(
    @Arg("number", () => Int, { description: "The paragraph number." }) number: number,
    @Arg("report", () => ID, reportArg) report: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const scope = await maybeReport(ctx, report);
    const row = scope ? await ctx.loaders.paragraph.load(inReport(scope.id, number)) : null;
    return row ? toParagraph(row) : null;
  }

  @Query(() => ParagraphConnection, { description: "The report's paragraphs in order." })
  async paragraphs(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, args.report);
    const window = pageWindow(args.first, args.after);
    const p = sql.identifier("p");
    const rows = await ctx.db.query<ParagraphRow & { total: number }>(
      pageSql({
        matched: sql`SELECT ${paragraphColumns(p)} FROM paragraph ${p} WHERE ${p}.report_id = ${sql.value(scope.id)}`,
        alias: p,
        order: sql`${p}.number`,
        window,
      }),
    );
    const found = rows.filter((row) => row.number !== null);
    return toPage(found.map(toParagraph), window.offset, rows[0]?.total ?? 0);
  }

  @FieldResolver(() => Section, { description: "The section the paragraph belongs to." })
  section(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return whenReady(ctx.rows.now("section", inReport(paragraph.reportId, paragraph.sectionKey)), (row) =>
      dated(toSection(row!), paragraph),
    );
  }

  @FieldResolver(() => [Footnote], { description: "The footnotes whose markers stand in the paragraph." })
  footnotes(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return whenReady(
      ctx.rows.now("footnotesByParagraph", inReport(paragraph.reportId, paragraph.number)),
      (rows) => datedAll(rows.map(toFootnote), paragraph),
    );
  }

  @FieldResolver(() => [Finding], { description: "The findings the paragraph states." })
  async findings(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.findingsByParagraph.load(inReport(paragraph.reportId, paragraph.number))).map(
        toFinding,
      ),
      paragraph,
    );
  }

  @FieldResolver(() => [State], { description: "The states the paragraph's findings name." })
  async states(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return statesOf(
      ctx,
      paragraph.reportId,
      ctx.loaders.statesByParagraph.load(inReport(paragraph.reportId, paragraph.number)),
      paragraph.asOf,
    );
  }

  @FieldResolver(() => [DiscussionQuestion], {
    description: "Lettered questions or items the paragraph introduces.",
  })
  async discussionQuestions(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.questionsByParagraph.load(inReport(paragraph.reportId, paragraph.number))).map(
        toDiscussionQuestion,
      ),
      paragraph,
    );
  }

  @FieldResolver(() => [Action], {
    description: "The Vientiane Action Plan actions the paragraph references.",
  })
  async actions(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.actionsByParagraph.load(inReport(paragraph.reportId, paragraph.number))).map(
        toAction,
      ),
      paragraph,
    );
  }

  @FieldResolver(() => [Discrepancy], { description: "Recorded discrepancies that involve the paragraph." })
  async discrepancies(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.discrepanciesByParagraph.load(inReport(paragraph.reportId, paragraph.number))).map(
        toDiscrepancy,
      ),
      paragraph,
    );
  }
}

@Resolver(() => Footnote)
export class FootnoteResolver {
  @Query(() => Footnote, { nullable: true, description: "A footnote by number; null when unknown." })
  async footnote(
    @Arg("number", () => Int, { description: "The footnote number." }) number: number,
    @Arg("report", () => ID, reportArg) report: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const scope = await maybeReport(ctx, report);
    const row = scope ? await ctx.loaders.footnote.load(inReport(scope.id, number)) : null;
    return row ? toFootnote(row) : null;
  }

  @Query(() => FootnoteConnection, { description: "The report's footnotes in order." })
  async footnotes(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, args.report);
    const window = pageWindow(args.first, args.after);
    const fn = sql.identifier("fn");
    const rows = await ctx.db.query<FootnoteRow & { total: number }>(
      pageSql({
        matched: sql`SELECT ${footnoteColumns(fn)} FROM footnote ${fn} WHERE ${fn}.report_id = ${sql.value(scope.id)}`,
        alias: fn,
        order: sql`${fn}.number`,
        window,
      }),
    );
    const found = rows.filter((row) => row.number !== null);
    return toPage(found.map(toFootnote), window.offset, rows[0]?.total ?? 0);
  }

  @FieldResolver(() => Paragraph, { description: "The paragraph that carries the footnote marker." })
  paragraph(@Root() footnote: Footnote, @Ctx() ctx: Context) {
    return whenReady(
      ctx.rows.now("paragraph", inReport(footnote.reportId, footnote.paragraphNumber)),
      (row) => dated(toParagraph(row!), footnote),
    );
  }

  @FieldResolver(() => [State], { description: "The states the footnote lists, in the order it lists them." })
  async states(@Root() footnote: Footnote, @Ctx() ctx: Context) {
    return statesOf(
      ctx,
      footnote.reportId,
      ctx.loaders.statesByFootnote.load(inReport(footnote.reportId, footnote.number)),
      footnote.asOf,
    );
  }

  @FieldResolver(() => [Finding], { description: "The findings that rest on the footnote." })
  async findings(@Root() footnote: Footnote, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.findingsByFootnote.load(inReport(footnote.reportId, footnote.number))).map(
        toFinding,
      ),
      footnote,
    );
  }
}

@Resolver(() => DiscussionQuestion)
export class DiscussionQuestionResolver {
  @Query(() => [DiscussionQuestion], {
    description:
      "Challenges and questions for discussion, in report order; only one section's when `section` is given.",
  })
  async discussionQuestions(
    @Arg("section", () => String, {
      nullable: true,
      description: 'A section key ("III", "intro"); all sections if omitted.',
    })
    section: string | undefined,
    @Arg("report", () => ID, reportArg) report: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const scope = await reportInScope(ctx, report);
    const inSection =
      section == null ? sql.blank : sql`AND ${QUESTION_SECTION} = ${sql.value(sectionKey(section))}`;
    const rows = await ctx.db.query<DiscussionQuestionRow>(
      sql`${QUESTION_SELECT} WHERE ${q}.report_id = ${sql.value(scope.id)} ${inSection} ORDER BY ${q}.position`,
    );
    return rows.map(toDiscussionQuestion);
  }

  @FieldResolver(() => Section, { description: "The section the question belongs to." })
  async section(@Root() question: DiscussionQuestion, @Ctx() ctx: Context) {
    return dated(
      toSection((await ctx.loaders.section.load(inReport(question.reportId, question.sectionKey)))!),
      question,
    );
  }

  @FieldResolver(() => Paragraph, { description: "The paragraph the question belongs to." })
  async paragraph(@Root() question: DiscussionQuestion, @Ctx() ctx: Context) {
    return dated(
      toParagraph((await ctx.loaders.paragraph.load(inReport(question.reportId, question.paragraphNumber)))!),
      question,
    );
  }
}

/** A section key as stored: "intro", or a Roman numeral in capitals. */
function sectionKey(key: string): string {
  return key.trim().toLowerCase() === "intro" ? "intro" : key.trim().toUpperCase();
}
