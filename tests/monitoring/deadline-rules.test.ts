/**
 * The Convention's deadline rules as functions of dates (server/deadlines/rules.ts and
 * derive.ts), checked against cases worked out by hand from Articles 17, 3, 4 and 7. No database:
 * these are the rules themselves, applied to a report and a depositary record made for the case.
 */
import "reflect-metadata";

import { deadlinesOf } from "../../server/deadlines/derive";
import { statusOf } from "../../server/deadlines/deadline";
import { dueDate, entryIntoForce } from "../../server/deadlines/rules";
import type { Participant, ReportDataset } from "../../server/data/format";
import { ASSERTION_MEANINGS } from "../../server/vocabulary";

describe("When does the Convention enter into force for a state (Article 17)?", () => {
  it.each([
    ["2008-12-03", "2010-08-01"], // among the first 30 instruments
    ["2010-02-16", "2010-08-01"], // the 30th instrument's day (Burkina Faso, Republic of Moldova)
    ["2010-02-17", "2010-08-01"], // later: the first day of the sixth month after February
    ["2010-09-07", "2011-03-01"], // Bosnia and Herzegovina
    ["2010-11-05", "2011-05-01"], // Lebanon
    ["2010-12-31", "2011-06-01"],
  ])("deposited %s: in force %s", (deposited, inForce) => {
    expect(entryIntoForce(deposited)).toBe(inForce);
  });

  it("makes the initial report due 180 days after, and the first annual update the next 30 April", () => {
    expect(dueDate("INITIAL_REPORT", "2010-08-01").due).toBe("2011-01-28");
    expect(dueDate("ANNUAL_REPORT", "2010-08-01")).toEqual({ trigger: "2011-01-28", due: "2011-04-30" });
    // An initial report due on 30 April itself: the annual update is the next year's.
    expect(dueDate("ANNUAL_REPORT", "2010-11-01")).toEqual({ trigger: "2011-04-30", due: "2012-04-30" });
    expect(dueDate("STOCKPILE_DESTRUCTION", "2012-02-29").due).toBe("2020-02-29");
    expect(dueDate("CLEARANCE", "2012-02-29").due).toBe("2022-02-28");
  });
});

/** A report with one finding asserting `kind` about ZZA, and the fields a report needs. */
function reportWith(assertions: { kind: string; until?: string | null }[]): ReportDataset {
  return {
    report: { id: "case", finalisedOn: "2013-06-30" },
    actions: [],
    discrepancies: [],
    findings: [
      {
        id: "f1",
        paragraph: 1,
        footnote: null,
        actions: [],
        statedCount: null,
        deadlineCheck: null,
        quote: "q",
        assertions: assertions.map((a) => ({
          state: "ZZA",
          kind: a.kind,
          detail: null,
          until: a.until ?? null,
        })),
      },
    ],
  } as unknown as ReportDataset;
}

const participant = (joined: string, withdrawalEffective: string | null = null) =>
  ({
    iso3: "ZZA",
    state: "Case",
    signed: null,
    joined,
    joinedBy: "accession",
    withdrawalEffective,
    sources: [],
  }) as unknown as Participant;

describe("Which deadlines bind a state, and where do they stand?", () => {
  it("binds every depositing state to the reporting deadlines, and to clearance only with an Article 4 obligation", () => {
    const plain = deadlinesOf(reportWith([]), [participant("2011-01-10")], ASSERTION_MEANINGS);
    expect(plain.map((d) => d.rule)).toEqual(["INITIAL_REPORT", "ANNUAL_REPORT"]);
    const clearing = deadlinesOf(
      reportWith([{ kind: "HAS_CLEARANCE_OBLIGATION" }]),
      [participant("2011-01-10")],
      ASSERTION_MEANINGS,
    );
    // Deposited January 2011: in force 1 July 2011, clearance due 1 July 2021.
    expect(clearing.find((d) => d.rule === "CLEARANCE")).toMatchObject({
      entry_into_force: "2011-07-01",
      due_on: "2021-07-01",
    });
  });

  it("records an extension a later report grants, and calls the deadline EXTENDED until the new date", () => {
    const [clearance] = deadlinesOf(
      reportWith([
        { kind: "HAS_CLEARANCE_OBLIGATION" },
        { kind: "GRANTED_CLEARANCE_EXTENSION", until: "2026-07-01" },
      ]),
      [participant("2011-01-10")],
      ASSERTION_MEANINGS,
    ).filter((d) => d.rule === "CLEARANCE");
    expect(clearance).toMatchObject({ due_on: "2021-07-01", extended_until: "2026-07-01", met_by: [] });
    const at = (asOf: string) =>
      statusOf(
        { metByKeys: clearance.met_by, extendedUntil: clearance.extended_until, dueOn: clearance.due_on },
        asOf,
      );
    expect([at("2020-01-01"), at("2022-01-01"), at("2027-01-01")]).toEqual([
      "EXTENDED",
      "EXTENDED",
      "DUE_NOT_REPORTED_MET",
    ]);
  });

  it("calls a deadline MET on the finding that says so, whatever the date", () => {
    const [clearance] = deadlinesOf(
      reportWith([{ kind: "COMPLETED_CLEARANCE" }]),
      [participant("2011-01-10")],
      ASSERTION_MEANINGS,
    ).filter((d) => d.rule === "CLEARANCE");
    expect(clearance.met_by).toEqual(["f1"]);
    expect(
      statusOf({ metByKeys: clearance.met_by, extendedUntil: null, dueOn: clearance.due_on }, "2030-01-01"),
    ).toBe("MET");
  });

  it("drops the deadlines that fall after a withdrawal took effect", () => {
    const rows = deadlinesOf(reportWith([]), [participant("2011-01-10", "2012-01-01")], ASSERTION_MEANINGS);
    // In force 1 July 2011: the initial report (28 December 2011) binds; the annual update (30 April 2012) does not.
    expect(rows.map((d) => [d.rule, d.due_on])).toEqual([["INITIAL_REPORT", "2011-12-28"]]);
  });
});
