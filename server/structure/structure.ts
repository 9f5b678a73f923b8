import { Field, Int, ObjectType } from "type-graphql";

import { Node, type NodeType, reportKey } from "../graph/node";

export interface SectionRow {
  report_id: string;
  key: string;
  numeral: string | null;
  title: string;
  position: number;
}
export interface SubheadingRow {
  report_id: string;
  section_key: string;
  position: number;
  title: string;
  paragraphs: number[];
}

export interface ParagraphRow {
  report_id: string;
  number: number;
  section_key: string;
  subheading: string | null;
  text: string;
}
export interface FootnoteRow {
  report_id: string;
  number: number;
  paragraph_number: number;
  anchor: string;
  text: string;
}
export interface DiscussionQuestionRow {
  report_id: string;
  paragraph_number: number;
  letter: string;
  item: string;
  position: number;
  text: string;
  section_key: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: "A section of the report (I to XI, plus the unnumbered introduction).",
})
export class Section extends Node {
  protected override identity(): [NodeType, string] {
    return ["Section", reportKey(this.reportId, this.key)];
  }

  @Field(() => String, {
    description: '"intro" for the opening paragraphs, otherwise the Roman numeral ("IV").',
  })
  key!: string;

  @Field(() => String, { nullable: true, description: "The Roman numeral, or null for the introduction." })
  numeral!: string | null;

  @Field(() => String, { description: 'The section title as printed, e.g. "Stockpile Destruction".' })
  title!: string;

  @Field(() => Int, { description: "Position in the report, from 0." })
  position!: number;

  reportId!: string;
  /** Internal: the date states reached from here are seen at (the root field's asOf). */
  asOf?: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A sub-heading within a section ("Scope", "Actions #2-7", "Challenges and questions...").',
})
export class Subheading {
  @Field(() => String, { description: "The sub-heading as printed." })
  title!: string;

  @Field(() => [Int], { description: "The numbers of the paragraphs under it." })
  paragraphNumbers!: number[];
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: "A numbered paragraph of the report, with its text.",
})
export class Paragraph extends Node {
  protected override identity(): [NodeType, string] {
    return ["Paragraph", reportKey(this.reportId, this.number)];
  }

  @Field(() => Int, {
    description: "The paragraph number (1-80 in the Beirut report). The natural key: `paragraph(number:)`.",
  })
  number!: number;

  @Field(() => String, { nullable: true, description: "The sub-heading the paragraph stands under, if any." })
  subheading!: string | null;

  @Field(() => String, {
    description:
      "The paragraph's text as printed, lines joined, footnote markers removed (see `footnotes` for them).",
  })
  text!: string;

  reportId!: string;
  /** Internal: the date states reached from here are seen at (the root field's asOf). */
  asOf?: string;
  sectionKey!: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: "A footnote of the report; most list the states a paragraph counts.",
})
export class Footnote extends Node {
  protected override identity(): [NodeType, string] {
    return ["Footnote", reportKey(this.reportId, this.number)];
  }

  @Field(() => Int, {
    description: "The footnote number (1-77 in the Beirut report). The natural key: `footnote(number:)`.",
  })
  number!: number;

  @Field(() => String, { description: "The footnote text as printed." })
  text!: string;

  @Field(() => String, { description: "The words of the paragraph the footnote marker follows." })
  anchor!: string;

  @Field(() => Int, { description: "The number of the paragraph that carries the marker." })
  paragraphNumber!: number;

  reportId!: string;
  /** Internal: the date states reached from here are seen at (the root field's asOf). */
  asOf?: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'A lettered item under "Challenges and questions for discussion at the 2MSP" (or a similar list).',
})
export class DiscussionQuestion extends Node {
  protected override identity(): [NodeType, string] {
    return [
      "DiscussionQuestion",
      reportKey(this.reportId, `${this.paragraphNumber}${this.letter}${this.item ?? ""}`),
    ];
  }

  @Field(() => String, { description: 'The item\'s letter, "a", "b", ...' })
  letter!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The sub-item, "i", "ii", ... for nested lists such as 26 (a)(i).',
  })
  item!: string | null;

  @Field(() => String, { description: 'The label as printed, e.g. "(a)" or "(a)(i)".' })
  label!: string;

  @Field(() => String, { description: "The question or item text." })
  text!: string;

  @Field(() => Int, { description: "The paragraph it belongs to." })
  paragraphNumber!: number;

  reportId!: string;
  /** Internal: the date states reached from here are seen at (the root field's asOf). */
  asOf?: string;
  sectionKey!: string;
}

export const toSection = (r: SectionRow): Section =>
  Object.assign(new Section(), {
    key: r.key,
    numeral: r.numeral,
    title: r.title,
    position: r.position,
    reportId: r.report_id,
  });

export const toSubheading = (r: SubheadingRow): Subheading =>
  Object.assign(new Subheading(), { title: r.title, paragraphNumbers: r.paragraphs });

export const toParagraph = (r: ParagraphRow): Paragraph =>
  Object.assign(new Paragraph(), {
    number: r.number,
    subheading: r.subheading,
    text: r.text,
    reportId: r.report_id,
    sectionKey: r.section_key,
  });

export const toFootnote = (r: FootnoteRow): Footnote =>
  Object.assign(new Footnote(), {
    number: r.number,
    text: r.text,
    anchor: r.anchor,
    paragraphNumber: r.paragraph_number,
    reportId: r.report_id,
  });

export const toDiscussionQuestion = (r: DiscussionQuestionRow): DiscussionQuestion =>
  Object.assign(new DiscussionQuestion(), {
    letter: r.letter,
    item: r.item || null,
    label: `(${r.letter})${r.item ? `(${r.item})` : ""}`,
    text: r.text,
    paragraphNumber: r.paragraph_number,
    reportId: r.report_id,
    sectionKey: r.section_key,
  });
