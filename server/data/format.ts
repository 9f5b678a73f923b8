/**
 * The ccm-graph dataset format: one JSON file per report.
 *
 * A report file holds the report's metadata, its structure (sections, paragraphs, footnotes,
 * discussion questions), every state it names with the spellings it uses, and every finding:
 * a claim about a group of states or a number, with the paragraph and footnote behind it and
 * what it asserts about each state in typed form. Inconsistencies in the report are recorded as
 * discrepancies, never corrected.
 *
 * The format is validated with zod; `parseReportFile` in ./validate.ts turns a file into a
 * `ReportDataset` or an error naming the file and the JSON path.
 */
import { z } from "zod";

export const FORMAT_VERSION = 1;

/** The group of states a finding speaks of, as the report words it. */
export const GROUPS = [
  "STATES_PARTIES",
  "SIGNATORIES",
  "STATES_NOT_PARTY",
  /** "states" in the report's sense (paragraph 2): States Parties, signatories and States not Party. */
  "STATES",
  /** A finding that names members of several groups in one list, e.g. "one State Party and one signatory". */
  "MIXED",
  /** A figure about no group of states (submunitions destroyed, territories, countries). */
  "NONE",
] as const;

export const THEMES = [
  "UNIVERSALIZATION",
  "STOCKPILE_DESTRUCTION",
  "RETENTION",
  "CLEARANCE",
  "RISK_REDUCTION",
  "VICTIM_ASSISTANCE",
  "COOPERATION_AND_ASSISTANCE",
  "TRANSPARENCY",
  "NATIONAL_IMPLEMENTATION",
  "IMPLEMENTATION_SUPPORT",
  "COMPLIANCE",
  "PARTNERSHIPS",
  "GENERAL",
] as const;

/**
 * What a finding asserts about one state. Each kind feeds at most one derived fact (see
 * server/domain/facts.ts): an obligation by article, a stockpile status, an assistance need, an
 * assistance provided, a legislation status or a transparency record.
 */
export const ASSERTION_KINDS = [
  // General
  "PRESIDED_MEETING",
  "PREPARED_REPORT",
  // Universalization
  "JOINED_SINCE_FIRST_MEETING",
  "DECLARED_RATIFICATION_CLOSE",
  "INDICATED_RATIFICATION_IMMINENT",
  "PROMOTED_ADHERENCE",
  "ENCOURAGED_STATES_NOT_PARTY",
  "FUNDED_CIVIL_SOCIETY_ADVOCACY",
  "USED_CLUSTER_MUNITIONS",
  "CLUSTER_MUNITIONS_USED_ON_TERRITORY",
  "CONSIDERING_ACCESSION",
  // Stockpile destruction (Article 3)
  "DECLARED_DESTRUCTION_OBLIGATION",
  "BEGAN_DESTRUCTION",
  "PLANNING_DESTRUCTION",
  "INITIATED_DESTRUCTION_TENDER",
  "COMPLETED_DESTRUCTION",
  "DECLARED_STOCKPILE",
  "HAS_PREVIOUS_STOCKPILE",
  "HAS_EXISTING_STOCKPILE",
  "REPORTED_STOCKPILE_QUANTITIES",
  "USED_LOW_COST_DESTRUCTION",
  "WILL_COMPLETE_DESTRUCTION_EARLY",
  "READY_TO_ASSIST_STOCKPILE_DESTRUCTION",
  "READY_TO_SHARE_DESTRUCTION_EXPERTISE",
  "RECEIVED_DESTRUCTION_TECHNICAL_ASSISTANCE",
  "IDENTIFIED_DESTRUCTION_PARTNER",
  // Retention (Article 3.6-3.8)
  "RETAINS_CLUSTER_MUNITIONS",
  "REPORTED_RETAINED_TYPES",
  "REPORTED_RETAINED_QUANTITIES",
  "DETERMINING_RETAINED_QUANTITIES",
  "REPORTED_RETAINED_CONSUMPTION",
  "RETAINS_INERT_ITEMS_ONLY",
  // Clearance and risk reduction (Article 4)
  "HAS_CLEARANCE_OBLIGATION",
  "AMONG_MOST_AFFECTED",
  "COMPLETED_CLEARANCE",
  "REPORTED_CLEARANCE_PROGRESS",
  "REPORTED_STEPS_ON_CONTAMINATION",
  "REPORTED_CLEARANCE_METHODS",
  "REPORTED_CONTAMINATED_AREAS",
  "REPORTED_RISK_REDUCTION",
  "WARNED_POPULATION",
  // Victim assistance (Article 5)
  "HAS_VICTIM_ASSISTANCE_OBLIGATION",
  "AMONG_WORST_AFFECTED_BY_VICTIMS",
  "ESTABLISHED_VICTIM_ASSISTANCE_COORDINATION",
  "INTEGRATED_VICTIM_ASSISTANCE_COORDINATION",
  /** Reviewed national plans, laws and policies (VAP Action #26; paragraph 48). */
  "REVIEWED_NATIONAL_PLANS_AND_POLICIES",
  "STARTED_VICTIM_DATA_COLLECTION",
  "DEVELOPED_VICTIM_ASSISTANCE_PLANS",
  "COOPERATES_WITH_SURVIVORS",
  // International cooperation and assistance (Article 6)
  "HAS_OPERATIVE_OBLIGATIONS",
  "NEEDS_ASSISTANCE",
  "NEEDS_ASSISTANCE_STOCKPILE_DESTRUCTION",
  "NEEDS_ASSISTANCE_CLEARANCE_AND_RISK_REDUCTION",
  "NEEDS_ASSISTANCE_VICTIM_ASSISTANCE",
  "PROVIDED_FUNDING",
  "RECEIVED_FUNDING",
  "APPLIED_COOPERATION_ACTIONS",
  // Implementation support
  "PROPOSED_IMPLEMENTATION_SUPPORT_UNIT",
  // Transparency (Article 7)
  "SUBMITTED_VOLUNTARY_REPORT",
  // National implementation (Article 9)
  "ADOPTED_OR_DEEMS_LEGISLATION_SUFFICIENT",
  "ADOPTED_SPECIFIC_LEGISLATION",
  "EXISTING_LEGISLATION_ADEQUATE",
  "LEGISLATION_IN_PROGRESS",
  "INFORMED_STATE_AGENCIES",
] as const;

export const DISCREPANCY_KINDS = [
  /** The count the report states differs from the number of states its footnote lists. */
  "COUNT_MISMATCH",
  /** The report gives one state two different statuses (State Party in one place, signatory in another). */
  "STATUS_CONFLICT",
  /** The report's status for a state contradicts the depositary record on the report's date. */
  "DEPOSITARY_CONFLICT",
  /** Two figures or lists of the report that should agree do not (e.g. a subset larger than its set). */
  "CROSS_REFERENCE_MISMATCH",
] as const;

export const ORGANISATION_KINDS = [
  "INTERNATIONAL_ORGANISATION",
  "CIVIL_SOCIETY",
  "UNITED_NATIONS",
  "REGIONAL_ORGANISATION",
  "CONVENTION_OFFICE",
] as const;

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
  /** Every spelling of the state's name that the report uses, verbatim (typographic apostrophes kept). */
  spellings: z.array(text).min(1),
  note: text.nullable().default(null),
});

export const actionSchema = z.strictObject({
  number: z.number().int().min(1).max(66),
  theme: z.enum(THEMES),
  /** Only where the report itself describes the action; otherwise null. */
  description: text.nullable(),
  paragraphs: z.array(z.number().int().positive()).min(1),
});

export const assertionSchema = z.strictObject({
  state: iso3,
  kind: z.enum(ASSERTION_KINDS),
  /** Free detail the report gives about this state in this finding ("which has begun to destroy its stockpiles"). */
  detail: text.nullable().default(null),
});

export const findingSchema = z.strictObject({
  /** Stable id within the report, e.g. "p17-ratifications". */
  id: slug,
  paragraph: z.number().int().positive(),
  footnote: z.number().int().positive().nullable(),
  group: z.enum(GROUPS),
  theme: z.enum(THEMES),
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
  kind: z.enum(DISCREPANCY_KINDS),
  description: text,
  /** What the report says, in its words. */
  reportSays: text,
  /** What the other side says (the footnote's list, another paragraph, the depositary record). */
  otherSideSays: text,
  paragraphs: z.array(z.number().int().positive()).min(1),
  footnotes: z.array(z.number().int().positive()),
  states: z.array(iso3),
  findings: z.array(slug),
});

export const organisationSchema = z.strictObject({
  key: slug,
  name: text,
  abbreviation: text.nullable(),
  kind: z.enum(ORGANISATION_KINDS),
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
export type AssertionKind = (typeof ASSERTION_KINDS)[number];
export type Theme = (typeof THEMES)[number];
export type Group = (typeof GROUPS)[number];
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];
