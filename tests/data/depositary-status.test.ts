import { REPORT_DATE, dataset, participants, statusOn, type Status } from "./report-source";

const GROUP_STATUS: Partial<Record<string, Status>> = {
  STATES_PARTIES: "STATE_PARTY",
  SIGNATORIES: "SIGNATORY",
  STATES_NOT_PARTY: "NOT_PARTY",
};

/** Every (finding, state) the report puts in a group that the depositary record disagrees with. */
const conflicts = dataset.findings.flatMap((f) => {
  const expected = GROUP_STATUS[f.group];
  if (!expected) return [];
  const states = [...new Set(f.assertions.map((a) => a.state))];
  return states
    .filter((s) => statusOn(s, REPORT_DATE) !== expected)
    .map((s) => ({ finding: f.id, state: s, group: f.group, actual: statusOn(s, REPORT_DATE) }));
});

describe("Do the states the report assigns to a group have that status on 20 August 2011?", () => {
  it("finds exactly four assignments that contradict the depositary record", () => {
    expect(conflicts.map((c) => `${c.finding} ${c.state} ${c.group} but ${c.actual}`)).toEqual([
      "p34-finish-destruction-early CAN STATES_PARTIES but SIGNATORY",
      "p34-ready-to-assist-destruction CHE STATES_PARTIES but SIGNATORY",
      "p41-signatories-steps-on-contamination SDN SIGNATORIES but NOT_PARTY",
      "p68-proposed-isu CHE STATES_PARTIES but SIGNATORY",
    ]);
  });

  it.each(conflicts.map((c) => [c.finding, c.state] as const))(
    "%s / %s is recorded as a DEPOSITARY_CONFLICT",
    (finding, state) => {
      const recorded = dataset.discrepancies.filter(
        (d) => d.kind === "DEPOSITARY_CONFLICT" && d.findings.includes(finding) && d.states.includes(state),
      );
      expect(recorded).toHaveLength(1);
    },
  );

  it("records Canada and Switzerland, called both State Party and signatory, as STATUS_CONFLICT", () => {
    const groupsOf = (code: string) =>
      [
        ...new Set(
          dataset.findings.filter((f) => f.assertions.some((a) => a.state === code)).map((f) => f.group),
        ),
      ]
        .filter((g) => g === "STATES_PARTIES" || g === "SIGNATORIES")
        .sort();
    const twoStatuses = dataset.states.map((s) => s.code).filter((code) => groupsOf(code).length === 2);
    expect(twoStatuses).toEqual(["CAN", "CHE"]);
    for (const code of twoStatuses) {
      expect(
        dataset.discrepancies.filter((d) => d.kind === "STATUS_CONFLICT" && d.states.includes(code)),
      ).toHaveLength(1);
    }
  });

  it('matches the wording of mixed lists: "one State Party and one signatory" (footnotes 24 and 35)', () => {
    for (const n of [24, 35]) {
      const f = dataset.findings.find((x) => x.footnote === n)!;
      const statuses = f.assertions.map((a) => statusOn(a.state, REPORT_DATE)).sort();
      expect([f.group, statuses]).toEqual(["MIXED", ["SIGNATORY", "STATE_PARTY"]]);
    }
  });

  it("agrees with the report's membership totals (46 at 1MSP, 60 and 49 on 20 August 2011)", () => {
    const count = (status: Status, date: string) =>
      participants.filter((p) => statusOn(p.iso3, date) === status).length;
    expect(count("STATE_PARTY", "2010-11-09")).toBe(46);
    expect(count("STATE_PARTY", REPORT_DATE)).toBe(60);
    expect(count("SIGNATORY", REPORT_DATE)).toBe(49);
    const stated = (id: string) => dataset.findings.find((f) => f.id === id)!.statedCount;
    expect([
      stated("p17-46-states-parties-at-1msp"),
      stated("p4-membership-60-states-parties"),
      stated("p4-signatories-49"),
    ]).toEqual([46, 60, 49]);
  });

  it("shows footnote 2 omitting Senegal and listing Grenada's accession among the ratifications", () => {
    const joined = participants.filter((p) => p.joined && p.joined > "2010-11-09" && p.joined <= REPORT_DATE);
    const fn2 = dataset.findings.find((f) => f.footnote === 2)!.assertions.map((a) => a.state);
    expect(joined.map((p) => p.iso3).filter((c) => !fn2.includes(c))).toEqual(["SEN"]);
    expect(fn2.filter((c) => !joined.some((p) => p.iso3 === c))).toEqual([]);
    expect(joined.filter((p) => p.joinedBy === "accession").map((p) => p.iso3)).toEqual(["GRD"]);
    const d = dataset.discrepancies.find((x) => x.id === "p17-fn2-omits-senegal")!;
    expect([d.kind, d.states]).toEqual(["DEPOSITARY_CONFLICT", ["SEN", "GRD"]]);
  });

  it("names as States not Party only states outside the treaty, and Thailand and Libya are outside it", () => {
    expect(["KHM", "VNM", "THA", "LBY", "SDN"].map((c) => statusOn(c, REPORT_DATE))).toEqual(
      Array(5).fill("NOT_PARTY"),
    );
  });
});
