import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../context";
import { Action, toAction } from "../domain/action";
import { Connection, PageArgs, pageSql, pageWindow, toPage } from "../domain/connection";
import { Discrepancy, toDiscrepancy } from "../domain/discrepancy";
import { Finding, toFinding } from "../domain/finding";
import { State } from "../domain/state";
import {
  DiscussionQuestion,
  type DiscussionQuestionRow,
  Footnote,
  FOOTNOTE_COLUMNS,
  type FootnoteRow,
  Paragraph,
  PARAGRAPH_COLUMNS,
  type ParagraphRow,
  Section,
  type SectionRow,
  Subheading,
  toDiscussionQuestion,
  toFootnote,
  toParagraph,
  toSection,
  toSubheading,
} from "../domain/structure";
import { QUESTION_SELECT, scopedKey, whenReady } from "../loaders";
import { statesOf } from "./finding";
import { dated, datedAll, maybeReport, reportInScope } from "./scope";

export const ParagraphConnection = Connection(Paragraph, "Paragraph", "paragraph");
export const FootnoteConnection = Connection(Footnote, "Footnote", "footnote");

const reportArg = { nullable: true, description: "The report; the current report if omitted." } as const;

@Resolver(() => Section)
export class SectionResolver {
  @Query(() => [Section], { description: "The report's sections in order, from the introduction to XI." })
  async sections(@Arg("report", () => ID, reportArg) report: string | undefined, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, report);
    const rows = await ctx.sql.query<SectionRow>(
      `SELECT * FROM section WHERE report_id = $1 ORDER BY position`,
      [scope.id],
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
    const row = scope ? await ctx.loaders.section.load(scopedKey(scope.id, sectionKey(key))) : null;
    return row ? toSection(row) : null;
  }

  @FieldResolver(() => [Subheading], { description: "The section's sub-headings in order." })
  async subheadings(@Root() section: Section, @Ctx() ctx: Context) {
    return (await ctx.loaders.subheadingsBySection.load(scopedKey(section.reportId, section.key))).map(
      toSubheading,
    );
  }

  @FieldResolver(() => [Paragraph], { description: "The section's paragraphs in order." })
  async paragraphs(@Root() section: Section, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.paragraphsBySection.load(scopedKey(section.reportId, section.key))).map(toParagraph),
      section,
    );
  }

  @FieldResolver(() => [DiscussionQuestion], {
    description: "The section's challenges and questions for discussion, in order.",
  })
  async discussionQuestions(@Root() section: Section, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.questionsBySection.load(scopedKey(section.reportId, section.key))).map(
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
    const row = scope ? await ctx.loaders.paragraph.load(scopedKey(scope.id, number)) : null;
    return row ? toParagraph(row) : null;
  }

  @Query(() => ParagraphConnection, { description: "The report's paragraphs in order." })
  async paragraphs(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, args.report);
    const { limit, offset } = pageWindow(args.first, args.after);
    const rows = await ctx.sql.query<ParagraphRow & { total: number }>(
      pageSql({
        matched: `SELECT ${PARAGRAPH_COLUMNS} FROM paragraph WHERE report_id = $1`,
        alias: "p",
        order: "p.number",
        limit: "$2",
        offset: "$3",
      }),
      [scope.id, limit, offset],
    );
    const found = rows.filter((row) => row.number !== null);
    return toPage(found.map(toParagraph), offset, rows[0]?.total ?? 0);
  }

  @FieldResolver(() => Section, { description: "The section the paragraph belongs to." })
  section(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return whenReady(ctx.loaders.now("section", scopedKey(paragraph.reportId, paragraph.sectionKey)), (row) =>
      dated(toSection(row!), paragraph),
    );
  }

  @FieldResolver(() => [Footnote], { description: "The footnotes whose markers stand in the paragraph." })
  footnotes(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return whenReady(
      ctx.loaders.now("footnotesByParagraph", scopedKey(paragraph.reportId, paragraph.number)),
      (rows) => datedAll(rows.map(toFootnote), paragraph),
    );
  }

  @FieldResolver(() => [Finding], { description: "The findings the paragraph states." })
  async findings(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.findingsByParagraph.load(scopedKey(paragraph.reportId, paragraph.number))).map(
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
      ctx.loaders.statesByParagraph.load(scopedKey(paragraph.reportId, paragraph.number)),
      paragraph.asOf,
    );
  }

  @FieldResolver(() => [DiscussionQuestion], {
    description: "Lettered questions or items the paragraph introduces.",
  })
  async discussionQuestions(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.questionsByParagraph.load(scopedKey(paragraph.reportId, paragraph.number))).map(
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
      (await ctx.loaders.actionsByParagraph.load(scopedKey(paragraph.reportId, paragraph.number))).map(
        toAction,
      ),
      paragraph,
    );
  }

  @FieldResolver(() => [Discrepancy], { description: "Recorded discrepancies that involve the paragraph." })
  async discrepancies(@Root() paragraph: Paragraph, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.discrepanciesByParagraph.load(scopedKey(paragraph.reportId, paragraph.number))).map(
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
    const row = scope ? await ctx.loaders.footnote.load(scopedKey(scope.id, number)) : null;
    return row ? toFootnote(row) : null;
  }

  @Query(() => FootnoteConnection, { description: "The report's footnotes in order." })
  async footnotes(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const scope = await reportInScope(ctx, args.report);
    const { limit, offset } = pageWindow(args.first, args.after);
    const rows = await ctx.sql.query<FootnoteRow & { total: number }>(
      pageSql({
        matched: `SELECT ${FOOTNOTE_COLUMNS} FROM footnote WHERE report_id = $1`,
        alias: "f",
        order: "f.number",
        limit: "$2",
        offset: "$3",
      }),
      [scope.id, limit, offset],
    );
    const found = rows.filter((row) => row.number !== null);
    return toPage(found.map(toFootnote), offset, rows[0]?.total ?? 0);
  }

  @FieldResolver(() => Paragraph, { description: "The paragraph that carries the footnote marker." })
  paragraph(@Root() footnote: Footnote, @Ctx() ctx: Context) {
    return whenReady(
      ctx.loaders.now("paragraph", scopedKey(footnote.reportId, footnote.paragraphNumber)),
      (row) => dated(toParagraph(row!), footnote),
    );
  }

  @FieldResolver(() => [State], { description: "The states the footnote lists, in the order it lists them." })
  async states(@Root() footnote: Footnote, @Ctx() ctx: Context) {
    return statesOf(
      ctx,
      footnote.reportId,
      ctx.loaders.statesByFootnote.load(scopedKey(footnote.reportId, footnote.number)),
      footnote.asOf,
    );
  }

  @FieldResolver(() => [Finding], { description: "The findings that rest on the footnote." })
  async findings(@Root() footnote: Footnote, @Ctx() ctx: Context) {
    return datedAll(
      (await ctx.loaders.findingsByFootnote.load(scopedKey(footnote.reportId, footnote.number))).map(
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
    const rows = await ctx.sql.query<DiscussionQuestionRow>(
      `${QUESTION_SELECT} WHERE q.report_id = $1 AND ($2::text IS NULL OR p.section_key = $2) ORDER BY q.position`,
      [scope.id, section == null ? null : sectionKey(section)],
    );
    return rows.map(toDiscussionQuestion);
  }

  @FieldResolver(() => Section, { description: "The section the question belongs to." })
  async section(@Root() question: DiscussionQuestion, @Ctx() ctx: Context) {
    return dated(
      toSection((await ctx.loaders.section.load(scopedKey(question.reportId, question.sectionKey)))!),
      question,
    );
  }

  @FieldResolver(() => Paragraph, { description: "The paragraph the question belongs to." })
  async paragraph(@Root() question: DiscussionQuestion, @Ctx() ctx: Context) {
    return dated(
      toParagraph(
        (await ctx.loaders.paragraph.load(scopedKey(question.reportId, question.paragraphNumber)))!,
      ),
      question,
    );
  }
}

/** A section key as stored: "intro", or a Roman numeral in capitals. */
function sectionKey(key: string): string {
  return key.trim().toLowerCase() === "intro" ? "intro" : key.trim().toUpperCase();
}
