import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatasetError, parseParticipantsFile, parseReportFile } from "../../server/data/validate";
import { PARTICIPANTS_FILE, REPORT_FILE } from "./report-source";

type Json = any;

const original: Json = JSON.parse(readFileSync(REPORT_FILE, "utf8"));
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ccm-dataset-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
/** Writes a mutated deep copy of the real dataset to a temp file and returns the file's path. */
function mutated(mutate: (d: Json) => void): string {
  const copy = structuredClone(original);
  mutate(copy);
  const file = join(dir, `report-${++counter}.json`);
  writeFileSync(file, JSON.stringify(copy));
  return file;
}

function rejection(file: string): DatasetError {
  try {
    parseReportFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return e as DatasetError;
  }
  throw new Error(`${file} was accepted`);
}

const at = (id: string) => original.findings.findIndex((f: Json) => f.id === id);
const P17 = at("p17-joined-since-1msp"); // footnote 2, 13 assertions
const P29 = at("p29-destruction-obligations"); // footnote 9
const P4 = at("p4-membership-60-states-parties"); // no footnote, no assertions

const cases: [string, (d: Json) => void, string, RegExp][] = [
  [
    "a value of the wrong type",
    (d) => (d.paragraphs[3].number = "4"),
    "$.paragraphs[3].number",
    /expected number/i,
  ],
  [
    "an unknown state code in an assertion",
    (d) => (d.findings[P29].assertions[0].state = "FIN"),
    `$.findings[${P29}].assertions[0].state`,
    /state FIN is not declared/,
  ],
  [
    "a declared state that is not an ISO code",
    (d) => d.states.push({ code: "ZZZ", spellings: ["Zedland"], note: null }),
    "$.states[75].code",
    /ZZZ is not an ISO 3166-1 alpha-3/,
  ],
  [
    "a footnote out of range",
    (d) => (d.findings[P4].footnote = 99),
    `$.findings[${P4}].footnote`,
    /footnote 99 does not exist/,
  ],
  [
    "a footnote of another paragraph",
    (d) => (d.findings[P29].footnote = 2),
    `$.findings[${P29}].footnote`,
    /footnote 2 belongs to paragraph 17, not 29/,
  ],
  [
    "a duplicate finding id",
    (d) => (d.findings[5].id = d.findings[4].id),
    "$.findings[5].id",
    /duplicate finding/,
  ],
  [
    "a duplicate paragraph number",
    (d) => (d.paragraphs[5].number = 5),
    "$.paragraphs[5].number",
    /duplicate paragraph 5/,
  ],
  [
    "a missing paragraph (gap)",
    (d) => d.paragraphs.splice(40, 1),
    "$.paragraphs[40].number",
    /expected paragraph 41, found 42/,
  ],
  [
    "a missing footnote (gap)",
    (d) => d.footnotes.splice(10, 1),
    "$.footnotes[10].number",
    /expected footnote 11, found 12/,
  ],
  [
    "a quote not in the text",
    (d) => (d.findings[P17].quote = "Since then 14 signatories have ratified"),
    `$.findings[${P17}].quote`,
    /quote is not in the text of paragraph 17 or footnote 2/,
  ],
  [
    "an unknown assertion kind",
    (d) => (d.findings[P17].assertions[2].kind = "DESTROYED_EVERYTHING"),
    `$.findings[${P17}].assertions[2].kind`,
    /invalid option/i,
  ],
  ["a bad date", (d) => (d.report.finalisedOn = "2011-02-30"), "$.report.finalisedOn", /date/i],
  [
    "an unknown finding in a discrepancy",
    (d) => d.discrepancies[0].findings.push("p99-nothing"),
    "$.discrepancies[0].findings[2]",
    /finding p99-nothing does not exist/,
  ],
  ["action 67", (d) => (d.findings[P29].actions = [67]), `$.findings[${P29}].actions[0]`, /./],
  ["action 67 in the action list", (d) => (d.actions[0].number = 67), "$.actions[0].number", /66/],
  [
    "an action range running backwards",
    (d) => (d.findings[P29].actions = ["36-33"]),
    `$.findings[${P29}].actions[0]`,
    /action range 36-33 runs backwards/,
  ],
  [
    "an action range beyond #66",
    (d) => (d.findings[P29].actions = ["60-70"]),
    `$.findings[${P29}].actions[0]`,
    /outside the actions #1-66/,
  ],
  [
    "an anchor not in its paragraph",
    (d) => (d.footnotes[8].anchor = "eleven States Parties"),
    "$.footnotes[8].anchor",
    /anchor "eleven States Parties" is not in the text of paragraph 29/,
  ],
  ["an unknown key", (d) => (d.findings[0].colour = "red"), "$.findings[0].colour", /unrecognized key/i],
  [
    "an undeclared state in a discrepancy",
    (d) => (d.discrepancies[3].states = ["FIN"]),
    "$.discrepancies[3].states[0]",
    /state FIN is not declared/,
  ],
  [
    "an undeclared use-instance territory",
    (d) => (d.useInstances[1].territory = "SYR"),
    "$.useInstances[1].territory",
    /state SYR is not declared/,
  ],
  [
    "a paragraph under a sub-heading that does not list it",
    (d) => (d.paragraphs[16].subheading = "Questions for discussion"),
    "$.paragraphs[16].subheading",
    /no sub-heading "Questions for discussion" of section III lists paragraph 17/,
  ],
  [
    "a sub-heading listing a paragraph of another section",
    (d) => d.sections[3].subheadings[0].paragraphs.push(29),
    "$.sections[3].subheadings[0].paragraphs[1]",
    /paragraph 29 belongs to section IV, not III/,
  ],
  [
    "a count without its wording",
    (d) => (d.findings[P4].statedCountText = null),
    `$.findings[${P4}].statedCountText`,
    /needs the report's wording/,
  ],
  [
    "a duplicate assertion",
    (d) => d.findings[P17].assertions.push(d.findings[P17].assertions[0]),
    `$.findings[${P17}].assertions[13].kind`,
    /duplicate assertion/,
  ],
];

describe("Does parseReportFile reject invalid files with a JSON path?", () => {
  it("accepts the real dataset", () => {
    expect(parseReportFile(REPORT_FILE).findings.length).toBe(original.findings.length);
  });

  it.each(cases)("rejects %s", (_name, mutate, path, detail) => {
    const file = mutated(mutate);
    const error = rejection(file);
    expect(error.file).toBe(file);
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${file}: ${path}: `)).toBe(true);
    expect(error.detail).toMatch(detail);
  });

  it("rejects a file that is not JSON at $", () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ not json");
    const error = rejection(file);
    expect([error.path, error.message.startsWith(`${file}: $: invalid JSON`)]).toEqual(["$", true]);
  });

  it('reads like "file: path: problem"', () => {
    const file = mutated((d) => (d.findings[12].footnote = 99));
    expect(rejection(file).message).toBe(`${file}: $.findings[12].footnote: footnote 99 does not exist`);
  });
});

describe("Does parseParticipantsFile accept the depositary table and reject a broken one?", () => {
  it("accepts the 125 rows", () => {
    expect(parseParticipantsFile(PARTICIPANTS_FILE)).toHaveLength(125);
  });

  it("rejects a duplicate state with its JSON path", () => {
    const rows = JSON.parse(readFileSync(PARTICIPANTS_FILE, "utf8"));
    rows[7].iso3 = rows[6].iso3;
    const file = join(dir, "participants.json");
    writeFileSync(file, JSON.stringify(rows));
    let error: DatasetError | undefined;
    try {
      parseParticipantsFile(file);
    } catch (e) {
      error = e as DatasetError;
    }
    expect(error).toBeInstanceOf(DatasetError);
    expect(error!.path).toBe("$[7].iso3");
    expect(error!.message).toBe(`${file}: $[7].iso3: duplicate state ${rows[6].iso3} (also at $[6])`);
  });
});
