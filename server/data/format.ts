/**
 * The ccm-graph dataset format: one JSON file per report.
 *
 * A report file holds the report's metadata, its structure (sections, paragraphs, footnotes,
 * discussion questions), every state it names with the spellings it uses, and every finding:
 * a claim about a group of states or a number, with the paragraph and footnote behind it and
 * what it asserts about each state in typed form. Inconsistencies in the report are recorded as
 * discrepancies, never corrected. The closed lists of words it uses (themes, groups, assertion
 * kinds ...) are declared, with their meanings, in server/vocabulary/.
 *
 * The format is validated with zod; `parseReportFile` in ./validate.ts turns a file into a
 * `ReportDataset` or an error naming the file and the JSON path.
 */
import { z } from "zod";

import { AssertionKind, DeadlineRule, DiscrepancyKind, Group, OrganisationKind, Theme } from "../vocabulary";

export const FORMAT_VERSION = 1;

const iso3 = z.string().regex(/^[A-Z]{3}$/, "an ISO 3166-1 alpha-3 code in capitals");
const isoDate = z.iso.date();
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes");
const text = z.string().trim().min(1);
/** A VAP action number (#1-#66) or an inclusive range written "33-36". */
const actionRef = z.union([
  z.number().int().min(1).max(66),
  z.string().regex(/^\d{1,2}-\d{1,2}$/, 'an action range such as "33-36"'),
]);

export const reportSchema = z.strictObject({
  id: slug,
  title: text,
  /** True for generated test and benchmark data: such reports are never real findings. */
  synthetic: z.boolean().default(false),
  meeting: z.strictObject({
    name: text,
    abbreviation: text,
    city: text,
    month: z.string().regex(/^\d{4}-\d{2}$/),
  }),
  period: z.strictObject({
    fromMeeting: text,
    fromAbbreviation: text,
    fromCity: text,
    from: isoDate,
    to: isoDate,
  }),
  finalisedOn: isoDate,
  submittedBy: z.strictObject({ role: text, state: iso3 }),
  preparedBy: z.strictObject({
    capacity: text,
    state: iso3,
    footnote: z.number().int().positive().nullable(),
  }),
  /** The source text file, relative to the dataset file, and its SHA-256. */
  source: z.strictObject({ file: text, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  note: text.nullable().default(null),
});

export const sectionSchema = z.strictObject({
  /** "intro" for the unnumbered opening paragraphs, otherwise the Roman numeral. */
  key: z.string().regex(/^(intro|[IVXL]+)$/),
  numeral: z
    .string()
    .regex(/^[IVXL]+$/)
    .nullable(),
  title: text,
  subheadings: z.array(
    z.strictObject({ title: text, paragraphs: z.array(z.number().int().positive()).min(1) }),
  ),
});

export const paragraphSchema = z.strictObject({
  number: z.number().int().positive(),
  section: z.string(),
  /** The sub-heading the paragraph stands under, if any ("Scope", "Actions #2-7", ...). */
  subheading: text.nullable(),
  text,
});

export const footnoteSchema = z.strictObject({
  number: z.number().int().positive(),
  /** The paragraph whose text carries the footnote marker. */
  paragraph: z.number().int().positive(),
  /** The words the marker follows, a verbatim substring of the paragraph text. */
  anchor: text,
  text,
});

export const stateSchema = z.strictObject({
  code: iso3,
  /**
   * Every spelling of the state's name that the report uses, verbatim (typographic apostrophes
   * kept). Empty for a state the report never names but the data must declare (its note says why).
   */
  spellings: z.array(text),
  note: text.nullable().default(null),
});

export const actionSchema = z.strictObject({
  number: z.number().int().min(1).max(66),
  theme: z.enum(Theme.values),
  /** Only where the report itself describes the action; otherwise null. */
  description: text.nullable(),
  paragraphs: z.array(z.number().int().positive()).min(1),
  /** True where the report treats the action as time-bound (see `note` for where it says so). */
  timeBound: z.boolean().default(false),
  note: text.nullable().default(null),
});

export const assertionSchema = z.strictObject({
  state: iso3,
  kind: z.enum(AssertionKind.values),
  /** Free detail the report gives about this state in this finding ("which has begun to destroy its stockpiles"). */
  detail: text.nullable().default(null),
  /** For an extension granted (kinds whose meaning extends a deadline): the new deadline. */
  until: isoDate.nullable().default(null),
});

export const findingSchema = z.strictObject({
  /** Stable id within the report, e.g. "p17-ratifications". */
  id: slug,
  paragraph: z.number().int().positive(),
  footnote: z.number().int().positive().nullable(),
  group: z.enum(Group.values),
  theme: z.enum(Theme.values),
  /** The count the report states, as a number; null where it states none ("several", "a number of"). */
  statedCount: z.number().int().nonnegative().nullable(),
  /** The count as the report words it ("Six", "15", "as many as 28"). */
  statedCountText: text.nullable(),
  /** What is counted when the finding is a figure rather than a list of states (e.g. "submunitions"). */
  unit: text.nullable().default(null),
  /** True when the report presents its list as not exhaustive ("i.a.", "including"). */
  listIsPartial: z.boolean().default(false),
  articles: z.array(z.number().int().min(1).max(23)),
  actions: z.array(actionRef),
  /** A short verbatim quote from the paragraph (or footnote) that states the finding. */
  quote: text,
  summary: text,
  /** The states the finding names, each with what it asserts about that state. */
  assertions: z.array(assertionSchema),
  /** A judgement call made when reading the report, recorded beside the data. */
  note: text.nullable().default(null),
  /**
   * For a count of States Parties with a deadline (paragraph 71's "47 States Parties have
   * reporting Article 7 deadlines up to the 2MSP"): the rule and the date the count is checked
   * against. The ingest counts what the rule gives and records any difference as a discrepancy.
   */
  deadlineCheck: z
    .strictObject({ rule: z.enum(DeadlineRule.values), dueOnOrBefore: isoDate, note: text })
    .nullable()
    .default(null),
});

export const discussionQuestionSchema = z.strictObject({
  paragraph: z.number().int().positive(),
  /** "a", "b", ...; with `item` for nested lists like 26 (a)(i). */
  letter: z.string().regex(/^[a-z]$/),
  item: z
    .string()
    .regex(/^[ivx]+$/)
    .nullable()
    .default(null),
  text,
});

export const discrepancySchema = z.strictObject({
  id: slug,
  kind: z.enum(DiscrepancyKind.values),
  description: text,
  /** What the report says, in its words. */
  reportSays: text,
  /** What the other side says (the footnote's list, another paragraph, the depositary record). */
  otherSideSays: text,
  paragraphs: z.array(z.number().int().positive()).min(1),
  footnotes: z.array(z.number().int().positive()),
  states: z.array(iso3),
  findings: z.array(slug),
  /** The reading choice made in recording it, if any. */
  note: text.nullable().default(null),
});

export const organisationSchema = z.strictObject({
  key: slug,
  name: text,
  abbreviation: text.nullable(),
  kind: z.enum(OrganisationKind.values),
  roles: z
    .array(z.strictObject({ role: text, paragraphs: z.array(z.number().int().positive()).min(1) }))
    .min(1),
});

export const useInstanceSchema = z.strictObject({
  id: slug,
  /** The state that used cluster munitions, where the report names one. */
  user: iso3.nullable(),
  /** The state on whose territory they were used, where the report names one. */
  territory: iso3.nullable(),
  year: z.number().int(),
  description: text,
  paragraphs: z.array(z.number().int().positive()).min(1),
});

export const reportDatasetSchema = z.strictObject({
  formatVersion: z.literal(FORMAT_VERSION),
  report: reportSchema,
  sections: z.array(sectionSchema).min(1),
  paragraphs: z.array(paragraphSchema).min(1),
  footnotes: z.array(footnoteSchema),
  states: z.array(stateSchema),
  actions: z.array(actionSchema),
  findings: z.array(findingSchema),
  discussionQuestions: z.array(discussionQuestionSchema),
  discrepancies: z.array(discrepancySchema),
  organisations: z.array(organisationSchema),
  useInstances: z.array(useInstanceSchema),
});

/** One row of the treaty participation record (server/data/ccm-participants.json). */
export const participantSchema = z.strictObject({
  state: text,
  iso3,
  signed: isoDate.nullable(),
  joined: isoDate.nullable(),
  joinedBy: z.enum(["ratification", "accession", "acceptance", "approval"]).nullable(),
  withdrawalEffective: isoDate.nullable(),
  sources: z.array(z.string().url()).min(1),
});
export const participantsSchema = z.array(participantSchema).min(1);

export type ReportDataset = z.infer<typeof reportDatasetSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type Participant = z.infer<typeof participantSchema>;
