/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { type GraphQLClient, type RequestOptions } from 'graphql-request';
import { gql } from 'graphql-tag';
type GraphQLClientRequestHeaders = RequestOptions['requestHeaders'];
/** What a finding asserts about one state, in typed form. */
export type AssertionKind =
  /** Adopted legislation or considers existing legislation sufficient (Article 9). */
  | 'ADOPTED_OR_DEEMS_LEGISLATION_SUFFICIENT'
  /** Has a specific cluster munitions law. */
  | 'ADOPTED_SPECIFIC_LEGISLATION'
  /** Among the countries most heavily affected by cluster munitions in the world. */
  | 'AMONG_MOST_AFFECTED'
  /** Among the worst affected, responsible for the care of several thousand victims. */
  | 'AMONG_WORST_AFFECTED_BY_VICTIMS'
  /** Took steps in line with Actions #33-36 (plans, partners, communicating needs). */
  | 'APPLIED_COOPERATION_ACTIONS'
  /** Has begun to destroy its stockpile. */
  | 'BEGAN_DESTRUCTION'
  /** Cluster munitions were used on its territory. */
  | 'CLUSTER_MUNITIONS_USED_ON_TERRITORY'
  /** Completed clearance of all contaminated areas before entry into force. */
  | 'COMPLETED_CLEARANCE'
  /** Declared the destruction of its stockpile completed. */
  | 'COMPLETED_DESTRUCTION'
  /** Stated it hopes to prepare for accession. */
  | 'CONSIDERING_ACCESSION'
  /** Reported close cooperation with survivors and their organisations. */
  | 'COOPERATES_WITH_SURVIVORS'
  /** Declared an obligation to destroy stockpiled cluster munitions (Article 3). */
  | 'DECLARED_DESTRUCTION_OBLIGATION'
  /** Declared that its ratification is close. */
  | 'DECLARED_RATIFICATION_CLOSE'
  /** Declared or indicated that it possesses stockpiles that will have to be destroyed. */
  | 'DECLARED_STOCKPILE'
  /** Is determining the quantities it retains. */
  | 'DETERMINING_RETAINED_QUANTITIES'
  /** Developed or adapted victim assistance plans and budgets (Action #24). */
  | 'DEVELOPED_VICTIM_ASSISTANCE_PLANS'
  /** Reported encouraging States not Party to accede. */
  | 'ENCOURAGED_STATES_NOT_PARTY'
  /** Established a coordinating mechanism for victim assistance (Action #21). */
  | 'ESTABLISHED_VICTIM_ASSISTANCE_COORDINATION'
  /** Reported that its existing legislation is adequate. */
  | 'EXISTING_LEGISLATION_ADEQUATE'
  /** Provides funding for civil society to advocate the Convention. */
  | 'FUNDED_CIVIL_SOCIETY_ADVOCACY'
  /** Was granted an extension of its clearance deadline (Article 4(5)). */
  | 'GRANTED_CLEARANCE_EXTENSION'
  /** Was granted an extension of its stockpile destruction deadline (Article 3(3)-(4)). */
  | 'GRANTED_DESTRUCTION_EXTENSION'
  /** Has obligations under Article 4 (clearance of contaminated areas). */
  | 'HAS_CLEARANCE_OBLIGATION'
  /** Is reported to have existing stockpiles. */
  | 'HAS_EXISTING_STOCKPILE'
  /** Reported to have obligations under Article 3, 4 and/or 5. */
  | 'HAS_OPERATIVE_OBLIGATIONS'
  /** Is reported to have had stockpiles previously. */
  | 'HAS_PREVIOUS_STOCKPILE'
  /** Has obligations under Article 5(1) (assistance to cluster munition victims). */
  | 'HAS_VICTIM_ASSISTANCE_OBLIGATION'
  /** Identified a partner for the destruction of its stockpile. */
  | 'IDENTIFIED_DESTRUCTION_PARTNER'
  /** Identified another State Party with practical experience relevant for its task (Action #35). */
  | 'IDENTIFIED_EXPERIENCED_STATE_PARTY'
  /** Indicated in outreach that ratification is imminent. */
  | 'INDICATED_RATIFICATION_IMMINENT'
  /** Indicated that assistance will be required to meet its stockpile destruction obligation (Action #9). */
  | 'INDICATED_STOCKPILE_ASSISTANCE_REQUIRED'
  /** Informed other state agencies of the Convention's prohibitions (Action #65). */
  | 'INFORMED_STATE_AGENCIES'
  /** Has initiated a tendering process for destruction. */
  | 'INITIATED_DESTRUCTION_TENDER'
  /** Integrated victim assistance into existing coordination mechanisms (Action #23). */
  | 'INTEGRATED_VICTIM_ASSISTANCE_COORDINATION'
  /** Ratified or acceded to the Convention since the First Meeting of States Parties. */
  | 'JOINED_SINCE_FIRST_MEETING'
  /** In the process of adopting legislation. */
  | 'LEGISLATION_IN_PROGRESS'
  /** Reported a need for international cooperation and assistance. */
  | 'NEEDS_ASSISTANCE'
  /** Reported assistance needs for clearance and/or risk reduction. */
  | 'NEEDS_ASSISTANCE_CLEARANCE_AND_RISK_REDUCTION'
  /** Reported assistance needs for stockpile destruction. */
  | 'NEEDS_ASSISTANCE_STOCKPILE_DESTRUCTION'
  /** Reported assistance needs for victim assistance. */
  | 'NEEDS_ASSISTANCE_VICTIM_ASSISTANCE'
  /** Had not been able to develop a national plan yet. */
  | 'NO_NATIONAL_PLAN_YET'
  /** Has a destruction plan in place or is developing one. */
  | 'PLANNING_DESTRUCTION'
  /** Prepared the report as a Friend of the President. */
  | 'PREPARED_REPORT'
  /** Presided over a Meeting of States Parties. */
  | 'PRESIDED_MEETING'
  /** Reported actions to promote adherence to the Convention in international forums. */
  | 'PROMOTED_ADHERENCE'
  /** Presented a proposal on establishing an Implementation Support Unit. */
  | 'PROPOSED_IMPLEMENTATION_SUPPORT_UNIT'
  /** Reported providing funding for international cooperation and assistance. */
  | 'PROVIDED_FUNDING'
  /** Ready to provide assistance on stockpile destruction to other states. */
  | 'READY_TO_ASSIST_STOCKPILE_DESTRUCTION'
  /** Ready to share knowledge and experience on stockpile destruction. */
  | 'READY_TO_SHARE_DESTRUCTION_EXPERTISE'
  /** Received technical assistance to destroy cluster munitions. */
  | 'RECEIVED_DESTRUCTION_TECHNICAL_ASSISTANCE'
  /** Reported receiving dedicated funding for implementation. */
  | 'RECEIVED_FUNDING'
  /** Reported methods applied for survey and clearance. */
  | 'REPORTED_CLEARANCE_METHODS'
  /** Reported priorities and progress on clearance. */
  | 'REPORTED_CLEARANCE_PROGRESS'
  /** Gave the size and location of contaminated areas. */
  | 'REPORTED_CONTAMINATED_AREAS'
  /** Reported consumption of retained munitions for training. */
  | 'REPORTED_RETAINED_CONSUMPTION'
  /** Reported the quantities of retained cluster munitions. */
  | 'REPORTED_RETAINED_QUANTITIES'
  /** Reported the types of retained cluster munitions. */
  | 'REPORTED_RETAINED_TYPES'
  /** Reported risk reduction programmes for its population. */
  | 'REPORTED_RISK_REDUCTION'
  /** Reported steps taken to address contamination. */
  | 'REPORTED_STEPS_ON_CONTAMINATION'
  /** Reported the number of cluster munitions stockpiled. */
  | 'REPORTED_STOCKPILE_QUANTITIES'
  /** Retains cluster munitions for permitted purposes (Article 3.6). */
  | 'RETAINS_CLUSTER_MUNITIONS'
  /** Retains only items free from explosives, which are not cluster munitions. */
  | 'RETAINS_INERT_ITEMS_ONLY'
  /** Reviewed national plans and policies for victim assistance (Action #26). */
  | 'REVIEWED_NATIONAL_PLANS_AND_POLICIES'
  /** Started data collection on victims (Action #22). */
  | 'STARTED_VICTIM_DATA_COLLECTION'
  /** Submitted its initial Article 7 transparency report (the report cites what it declared there). */
  | 'SUBMITTED_INITIAL_REPORT'
  /** Submitted a transparency report on a voluntary basis. */
  | 'SUBMITTED_VOLUNTARY_REPORT'
  /** Took concrete steps in line with Action #8 (destruction under way or completed). */
  | 'TOOK_DESTRUCTION_STEPS_ACTION_8'
  /** Used cluster munitions. */
  | 'USED_CLUSTER_MUNITIONS'
  /** Benefitted from a low-cost on-site destruction process. */
  | 'USED_LOW_COST_DESTRUCTION'
  /** Reported steps to warn the population against the risk of cluster munitions. */
  | 'WARNED_POPULATION'
  /** Indicated it will finish destruction well before its deadline. */
  | 'WILL_COMPLETE_DESTRUCTION_EARLY';

/** Matches states that reported giving (or receiving) assistance. */
export type AssistanceFilter = {
  /** Only these kinds. Omitted on `assistanceProvided`: FUNDING, CIVIL_SOCIETY_FUNDING and the offers; on `assistanceReceived`: FUNDING_RECEIVED and TECHNICAL_ASSISTANCE_RECEIVED. */
  kindIn?: Array<AssistanceKind> | null | undefined;
};

/** Assistance a state reported giving (or receiving). */
export type AssistanceKind =
  /** Funds civil society to advocate the Convention. */
  | 'CIVIL_SOCIETY_FUNDING'
  /** Ready to share knowledge and experience on stockpile destruction. */
  | 'EXPERTISE_OFFERED'
  /** Provided funding for international cooperation and assistance. */
  | 'FUNDING'
  /** Received dedicated funding for implementation (a recipient, not a provider). */
  | 'FUNDING_RECEIVED'
  /** Ready to provide assistance on stockpile destruction. */
  | 'STOCKPILE_DESTRUCTION_SUPPORT_OFFERED'
  /** Received technical assistance to destroy cluster munitions. */
  | 'TECHNICAL_ASSISTANCE_RECEIVED';

/** Matches states that reported assistance needs. */
export type AssistanceNeedFilter = {
  /** Only needs in these areas; any area if omitted. */
  areaIn?: Array<NeedArea> | null | undefined;
};

/** Conditions on one deadline; all given fields must hold for the same deadline. Status is taken on the query's `asOf` date. */
export type DeadlineFilter = {
  /** The Convention article that sets it: 3, 4 or 7. */
  article?: number | null | undefined;
  /** Due on or after this date (YYYY-MM-DD). */
  dueFrom?: string | null | undefined;
  /** Due on or before this date (YYYY-MM-DD). */
  dueTo?: string | null | undefined;
  /** The deadline is one of these. */
  ruleIn?: Array<DeadlineRule> | null | undefined;
  /** Its status on `asOf` is one of these (DUE_NOT_REPORTED_MET: overdue as far as the report says). */
  statusIn?: Array<DeadlineStatus> | null | undefined;
};

/** A deadline the Convention sets for a State Party. */
export type DeadlineRule =
  /** Article 7(2): the annual update, covering the previous calendar year, by 30 April each year (the first one after the initial report). */
  | 'ANNUAL_REPORT'
  /** Article 4(1)(a): clear cluster munition remnants in areas under the state's jurisdiction or control at entry into force no later than ten years after that date. */
  | 'CLEARANCE'
  /** Article 7(1): the initial transparency report, no later than 180 days after entry into force. */
  | 'INITIAL_REPORT'
  /** Article 3(2): destroy all stockpiled cluster munitions no later than eight years after entry into force for the state. */
  | 'STOCKPILE_DESTRUCTION';

/** Where a deadline stands on a date. */
export type DeadlineStatus =
  /** The due date has passed on the date asked about, and no report says the obligation was met. */
  | 'DUE_NOT_REPORTED_MET'
  /** A report records an extension of the deadline (Articles 3(3)-(4) and 4(5)); see `extendedUntil`. */
  | 'EXTENDED'
  /** A report says the obligation was met (see `metBy`). */
  | 'MET'
  /** The due date is after the date asked about, and no report says it was met. */
  | 'NOT_YET_DUE';

/** Conditions on discrepancies; all given fields must hold. */
export type DiscrepancyFilter = {
  /** The discrepancy involves this footnote. */
  footnote?: number | null | undefined;
  /** The kind is one of these. */
  kindIn?: Array<DiscrepancyKind> | null | undefined;
  /** The discrepancy involves this paragraph. */
  paragraph?: number | null | undefined;
  /** The discrepancy involves this state (ISO alpha-3 code). */
  stateCode?: string | null | undefined;
};

/** How the report disagrees with itself or with the depositary record. */
export type DiscrepancyKind =
  /** The count the report states differs from the number of states it lists. */
  | 'COUNT_MISMATCH'
  /** Two figures or lists of the report that should agree do not. */
  | 'CROSS_REFERENCE_MISMATCH'
  /** A figure the report gives about deadlines differs from what the Convention's rules give from the depositary dates (the computation is shown). */
  | 'DEADLINE_MISMATCH'
  /** The report's status for a state contradicts the UN depositary record. */
  | 'DEPOSITARY_CONFLICT'
  /** A misprint in the source, kept verbatim and flagged (a stray character, a wrong word or name). */
  | 'MISPRINT'
  /** A list the report marks as partial ("i.a.", "inter alia", "including", "such as"). */
  | 'PARTIAL_LIST'
  /** The report gives one state two different statuses. */
  | 'STATUS_CONFLICT'
  /** Summary wording ("all", "none", "most", a number) that the lists and footnotes it summarises contradict. */
  | 'SUMMARY_CONTRADICTED'
  /** Summary wording that the report's own lists and footnotes do not bear out (they support it only in part). */
  | 'SUMMARY_NOT_BORNE_OUT';

/** What to group finding counts by. */
export type FindingCountDimension =
  /** Each Vientiane Action Plan action it concerns. */
  | 'ACTION'
  /** Each Convention article it concerns. */
  | 'ARTICLE'
  /** Each kind of assertion it makes. */
  | 'ASSERTION_KIND'
  /** The group of states it speaks of. */
  | 'GROUP'
  /** The finding's theme. */
  | 'THEME';

/** Conditions on findings. Fields in one object must all hold (AND); combine objects with `and`, `or`, `not`. */
export type FindingFilter = {
  /** The finding concerns this Vientiane Action Plan action number. */
  actionNumber?: number | null | undefined;
  /** All of these must hold. */
  and?: Array<FindingFilter> | null | undefined;
  /** The finding concerns this Convention article. */
  article?: number | null | undefined;
  /** The finding asserts one of these kinds (about the state in question, when used inside a state filter). */
  assertionKindIn?: Array<AssertionKind> | null | undefined;
  /** True: only findings whose stated count differs from the states they list. */
  countDiffers?: boolean | null | undefined;
  /** The finding rests on this footnote. */
  footnote?: number | null | undefined;
  /** The group the finding speaks of is one of these. */
  groupIn?: Array<Group> | null | undefined;
  /** True: only findings a recorded discrepancy involves; false: only others. */
  hasDiscrepancy?: boolean | null | undefined;
  /** This must not hold. */
  not?: FindingFilter | null | undefined;
  /** At least one of these must hold. */
  or?: Array<FindingFilter> | null | undefined;
  /** The finding is stated in this paragraph. */
  paragraph?: number | null | undefined;
  /** The finding names this state (ISO alpha-3 code). */
  stateCode?: string | null | undefined;
  /** The finding's theme is one of these. */
  themeIn?: Array<Theme> | null | undefined;
};

/** Relation filter on a state's findings: `some` (at least one matches) and/or `none` (no finding matches). */
export type FindingRelationFilter = {
  /** No finding about the state matches. */
  none?: FindingFilter | null | undefined;
  /** At least one finding about the state matches. */
  some?: FindingFilter | null | undefined;
};

/** The group of states a finding speaks of, as the report words it. */
export type Group =
  /** One list naming members of several groups, e.g. "one State Party and one signatory". */
  | 'MIXED'
  /** A figure about no group of states (submunitions destroyed, territories). */
  | 'NONE'
  /** The report speaks of signatories (states that signed but had not ratified). */
  | 'SIGNATORIES'
  /** The report says "states": States Parties, signatories and States not Party alike (paragraph 2). */
  | 'STATES'
  /** The report speaks of States not Party. */
  | 'STATES_NOT_PARTY'
  /** The report speaks of States Parties. */
  | 'STATES_PARTIES';

/** Conditions on a state's implementation of the actions: the state has an action matching `actionIn`, `theme` and `timeBound` whose cell shows one of `linkIn` (its strongest link). */
export type ImplementationFilter = {
  /** The action's number is one of these. */
  actionIn?: Array<number> | null | undefined;
  /** The cell's link (the strongest the report gives) is one of these; any link if omitted. */
  linkIn?: Array<ImplementationLink> | null | undefined;
  /** The action belongs to this theme. */
  theme?: Theme | null | undefined;
  /** True: only actions the report treats as time-bound; false: only the others. */
  timeBound?: boolean | null | undefined;
};

/** How the report links a state to a Vientiane Action Plan action. When several links hold, the strongest is the cell's: REPORTED, then NOT_IMPLEMENTED, then IN_SCOPE. */
export type ImplementationLink =
  /** The state falls within the action's scope (listed under a sub-heading that cites the action, or a State Party with the obligations the action concerns), with no report of implementation. */
  | 'IN_SCOPE'
  /** The report says the state has not implemented the action. */
  | 'NOT_IMPLEMENTED'
  /** The report says the state reported implementing the action, or progress on it. */
  | 'REPORTED';

/** Matches states by what the report says about their legislation (Article 9). */
export type LegislationFilter = {
  /** Only these statuses; any if omitted. */
  statusIn?: Array<LegislationStatus> | null | undefined;
};

/** What the report says about a state's national implementation legislation (Article 9). */
export type LegislationStatus =
  /** Adopted legislation or considers existing legislation sufficient (the union of the two above). */
  | 'ADOPTED_OR_SUFFICIENT'
  /** Reported that its existing legislation is adequate. */
  | 'EXISTING_LEGISLATION_ADEQUATE'
  /** In the process of adopting legislation. */
  | 'IN_PROGRESS'
  /** Has a specific cluster munitions law. */
  | 'SPECIFIC_LEGISLATION';

/** The area in which a state reported needing international assistance (Article 6). */
export type NeedArea =
  /** Assistance for clearance and/or risk reduction (Article 4). */
  | 'CLEARANCE_AND_RISK_REDUCTION'
  /** Assistance to destroy stockpiles (Article 3). */
  | 'STOCKPILE_DESTRUCTION'
  /** "Some sort of international cooperation and assistance", area not given. */
  | 'UNSPECIFIED'
  /** Assistance for victim assistance (Article 5). */
  | 'VICTIM_ASSISTANCE';

/** Matches states with an obligation. Both fields are optional; together they narrow. `obligation: {}` also matches obligations whose article the report leaves open ("Articles 3, 4 and/or 5"); `obligation: { article: 4 }` matches only obligations the report attributes to Article 4. */
export type ObligationFilter = {
  /** The article: 3 (stockpiles), 4 (clearance) or 5 (victim assistance). Any if omitted, including obligations whose article the report leaves open; given, only obligations the report attributes to that article. */
  article?: number | null | undefined;
  /** OPERATIVE (still to be met) or FULFILLED. Defaults to OPERATIVE; pass null for either. */
  status?: ObligationStatus | null | undefined;
};

/** Whether a treaty obligation is still to be met. */
export type ObligationStatus =
  /** The report says the state has completed what the obligation requires. */
  | 'FULFILLED'
  /** The report says the state has the obligation (e.g. stockpiles to destroy, land to clear). */
  | 'OPERATIVE';

/** What kind of body an organisation named in the report is. */
export type OrganisationKind =
  /** A civil society organisation or coalition. */
  | 'CIVIL_SOCIETY'
  /** An office of the Convention: the President or a thematic Friend of the President. */
  | 'CONVENTION_OFFICE'
  /** An international organisation such as the ICRC or the GICHD. */
  | 'INTERNATIONAL_ORGANISATION'
  /** A regional organisation such as the European Union. */
  | 'REGIONAL_ORGANISATION'
  /** The United Nations or one of its bodies. */
  | 'UNITED_NATIONS';

/** Where a search hit was found. */
export type SearchHitKind =
  /** In a footnote's text. */
  | 'FOOTNOTE'
  /** In a paragraph's text. */
  | 'PARAGRAPH';

/** Ascending or descending order. */
export type SortDirection =
  /** Ascending: A to Z, smallest first. */
  | 'ASC'
  /** Descending: Z to A, largest first. */
  | 'DESC';

/** What to group state counts by. */
export type StateCountDimension =
  /** Kind of assistance reported given or received. */
  | 'ASSISTANCE_PROVIDED'
  /** The year a deadline falls due (a state counts once per year); only deadlines matching `filter.deadline` when it is given. */
  | 'DEADLINE_YEAR'
  /** Theme of the findings that name the state. */
  | 'FINDING_THEME'
  /** Legislation status (Article 9). */
  | 'LEGISLATION_STATUS'
  /** Area of reported assistance need. */
  | 'NEED_AREA'
  /** Article of an operative obligation (3, 4, 5), or UNSPECIFIED where the report leaves the article open; a state counts once per group. */
  | 'OBLIGATION_ARTICLE'
  /** Treaty status on `asOf` (STATE_PARTY, SIGNATORY, NOT_PARTY). */
  | 'STATUS'
  /** Stockpile status; a state counts once per status. */
  | 'STOCKPILE_STATUS';

/** Conditions on states. Fields in one object must all hold (AND); combine objects with `and`, `or`, `not`. Status conditions use the query's `asOf` date. */
export type StateFilter = {
  /** All of these must hold. */
  and?: Array<StateFilter> | null | undefined;
  /** The state reported assistance needs (in these areas). */
  assistanceNeed?: AssistanceNeedFilter | null | undefined;
  /** The state reported providing assistance (of these kinds). */
  assistanceProvided?: AssistanceFilter | null | undefined;
  /** The state reported receiving assistance (of these kinds). */
  assistanceReceived?: AssistanceFilter | null | undefined;
  /** The state's ISO alpha-3 code is one of these. */
  codeIn?: Array<string> | null | undefined;
  /** True: the report says the state has cluster munition contamination. */
  contaminated?: boolean | null | undefined;
  /** The state has a deadline matching this (all its conditions on the same deadline; status on `asOf`), e.g. `deadline: { article: 4, dueTo: "2020-12-31" }`. */
  deadline?: DeadlineFilter | null | undefined;
  /** Conditions on the findings that name the state. */
  findings?: FindingRelationFilter | null | undefined;
  /** True: a recorded discrepancy involves the state; false: none does. */
  hasDiscrepancy?: boolean | null | undefined;
  /** The report links the state to an action matching this, e.g. States Parties that reported implementing no time-bound victim-assistance action: `not: { implementation: { theme: VICTIM_ASSISTANCE, timeBound: true, linkIn: [REPORTED] } }`. */
  implementation?: ImplementationFilter | null | undefined;
  /** The report says this about the state's legislation. */
  legislation?: LegislationFilter | null | undefined;
  /** Part of the state's name: its ISO name, depositary name or any spelling the report uses (case-insensitive). */
  name?: string | null | undefined;
  /** True: only states the report names; false: only states it does not. */
  namedInReport?: boolean | null | undefined;
  /** This must not hold. */
  not?: StateFilter | null | undefined;
  /** The report attributes an obligation matching this. */
  obligation?: ObligationFilter | null | undefined;
  /** At least one of these must hold. */
  or?: Array<StateFilter> | null | undefined;
  /** The state's treaty status on `asOf`. */
  status?: TreatyStatus | null | undefined;
  /** The state's treaty status on `asOf` is one of these. */
  statusIn?: Array<TreatyStatus> | null | undefined;
  /** The report gives the state one of these stockpile statuses. */
  stockpile?: StockpileFilter | null | undefined;
};

/** What to sort states by. */
export type StateOrderField =
  /** ISO alpha-3 code. */
  | 'CODE'
  /** Canonical English name. */
  | 'NAME';

/** Matches states with any of the given stockpile statuses. */
export type StockpileFilter = {
  /** Defaults to [EXISTING] (states reported to hold stockpiles now). Use [EXISTING, PREVIOUS] to include states that had stockpiles before. */
  statusIn?: Array<StockpileStatus> | null | undefined;
};

/** What the report says about a state's cluster munition stockpiles. */
export type StockpileStatus =
  /** Has begun to destroy its stockpiles. */
  | 'DESTRUCTION_BEGUN'
  /** Declared the destruction of its stockpiles completed. */
  | 'DESTRUCTION_COMPLETED'
  /** Has a destruction plan, is developing one, or has started a tender. */
  | 'DESTRUCTION_PLANNED'
  /** Has stockpiles that will have to be destroyed (declared or reported). */
  | 'EXISTING'
  /** Is reported to have had stockpiles previously. */
  | 'PREVIOUS'
  /** Reported the number of cluster munitions stockpiled. */
  | 'QUANTITIES_REPORTED'
  /** Retains cluster munitions for permitted purposes (training, detection, counter-measures). */
  | 'RETAINED'
  /** Retains only items free from explosives, which are not cluster munitions. */
  | 'RETAINED_INERT_ONLY'
  /** Retains cluster munitions and reported the quantities. */
  | 'RETAINED_QUANTITIES_REPORTED';

/** The thematic area of the Vientiane Action Plan a finding, action or section belongs to. */
export type Theme =
  /** Clearing contaminated land (Article 4, Actions #10-16, #18-19). */
  | 'CLEARANCE'
  /** Compliance with the Convention (Article 8). */
  | 'COMPLIANCE'
  /** International cooperation and assistance (Article 6, Actions #32-42). */
  | 'COOPERATION_AND_ASSISTANCE'
  /** About the report itself or the Convention as a whole. */
  | 'GENERAL'
  /** How the Convention's work is organised and supported. */
  | 'IMPLEMENTATION_SUPPORT'
  /** National implementation measures and legislation (Article 9). */
  | 'NATIONAL_IMPLEMENTATION'
  /** Partnerships between states, civil society and organisations. */
  | 'PARTNERSHIPS'
  /** Cluster munitions retained for permitted purposes (Article 3.6-3.8). */
  | 'RETENTION'
  /** Risk reduction education for affected populations (Action #17). */
  | 'RISK_REDUCTION'
  /** Destroying stockpiled cluster munitions (Article 3, Actions #8-9). */
  | 'STOCKPILE_DESTRUCTION'
  /** Transparency reports (Article 7). */
  | 'TRANSPARENCY'
  /** Joining the Convention and promoting its norms (Actions #1-7). */
  | 'UNIVERSALIZATION'
  /** Assistance to cluster munition victims (Article 5, Actions #20-31). */
  | 'VICTIM_ASSISTANCE';

/** A state's relation to the Convention on a given date, derived from the UN depositary dates (signature, ratification or accession, withdrawal). */
export type TreatyStatus =
  /** Had neither signed nor joined on the date, or had withdrawn. */
  | 'NOT_PARTY'
  /** Had signed but not yet ratified on the date. */
  | 'SIGNATORY'
  /** Had deposited its instrument of ratification, acceptance, approval or accession on or before the date (the report counts these as States Parties even before entry into force for them), and had not withdrawn. */
  | 'STATE_PARTY';

export type SignatoriesWithStockpilesAndAssistanceNeedsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignatoriesWithStockpilesAndAssistanceNeedsQuery = { states: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, stockpile: Array<{ status: StockpileStatus, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }>, assistanceNeeds: Array<{ area: NeedArea, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }> }> } };

export type StatesByStatusQueryVariables = Exact<{
  status: TreatyStatus;
  asOf?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StatesByStatusQuery = { states: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, code: string, name: string, status: TreatyStatus, participation: { signed: string | null, joined: string | null, joinedBy: string | null } | null }> } };

export type StateProfileQueryVariables = Exact<{
  code: string;
  asOf?: string | null | undefined;
}>;


export type StateProfileQuery = { state: { id: string, code: string, name: string, spellings: Array<string>, namedInReport: boolean, note: string | null, participation: { depositaryName: string, signed: string | null, joined: string | null, joinedBy: string | null, withdrawalEffective: string | null, sources: Array<string> } | null, treatyStatus: { asOf: string, status: TreatyStatus, agreesWithReport: boolean, reportedAs: Array<{ group: Group, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }> }, obligations: Array<{ article: number | null, possibleArticles: Array<number>, unspecified: boolean, status: ObligationStatus, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }>, stockpile: Array<{ status: StockpileStatus, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }>, assistanceNeeds: Array<{ area: NeedArea, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }>, assistanceProvided: Array<{ kind: AssistanceKind, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }>, assistanceReceived: Array<{ kind: AssistanceKind, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }>, legislation: Array<{ status: LegislationStatus, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }>, contamination: Array<{ id: string, key: string, paragraphNumber: number, footnoteNumber: number | null, quote: string }>, voluntaryReports: Array<{ id: string, key: string, paragraphNumber: number, footnoteNumber: number | null, quote: string }>, actions: Array<{ id: string, number: number, theme: Theme }>, findings: Array<{ id: string, key: string, theme: Theme, summary: string, paragraphNumber: number, footnoteNumber: number | null, quote: string, assertions: Array<{ kind: AssertionKind, detail: string | null, state: { id: string, code: string } }> }>, discrepancies: Array<{ id: string, key: string, kind: DiscrepancyKind, description: string }> } | null };

export type StatesWithObligationQueryVariables = Exact<{
  article: number;
  status?: ObligationStatus | null | undefined;
  asOf?: string | null | undefined;
}>;


export type StatesWithObligationQuery = { states: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, status: TreatyStatus, obligations: Array<{ article: number | null, status: ObligationStatus, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }> }> } };

export type AssistanceNeedsQueryVariables = Exact<{
  area: NeedArea;
}>;


export type AssistanceNeedsQuery = { states: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, status: TreatyStatus, assistanceNeeds: Array<{ area: NeedArea, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }> }> } };

export type FundingProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type FundingProvidersQuery = { states: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, assistanceProvided: Array<{ kind: AssistanceKind, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }> }> } };

export type ActionImplementationQueryVariables = Exact<{
  number: number;
}>;


export type ActionImplementationQuery = { action: { id: string, number: number, theme: Theme, description: string | null, paragraphNumbers: Array<number>, findings: Array<{ id: string, key: string, summary: string, quote: string, paragraphNumber: number, footnoteNumber: number | null, group: Group, statedCount: number | null, statedCountText: string | null, listedCount: number, countDiffers: boolean, states: Array<{ id: string, code: string, name: string }> }>, states: Array<{ id: string, code: string, name: string }> } | null };

export type SectionQuestionsQueryVariables = Exact<{
  section: string;
}>;


export type SectionQuestionsQuery = { section: { id: string, key: string, numeral: string | null, title: string, discussionQuestions: Array<{ id: string, label: string, letter: string, item: string | null, text: string, paragraphNumber: number }> } | null };

export type DiscrepanciesQueryVariables = Exact<{
  filter?: DiscrepancyFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DiscrepanciesQuery = { discrepancies: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, key: string, kind: DiscrepancyKind, description: string, reportSays: string, otherSideSays: string, paragraphNumbers: Array<number>, footnoteNumbers: Array<number>, stateCodes: Array<string> }> } };

export type SearchReportQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
}>;


export type SearchReportQuery = { search: Array<{ kind: SearchHitKind, rank: number, snippet: string, paragraph: { id: string, number: number, section: { id: string, key: string, title: string } }, footnote: { id: string, number: number } | null }> };

export type StateCountsQueryVariables = Exact<{
  groupBy: StateCountDimension;
  asOf?: string | null | undefined;
  filter?: StateFilter | null | undefined;
}>;


export type StateCountsQuery = { stateCounts: Array<{ key: string, count: number }> };

export type FindingCountsQueryVariables = Exact<{
  groupBy: FindingCountDimension;
  filter?: FindingFilter | null | undefined;
}>;


export type FindingCountsQuery = { findingCounts: Array<{ key: string, count: number }> };

export type HeadlineFiguresQueryVariables = Exact<{ [key: string]: never; }>;


export type HeadlineFiguresQuery = { headlineFigures: Array<{ text: string, value: number, unit: string | null, summary: string, finding: { id: string, key: string, paragraphNumber: number, footnoteNumber: number | null, quote: string } }> };

export type StatesPartiesWithClearanceObligationsWithoutAssistanceNeedsQueryVariables = Exact<{ [key: string]: never; }>;


export type StatesPartiesWithClearanceObligationsWithoutAssistanceNeedsQuery = { states: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, obligations: Array<{ article: number | null, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }> }> } };

export type StatesByLegislationQueryVariables = Exact<{
  status: LegislationStatus;
}>;


export type StatesByLegislationQuery = { states: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, legislation: Array<{ status: LegislationStatus, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }> }> } };

export type ContaminatedStatesQueryVariables = Exact<{ [key: string]: never; }>;


export type ContaminatedStatesQuery = { states: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, status: TreatyStatus, contamination: Array<{ id: string, key: string, paragraphNumber: number, footnoteNumber: number | null, quote: string }> }> } };

export type StateByNameQueryVariables = Exact<{
  name: string;
}>;


export type StateByNameQuery = { stateByName: { id: string, code: string, name: string, spellings: Array<string>, status: TreatyStatus } | null };

export type ParagraphQueryVariables = Exact<{
  number: number;
}>;


export type ParagraphQuery = { paragraph: { id: string, number: number, text: string, subheading: string | null, section: { id: string, key: string, title: string }, footnotes: Array<{ id: string, number: number, text: string }>, findings: Array<{ id: string, key: string, summary: string, quote: string, states: Array<{ id: string, code: string, name: string }> }> } | null };

export type FootnoteQueryVariables = Exact<{
  number: number;
}>;


export type FootnoteQuery = { footnote: { id: string, number: number, text: string, anchor: string, paragraphNumber: number, states: Array<{ id: string, code: string, name: string }>, findings: Array<{ id: string, key: string, summary: string }> } | null };

export type FindingQueryVariables = Exact<{
  key: string;
}>;


export type FindingQuery = { finding: { id: string, key: string, theme: Theme, summary: string, quote: string, paragraphNumber: number, footnoteNumber: number | null, group: Group, statedCount: number | null, statedCountText: string | null, listedCount: number, listIsPartial: boolean, countDiffers: boolean, articles: Array<number>, actionNumbers: Array<number>, note: string | null, assertions: Array<{ kind: AssertionKind, description: string, detail: string | null, state: { id: string, code: string, name: string } }>, discrepancies: Array<{ id: string, key: string, kind: DiscrepancyKind, description: string }> } | null };

export type UseOfClusterMunitionsQueryVariables = Exact<{ [key: string]: never; }>;


export type UseOfClusterMunitionsQuery = { useInstances: Array<{ id: string, key: string, year: number, description: string, paragraphNumbers: Array<number>, territory: { id: string, code: string, name: string } | null, user: { id: string, code: string, name: string } | null }> };

export type ReportQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportQuery = { report: { id: string, key: string, title: string, finalisedOn: string, datasetVersion: string, preparedByCapacity: string, submittedByRole: string, meeting: { name: string, abbreviation: string, city: string, month: string | null }, period: { from: string, to: string, fromMeeting: { abbreviation: string } }, preparedBy: { id: string, code: string, name: string }, submittedBy: { id: string, code: string, name: string } } | null };

export type TableOfContentsQueryVariables = Exact<{ [key: string]: never; }>;


export type TableOfContentsQuery = { sections: Array<{ id: string, key: string, numeral: string | null, title: string, subheadings: Array<{ title: string, paragraphNumbers: Array<number> }> }> };

export type OrganisationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganisationsQuery = { organisations: Array<{ id: string, key: string, name: string, abbreviation: string | null, kind: OrganisationKind, roles: Array<{ role: string, paragraphNumbers: Array<number> }> }> };

export type StatesQueryVariables = Exact<{
  filter?: StateFilter | null | undefined;
  asOf?: string | null | undefined;
  orderBy?: StateOrderField | null | undefined;
  direction?: SortDirection | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StatesQuery = { states: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, code: string, name: string, status: TreatyStatus }> } };

export type FindingsQueryVariables = Exact<{
  filter?: FindingFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FindingsQuery = { findings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, key: string, theme: Theme, summary: string, quote: string, paragraphNumber: number, footnoteNumber: number | null, statedCount: number | null, listedCount: number, states: Array<{ id: string, code: string }> }> } };

export type ParagraphsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ParagraphsQuery = { paragraphs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, number: number, subheading: string | null, text: string, section: { id: string, key: string } }> } };

export type FootnotesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FootnotesQuery = { footnotes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, number: number, paragraphNumber: number, text: string, states: Array<{ id: string, code: string }> }> } };

export type StateDeadlinesQueryVariables = Exact<{
  code: string;
  asOf?: string | null | undefined;
}>;


export type StateDeadlinesQuery = { state: { id: string, code: string, name: string, deadlines: Array<{ rule: DeadlineRule, citation: string, ruleText: string, dueOn: string, status: DeadlineStatus, extendedUntil: string | null, trigger: { date: string, event: string, deposited: string, entryIntoForce: string, sources: Array<string> }, metBy: Array<{ id: string, key: string }>, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }> } | null };

export type DeadlinesDueQueryVariables = Exact<{
  from: string;
  to: string;
  ruleIn?: Array<DeadlineRule> | DeadlineRule | null | undefined;
  asOf?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DeadlinesDueQuery = { deadlines: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ rule: DeadlineRule, citation: string, dueOn: string, status: DeadlineStatus, state: { id: string, code: string, name: string }, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }> } };

export type OverdueObligationsQueryVariables = Exact<{
  asOf: string;
  ruleIn?: Array<DeadlineRule> | DeadlineRule | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OverdueObligationsQuery = { deadlines: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ rule: DeadlineRule, citation: string, dueOn: string, status: DeadlineStatus, state: { id: string, code: string, name: string }, begunBy: Array<{ id: string, key: string }> }> } };

export type ActionMatrixQueryVariables = Exact<{
  filter?: ImplementationFilter | null | undefined;
  states?: StateFilter | null | undefined;
}>;


export type ActionMatrixQuery = { actionMatrix: Array<{ link: ImplementationLink, state: { id: string, code: string, name: string }, action: { id: string, number: number, theme: Theme, timeBound: boolean }, evidence: Array<{ link: ImplementationLink, basis: string, citedAs: string | null }>, sources: Array<{ paragraph: number, footnote: number | null, quote: string, findingKey: string }> }> };

export type CitationFieldsFragment = { paragraph: number, footnote: number | null, quote: string, findingKey: string };

export type PageInfoFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export const CitationFieldsFragmentDoc = gql`
    fragment CitationFields on Citation {
  paragraph
  footnote
  quote
  findingKey
}
    `;
export const PageInfoFieldsFragmentDoc = gql`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
    `;
export const SignatoriesWithStockpilesAndAssistanceNeedsDocument = gql`
    query SignatoriesWithStockpilesAndAssistanceNeeds {
  states(filter: {status: SIGNATORY, stockpile: {}, assistanceNeed: {}}) {
    totalCount
    nodes {
      id
      code
      name
      stockpile {
        status
        sources {
          ...CitationFields
        }
      }
      assistanceNeeds {
        area
        sources {
          ...CitationFields
        }
      }
    }
  }
}
    ${CitationFieldsFragmentDoc}`;
export const StatesByStatusDocument = gql`
    query StatesByStatus($status: TreatyStatus!, $asOf: LocalDate, $first: Int = 100, $after: String) {
  states(filter: {status: $status}, asOf: $asOf, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      id
      code
      name
      status(asOf: $asOf)
      participation {
        signed
        joined
        joinedBy
      }
    }
  }
}
    ${PageInfoFieldsFragmentDoc}`;
export const StateProfileDocument = gql`
    query StateProfile($code: ID!, $asOf: LocalDate) {
  state(code: $code, asOf: $asOf) {
    id
    code
    name
    spellings
    namedInReport
    note
    participation {
      depositaryName
      signed
      joined
      joinedBy
      withdrawalEffective
      sources
    }
    treatyStatus(asOf: $asOf) {
      asOf
      status
      agreesWithReport
      reportedAs {
        group
        sources {
          ...CitationFields
        }
      }
    }
    obligations {
      article
      possibleArticles
      unspecified
      status
      sources {
        ...CitationFields
      }
    }
    stockpile {
      status
      sources {
        ...CitationFields
      }
    }
    assistanceNeeds {
      area
      sources {
        ...CitationFields
      }
    }
    assistanceProvided {
      kind
      sources {
        ...CitationFields
      }
    }
    assistanceReceived {
      kind
      sources {
        ...CitationFields
      }
    }
    legislation {
      status
      sources {
        ...CitationFields
      }
    }
    contamination {
      id
      key
      paragraphNumber
      footnoteNumber
      quote
    }
    voluntaryReports {
      id
      key
      paragraphNumber
      footnoteNumber
      quote
    }
    actions {
      id
      number
      theme
    }
    findings {
      id
      key
      theme
      summary
      paragraphNumber
      footnoteNumber
      quote
      assertions {
        kind
        detail
        state {
          id
          code
        }
      }
    }
    discrepancies {
      id
      key
      kind
      description
    }
  }
}
    ${CitationFieldsFragmentDoc}`;
export const StatesWithObligationDocument = gql`
    query StatesWithObligation($article: Int!, $status: ObligationStatus, $asOf: LocalDate) {
  states(filter: {obligation: {article: $article, status: $status}}, asOf: $asOf) {
    totalCount
    nodes {
      id
      code
      name
      status(asOf: $asOf)
      obligations {
        article
        status
        sources {
          ...CitationFields
        }
      }
    }
  }
}
    ${CitationFieldsFragmentDoc}`;
export const AssistanceNeedsDocument = gql`
    query AssistanceNeeds($area: NeedArea!) {
  states(filter: {assistanceNeed: {areaIn: [$area]}}) {
    totalCount
    nodes {
      id
      code
      name
      status
      assistanceNeeds(areaIn: [$area]) {
        area
        sources {
          ...CitationFields
        }
      }
    }
  }
}
    ${CitationFieldsFragmentDoc}`;
export const FundingProvidersDocument = gql`
    query FundingProviders {
  states(filter: {assistanceProvided: {kindIn: [FUNDING]}}) {
    totalCount
    nodes {
      id
      code
      name
      assistanceProvided {
        kind
        sources {
          ...CitationFields
        }
      }
    }
  }
}
    ${CitationFieldsFragmentDoc}`;
export const ActionImplementationDocument = gql`
    query ActionImplementation($number: Int!) {
  action(number: $number) {
    id
    number
    theme
    description
    paragraphNumbers
    findings {
      id
      key
      summary
      quote
      paragraphNumber
      footnoteNumber
      group
      statedCount
      statedCountText
      listedCount
      countDiffers
      states {
        id
        code
        name
      }
    }
    states {
      id
      code
      name
    }
  }
}
    `;
export const SectionQuestionsDocument = gql`
    query SectionQuestions($section: String!) {
  section(key: $section) {
    id
    key
    numeral
    title
    discussionQuestions {
      id
      label
      letter
      item
      text
      paragraphNumber
    }
  }
}
    `;
export const DiscrepanciesDocument = gql`
    query Discrepancies($filter: DiscrepancyFilter, $first: Int = 50, $after: String) {
  discrepancies(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      id
      key
      kind
      description
      reportSays
      otherSideSays
      paragraphNumbers
      footnoteNumbers
      stateCodes
    }
  }
}
    ${PageInfoFieldsFragmentDoc}`;
export const SearchReportDocument = gql`
    query SearchReport($text: String!, $first: Int = 10) {
  search(text: $text, first: $first) {
    kind
    rank
    snippet
    paragraph {
      id
      number
      section {
        id
        key
        title
      }
    }
    footnote {
      id
      number
    }
  }
}
    `;
export const StateCountsDocument = gql`
    query StateCounts($groupBy: StateCountDimension!, $asOf: LocalDate, $filter: StateFilter) {
  stateCounts(groupBy: $groupBy, asOf: $asOf, filter: $filter) {
    key
    count
  }
}
    `;
export const FindingCountsDocument = gql`
    query FindingCounts($groupBy: FindingCountDimension!, $filter: FindingFilter) {
  findingCounts(groupBy: $groupBy, filter: $filter) {
    key
    count
  }
}
    `;
export const HeadlineFiguresDocument = gql`
    query HeadlineFigures {
  headlineFigures {
    text
    value
    unit
    summary
    finding {
      id
      key
      paragraphNumber
      footnoteNumber
      quote
    }
  }
}
    `;
export const StatesPartiesWithClearanceObligationsWithoutAssistanceNeedsDocument = gql`
    query StatesPartiesWithClearanceObligationsWithoutAssistanceNeeds {
  states(
    filter: {and: [{status: STATE_PARTY}, {obligation: {article: 4}}, {not: {assistanceNeed: {}}}]}
  ) {
    totalCount
    nodes {
      id
      code
      name
      obligations {
        article
        sources {
          ...CitationFields
        }
      }
    }
  }
}
    ${CitationFieldsFragmentDoc}`;
export const StatesByLegislationDocument = gql`
    query StatesByLegislation($status: LegislationStatus!) {
  states(filter: {legislation: {statusIn: [$status]}}) {
    totalCount
    nodes {
      id
      code
      name
      legislation {
        status
        sources {
          ...CitationFields
        }
      }
    }
  }
}
    ${CitationFieldsFragmentDoc}`;
export const ContaminatedStatesDocument = gql`
    query ContaminatedStates {
  states(filter: {contaminated: true}) {
    totalCount
    nodes {
      id
      code
      name
      status
      contamination {
        id
        key
        paragraphNumber
        footnoteNumber
        quote
      }
    }
  }
}
    `;
export const StateByNameDocument = gql`
    query StateByName($name: String!) {
  stateByName(name: $name) {
    id
    code
    name
    spellings
    status
  }
}
    `;
export const ParagraphDocument = gql`
    query Paragraph($number: Int!) {
  paragraph(number: $number) {
    id
    number
    text
    subheading
    section {
      id
      key
      title
    }
    footnotes {
      id
      number
      text
    }
    findings {
      id
      key
      summary
      quote
      states {
        id
        code
        name
      }
    }
  }
}
    `;
export const FootnoteDocument = gql`
    query Footnote($number: Int!) {
  footnote(number: $number) {
    id
    number
    text
    anchor
    paragraphNumber
    states {
      id
      code
      name
    }
    findings {
      id
      key
      summary
    }
  }
}
    `;
export const FindingDocument = gql`
    query Finding($key: String!) {
  finding(key: $key) {
    id
    key
    theme
    summary
    quote
    paragraphNumber
    footnoteNumber
    group
    statedCount
    statedCountText
    listedCount
    listIsPartial
    countDiffers
    articles
    actionNumbers
    note
    assertions {
      kind
      description
      detail
      state {
        id
        code
        name
      }
    }
    discrepancies {
      id
      key
      kind
      description
    }
  }
}
    `;
export const UseOfClusterMunitionsDocument = gql`
    query UseOfClusterMunitions {
  useInstances {
    id
    key
    year
    description
    paragraphNumbers
    territory {
      id
      code
      name
    }
    user {
      id
      code
      name
    }
  }
}
    `;
export const ReportDocument = gql`
    query Report {
  report {
    id
    key
    title
    finalisedOn
    datasetVersion
    meeting {
      name
      abbreviation
      city
      month
    }
    period {
      from
      to
      fromMeeting {
        abbreviation
      }
    }
    preparedBy {
      id
      code
      name
    }
    preparedByCapacity
    submittedBy {
      id
      code
      name
    }
    submittedByRole
  }
}
    `;
export const TableOfContentsDocument = gql`
    query TableOfContents {
  sections {
    id
    key
    numeral
    title
    subheadings {
      title
      paragraphNumbers
    }
  }
}
    `;
export const OrganisationsDocument = gql`
    query Organisations {
  organisations {
    id
    key
    name
    abbreviation
    kind
    roles {
      role
      paragraphNumbers
    }
  }
}
    `;
export const StatesDocument = gql`
    query States($filter: StateFilter, $asOf: LocalDate, $orderBy: StateOrderField, $direction: SortDirection, $first: Int, $after: String) {
  states(
    filter: $filter
    asOf: $asOf
    orderBy: $orderBy
    direction: $direction
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      id
      code
      name
      status(asOf: $asOf)
    }
  }
}
    ${PageInfoFieldsFragmentDoc}`;
export const FindingsDocument = gql`
    query Findings($filter: FindingFilter, $first: Int, $after: String) {
  findings(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      id
      key
      theme
      summary
      quote
      paragraphNumber
      footnoteNumber
      statedCount
      listedCount
      states {
        id
        code
      }
    }
  }
}
    ${PageInfoFieldsFragmentDoc}`;
export const ParagraphsDocument = gql`
    query Paragraphs($first: Int, $after: String) {
  paragraphs(first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      id
      number
      subheading
      text
      section {
        id
        key
      }
    }
  }
}
    ${PageInfoFieldsFragmentDoc}`;
export const FootnotesDocument = gql`
    query Footnotes($first: Int, $after: String) {
  footnotes(first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      id
      number
      paragraphNumber
      text
      states {
        id
        code
      }
    }
  }
}
    ${PageInfoFieldsFragmentDoc}`;
export const StateDeadlinesDocument = gql`
    query StateDeadlines($code: ID!, $asOf: LocalDate) {
  state(code: $code, asOf: $asOf) {
    id
    code
    name
    deadlines(asOf: $asOf) {
      rule
      citation
      ruleText
      dueOn
      status(asOf: $asOf)
      extendedUntil
      trigger {
        date
        event
        deposited
        entryIntoForce
        sources
      }
      metBy {
        id
        key
      }
      sources {
        ...CitationFields
      }
    }
  }
}
    ${CitationFieldsFragmentDoc}`;
export const DeadlinesDueDocument = gql`
    query DeadlinesDue($from: LocalDate!, $to: LocalDate!, $ruleIn: [DeadlineRule!], $asOf: LocalDate, $first: Int, $after: String) {
  deadlines(
    filter: {dueFrom: $from, dueTo: $to, ruleIn: $ruleIn}
    asOf: $asOf
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      rule
      citation
      dueOn
      status
      state {
        id
        code
        name
      }
      sources {
        ...CitationFields
      }
    }
  }
}
    ${PageInfoFieldsFragmentDoc}
${CitationFieldsFragmentDoc}`;
export const OverdueObligationsDocument = gql`
    query OverdueObligations($asOf: LocalDate!, $ruleIn: [DeadlineRule!], $first: Int, $after: String) {
  deadlines(
    asOf: $asOf
    filter: {statusIn: [DUE_NOT_REPORTED_MET], ruleIn: $ruleIn}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      rule
      citation
      dueOn
      status
      state {
        id
        code
        name
      }
      begunBy {
        id
        key
      }
    }
  }
}
    ${PageInfoFieldsFragmentDoc}`;
export const ActionMatrixDocument = gql`
    query ActionMatrix($filter: ImplementationFilter, $states: StateFilter) {
  actionMatrix(filter: $filter, states: $states) {
    link
    state {
      id
      code
      name
    }
    action {
      id
      number
      theme
      timeBound
    }
    evidence {
      link
      basis
      citedAs
    }
    sources {
      ...CitationFields
    }
  }
}
    ${CitationFieldsFragmentDoc}`;

export type SdkFunctionWrapper = <T>(action: (requestHeaders?:Record<string, string>) => Promise<T>, operationName: string, operationType?: string, variables?: any) => Promise<T>;


const defaultWrapper: SdkFunctionWrapper = (action, _operationName, _operationType, _variables) => action();

export function getSdk(client: GraphQLClient, withWrapper: SdkFunctionWrapper = defaultWrapper) {
  return {
    SignatoriesWithStockpilesAndAssistanceNeeds(variables?: SignatoriesWithStockpilesAndAssistanceNeedsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SignatoriesWithStockpilesAndAssistanceNeedsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<SignatoriesWithStockpilesAndAssistanceNeedsQuery>({ document: SignatoriesWithStockpilesAndAssistanceNeedsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SignatoriesWithStockpilesAndAssistanceNeeds', 'query', variables);
    },
    StatesByStatus(variables: StatesByStatusQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StatesByStatusQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<StatesByStatusQuery>({ document: StatesByStatusDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StatesByStatus', 'query', variables);
    },
    StateProfile(variables: StateProfileQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StateProfileQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<StateProfileQuery>({ document: StateProfileDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StateProfile', 'query', variables);
    },
    StatesWithObligation(variables: StatesWithObligationQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StatesWithObligationQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<StatesWithObligationQuery>({ document: StatesWithObligationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StatesWithObligation', 'query', variables);
    },
    AssistanceNeeds(variables: AssistanceNeedsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<AssistanceNeedsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<AssistanceNeedsQuery>({ document: AssistanceNeedsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AssistanceNeeds', 'query', variables);
    },
    FundingProviders(variables?: FundingProvidersQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<FundingProvidersQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<FundingProvidersQuery>({ document: FundingProvidersDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'FundingProviders', 'query', variables);
    },
    ActionImplementation(variables: ActionImplementationQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ActionImplementationQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ActionImplementationQuery>({ document: ActionImplementationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ActionImplementation', 'query', variables);
    },
    SectionQuestions(variables: SectionQuestionsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SectionQuestionsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<SectionQuestionsQuery>({ document: SectionQuestionsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SectionQuestions', 'query', variables);
    },
    Discrepancies(variables?: DiscrepanciesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<DiscrepanciesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<DiscrepanciesQuery>({ document: DiscrepanciesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Discrepancies', 'query', variables);
    },
    SearchReport(variables: SearchReportQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<SearchReportQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<SearchReportQuery>({ document: SearchReportDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SearchReport', 'query', variables);
    },
    StateCounts(variables: StateCountsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StateCountsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<StateCountsQuery>({ document: StateCountsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StateCounts', 'query', variables);
    },
    FindingCounts(variables: FindingCountsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<FindingCountsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<FindingCountsQuery>({ document: FindingCountsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'FindingCounts', 'query', variables);
    },
    HeadlineFigures(variables?: HeadlineFiguresQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<HeadlineFiguresQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<HeadlineFiguresQuery>({ document: HeadlineFiguresDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'HeadlineFigures', 'query', variables);
    },
    StatesPartiesWithClearanceObligationsWithoutAssistanceNeeds(variables?: StatesPartiesWithClearanceObligationsWithoutAssistanceNeedsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StatesPartiesWithClearanceObligationsWithoutAssistanceNeedsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<StatesPartiesWithClearanceObligationsWithoutAssistanceNeedsQuery>({ document: StatesPartiesWithClearanceObligationsWithoutAssistanceNeedsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StatesPartiesWithClearanceObligationsWithoutAssistanceNeeds', 'query', variables);
    },
    StatesByLegislation(variables: StatesByLegislationQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StatesByLegislationQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<StatesByLegislationQuery>({ document: StatesByLegislationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StatesByLegislation', 'query', variables);
    },
    ContaminatedStates(variables?: ContaminatedStatesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ContaminatedStatesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ContaminatedStatesQuery>({ document: ContaminatedStatesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ContaminatedStates', 'query', variables);
    },
    StateByName(variables: StateByNameQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StateByNameQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<StateByNameQuery>({ document: StateByNameDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StateByName', 'query', variables);
    },
    Paragraph(variables: ParagraphQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ParagraphQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ParagraphQuery>({ document: ParagraphDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Paragraph', 'query', variables);
    },
    Footnote(variables: FootnoteQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<FootnoteQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<FootnoteQuery>({ document: FootnoteDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Footnote', 'query', variables);
    },
    Finding(variables: FindingQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<FindingQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<FindingQuery>({ document: FindingDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Finding', 'query', variables);
    },
    UseOfClusterMunitions(variables?: UseOfClusterMunitionsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<UseOfClusterMunitionsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<UseOfClusterMunitionsQuery>({ document: UseOfClusterMunitionsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UseOfClusterMunitions', 'query', variables);
    },
    Report(variables?: ReportQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ReportQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ReportQuery>({ document: ReportDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Report', 'query', variables);
    },
    TableOfContents(variables?: TableOfContentsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<TableOfContentsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<TableOfContentsQuery>({ document: TableOfContentsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TableOfContents', 'query', variables);
    },
    Organisations(variables?: OrganisationsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<OrganisationsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<OrganisationsQuery>({ document: OrganisationsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Organisations', 'query', variables);
    },
    States(variables?: StatesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StatesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<StatesQuery>({ document: StatesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'States', 'query', variables);
    },
    Findings(variables?: FindingsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<FindingsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<FindingsQuery>({ document: FindingsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Findings', 'query', variables);
    },
    Paragraphs(variables?: ParagraphsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ParagraphsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ParagraphsQuery>({ document: ParagraphsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Paragraphs', 'query', variables);
    },
    Footnotes(variables?: FootnotesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<FootnotesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<FootnotesQuery>({ document: FootnotesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Footnotes', 'query', variables);
    },
    StateDeadlines(variables: StateDeadlinesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<StateDeadlinesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<StateDeadlinesQuery>({ document: StateDeadlinesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StateDeadlines', 'query', variables);
    },
    DeadlinesDue(variables: DeadlinesDueQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<DeadlinesDueQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<DeadlinesDueQuery>({ document: DeadlinesDueDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DeadlinesDue', 'query', variables);
    },
    OverdueObligations(variables: OverdueObligationsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<OverdueObligationsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<OverdueObligationsQuery>({ document: OverdueObligationsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'OverdueObligations', 'query', variables);
    },
    ActionMatrix(variables?: ActionMatrixQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<ActionMatrixQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<ActionMatrixQuery>({ document: ActionMatrixDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ActionMatrix', 'query', variables);
    }
  };
}
export type Sdk = ReturnType<typeof getSdk>;