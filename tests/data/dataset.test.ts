import { expandActions } from "../../server/data/validate";
import { dataset, sourceBody } from "./report-source";

const finding = (id: string) => dataset.findings.find((f) => f.id === id)!;
const statesOf = (ids: string[], kinds?: string[]) =>
  [
    ...new Set(
      ids.flatMap((id) =>
        finding(id)
          .assertions.filter((a) => !kinds || kinds.includes(a.kind))
          .map((a) => a.state),
      ),
    ),
  ].sort();

describe("What does the Beirut Progress Report dataset hold?", () => {
  it("has the expected size", () => {
    expect({
      sections: dataset.sections.length,
      paragraphs: dataset.paragraphs.length,
      footnotes: dataset.footnotes.length,
      questions: dataset.discussionQuestions.length,
      states: dataset.states.length,
      actions: dataset.actions.length,
      findings: dataset.findings.length,
      assertions: dataset.findings.reduce((n, f) => n + f.assertions.length, 0),
      discrepancies: dataset.discrepancies.length,
      organisations: dataset.organisations.length,
      useInstances: dataset.useInstances.length,
    }).toEqual({
      sections: 12,
      paragraphs: 80,
      footnotes: 77,
      questions: 48,
      states: 75,
      actions: 49,
      findings: 139, // 135 + ¶62's Action #35 clause (fn67) + the initial-report findings of ¶29 fn9, ¶35 fn26, ¶60 fn62
      assertions: 423, // 369 + Guinea-Bissau's two ¶62 assertions (fn67) + 24 by reference (¶31 fn9+fn13's 15, ¶61 fn56, ¶64 fn58, ¶65 fn60) + 28 initial reports (fn9's 7, fn26's 6, fn62's 15)
      discrepancies: 33, // 12 count/status/cross-reference conflicts + 21 summary, misprint and partial-list items (e.g. ¶7, ¶36, fn17 "states17s", fn64 "i.a.")
      organisations: 21,
      useInstances: 2,
    });
  });

  it("has the report's metadata", () => {
    const r = dataset.report;
    expect([r.id, r.meeting.abbreviation, r.meeting.city, r.period.from, r.period.to, r.finalisedOn]).toEqual(
      ["beirut-progress-report-2011", "2MSP", "Beirut", "2010-11-09", "2011-08-20", "2011-08-20"],
    );
    expect([r.submittedBy.state, r.preparedBy.state, r.preparedBy.footnote]).toEqual(["LAO", "NOR", 1]);
  });

  it("has sections intro and I..XI with their printed titles", () => {
    expect(dataset.sections.map((s) => `${s.key} ${s.title}`)).toEqual([
      "intro Introduction",
      "I General trends",
      "II Partnerships",
      "III Universalization",
      "IV Stockpile Destruction",
      "V Clearance",
      "VI Victim Assistance",
      "VII International cooperation and assistance",
      "VIII Implementation Support",
      "IX Transparency",
      "X National Implementation Measures",
      "XI Compliance",
    ]);
  });

  it("has a finding for every footnote", () => {
    const cited = new Set(dataset.findings.map((f) => f.footnote).filter((n) => n !== null));
    expect(dataset.footnotes.filter((f) => !cited.has(f.number)).map((f) => f.number)).toEqual([]);
  });
});

describe("Which VAP actions does the report reference?", () => {
  it("expandActions expands ranges and sorts unique numbers", () => {
    expect(expandActions(["33-36", 35, 8, "8-9"])).toEqual([8, 9, 33, 34, 35, 36]);
    expect(expandActions([])).toEqual([]);
    expect(() => expandActions(["36-33"])).toThrow("runs backwards");
  });

  it("lists exactly the actions the source text names", () => {
    const named = new Set<number>();
    for (const m of sourceBody.matchAll(/Actions? (#[#\d ,-]+(?:and #?\d+)?)/g)) {
      for (const ref of m[1].match(/\d+(?:-\d+)?/g)!)
        expandActions([/-/.test(ref) ? ref : Number(ref)]).forEach((n) => named.add(n));
    }
    for (const s of dataset.sections)
      for (const sub of s.subheadings)
        for (const ref of sub.title.match(/#[\d ,\-and#]+/g) ?? []) {
          for (const r of ref.match(/\d+(?:-\d+)?/g)!)
            expandActions([/-/.test(r) ? r : Number(r)]).forEach((n) => named.add(n));
        }
    expect(dataset.actions.map((a) => a.number)).toEqual([...named].sort((a, b) => a - b));
    expect(dataset.actions.map((a) => a.number)).toEqual(expandActions(["2-31", "33-42", "51-57", 63, 65]));
  });

  it("lists each finding's paragraph under every action the finding cites", () => {
    const missing = dataset.findings.flatMap((f) =>
      expandActions(f.actions)
        .filter((n) => !dataset.actions.find((a) => a.number === n)?.paragraphs.includes(f.paragraph))
        .map((n) => `${f.id} #${n}`),
    );
    expect(missing).toEqual([]);
  });

  it("counts a sub-heading naming actions as a reference for the paragraphs under it", () => {
    const paragraphsOf = (n: number) => dataset.actions.find((a) => a.number === n)!.paragraphs;
    expect(paragraphsOf(14)).toEqual([38, 42, 43]);
    expect(paragraphsOf(34)).toEqual([61, 62, 63, 64, 65]);
    expect(paragraphsOf(63)).toEqual([74, 75]);
  });

  it("describes an action only where the report says what it is", () => {
    expect(dataset.actions.filter((a) => a.description !== null).map((a) => a.number)).toEqual([
      8, 9, 21, 22, 23, 24, 26, 30, 31, 35, 51, 52, 57,
    ]);
  });
});

describe("Do the report's lists agree with each other?", () => {
  it("the union of the States Parties with Article 3, 4 and 5 obligations is 18, and footnote 54 adds only Bulgaria", () => {
    const article3 = statesOf(
      ["p29-destruction-obligations", "p30-stockpiles-reports-not-due"],
      ["DECLARED_DESTRUCTION_OBLIGATION", "DECLARED_STOCKPILE"],
    );
    const article4 = statesOf(["p38-states-parties-article-4"]);
    const article5 = statesOf(["p47-states-parties-article-5"]);
    const union = [...new Set([...article3, ...article4, ...article5])].sort();
    expect([article3.length, article4.length, article5.length, union.length]).toEqual([11, 7, 8, 18]);
    const fn54 = statesOf(["p58-operative-obligations"]);
    expect(fn54.filter((c) => !union.includes(c))).toEqual(["BGR"]);
    expect(union.filter((c) => !fn54.includes(c))).toEqual([]);
    expect(dataset.discrepancies.find((d) => d.id === "p58-bulgaria-operative-obligations")!.states).toEqual([
      "BGR",
    ]);
  });

  it("footnote 42's affected States Parties include two not in footnote 33", () => {
    const fn33 = statesOf(["p38-states-parties-article-4"]);
    expect(statesOf(["p44-risk-reduction-programmes"]).filter((c) => !fn33.includes(c))).toEqual([
      "ALB",
      "BEL",
    ]);
  });

  it("footnote 39's signatories include one not in footnote 34", () => {
    const fn34 = statesOf(["p38-signatories-article-4"]);
    expect(statesOf(["p41-signatories-steps-on-contamination"]).filter((c) => !fn34.includes(c))).toEqual([
      "SDN",
    ]);
  });

  it("footnotes 10-12 give paragraph 7's seven, and footnote 14 adds the Netherlands as begun", () => {
    const started = statesOf(["p29-began-destruction", "p29-planning-destruction", "p29-tendering-process"]);
    expect(started).toHaveLength(7);
    expect(statesOf(["p30-stockpiles-reports-not-due"], ["BEGAN_DESTRUCTION"])).toEqual(["NLD"]);
    expect(finding("p7-seven-of-eleven-started-destruction").statedCount).toBe(7);
  });

  it("footnote 55's six are exactly the States Parties of footnotes 56, 58 and 60", () => {
    expect(statesOf(["p58-need-international-assistance"])).toEqual(
      statesOf([
        "p59-sp-needs-stockpile-assistance",
        "p59-sp-needs-clearance-assistance",
        "p59-sp-needs-va-assistance",
      ]),
    );
  });

  it("footnote 72's 19 are footnote 73's 11 and footnote 74's 8", () => {
    expect(statesOf(["p74-legislation-or-sufficient"])).toEqual(
      statesOf(["p74-specific-legislation", "p74-existing-legislation-adequate"]),
    );
  });

  it("records exactly these discrepancies", () => {
    expect(dataset.discrepancies.map((d) => `${d.kind} ${d.id}`)).toEqual([
      "COUNT_MISMATCH p17-fn2-lists-13-of-14-joiners",
      "DEPOSITARY_CONFLICT p17-fn2-omits-senegal",
      "COUNT_MISMATCH p18-fn3-names-seven-of-six",
      "STATUS_CONFLICT canada-state-party-and-signatory",
      "DEPOSITARY_CONFLICT canada-not-a-state-party",
      "STATUS_CONFLICT switzerland-state-party-and-signatory",
      "DEPOSITARY_CONFLICT switzerland-not-a-state-party",
      "DEPOSITARY_CONFLICT sudan-not-a-signatory",
      "CROSS_REFERENCE_MISMATCH sudan-not-among-article-4-signatories",
      "CROSS_REFERENCE_MISMATCH p44-eight-affected-states-parties",
      "CROSS_REFERENCE_MISMATCH p58-bulgaria-operative-obligations",
      "CROSS_REFERENCE_MISMATCH p7-seven-of-eleven-vs-netherlands",
      // Summaries the lists do not bear out (¶¶7, 8, 36, 52), misprints (e.g. ¶30 "states17s", ¶17 "Convention on Cluster Munition") and lists marked partial (fn64 "i.a.", ¶¶1, 4, 19, 21, 23, 24, 41 "including"/"such as").
      "SUMMARY_NOT_BORNE_OUT p7-all-will-complete-not-borne-out",
      "SUMMARY_NOT_BORNE_OUT p8-almost-all-not-borne-out",
      "SUMMARY_CONTRADICTED p36-none-retain-contradicted",
      "SUMMARY_NOT_BORNE_OUT p52-all-affected-not-borne-out",
      "MISPRINT p30-states17s-marker",
      "MISPRINT p17-convention-on-cluster-munition",
      "MISPRINT p19-non-alignment-movement",
      "MISPRINT p15-has-lead-to",
      "MISPRINT p63-cost-efficient-matter",
      "MISPRINT p57-develop-or-adapt",
      "MISPRINT p57-victims-disabilities-apostrophe",
      "MISPRINT p33-three-states-parties-its-obligation",
      "MISPRINT fn5-list-missing-and",
      "PARTIAL_LIST fn64-ia-signatories-funding",
      "PARTIAL_LIST p1-sources-including",
      "PARTIAL_LIST p4-actors-and-others",
      "PARTIAL_LIST p19-forums-including",
      "PARTIAL_LIST p21-reactions-this-includes",
      "PARTIAL_LIST p23-partners-such-as",
      "PARTIAL_LIST p24-information-material-such-as",
      "PARTIAL_LIST p41-steps-including-survey-and-warning",
    ]);
  });
});

describe("Who used cluster munitions in 2011, according to the report?", () => {
  it("Thailand (user) and Libya (territory, user not named)", () => {
    expect(dataset.useInstances.map((u) => [u.id, u.user, u.territory, u.year, u.paragraphs])).toEqual([
      ["thailand-2011", "THA", null, 2011, [5, 15, 21]],
      ["libya-2011", null, "LBY", 2011, [5, 15, 22]],
    ]);
    const kinds = (code: string) =>
      dataset.findings.flatMap((f) => f.assertions.filter((a) => a.state === code).map((a) => a.kind)).sort();
    expect(kinds("THA")).toEqual(["CONSIDERING_ACCESSION", "USED_CLUSTER_MUNITIONS"]);
    expect(kinds("LBY")).toEqual(["CLUSTER_MUNITIONS_USED_ON_TERRITORY"]);
  });
});
