/**
 * Dashboards (Grafana Infinity, Observable, spreadsheets) fetch a stable URL per named question:
 * GET /api/questions/<Name>?<variables> answers JSON, or CSV with `Accept: text/csv` or a `.csv`
 * suffix, one row per item with its sources. Answers are cacheable like GET /graphql.
 */
import { parse } from "csv-parse/sync";

import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("question URLs for dashboards", () => {
  it("lists every question of the SDK catalogue with what it takes and how to ask it, headline first", async () => {
    const response = await fetch(`${server.url}/api/questions`);
    const list = (await response.json()) as Record<string, any>[];
    expect(list.length).toBeGreaterThanOrEqual(20);
    expect(list[0]).toMatchObject({
      name: "SignatoriesWithStockpilesAndAssistanceNeeds",
      title: "Signatories with stockpiles and assistance needs",
      question:
        "Which signatories hold stockpiles and reported assistance needs, and where does the report say so?",
      variables: [],
      url: `${server.url}/api/questions/SignatoriesWithStockpilesAndAssistanceNeeds`,
      csv: `${server.url}/api/questions/SignatoriesWithStockpilesAndAssistanceNeeds.csv`,
      example: `${server.url}/api/questions/SignatoriesWithStockpilesAndAssistanceNeeds.csv`,
    });
    expect(list.find((q) => q.name === "StatesByStatus")).toEqual({
      name: "StatesByStatus",
      title: "States by status",
      question:
        "Which states were States Parties, signatories or not party on a given date (default: the report's date)?",
      variables: [
        {
          name: "status",
          type: "TreatyStatus!",
          required: true,
          enum: ["STATE_PARTY", "SIGNATORY", "NOT_PARTY"],
          example: "STATE_PARTY",
        },
        { name: "asOf", type: "LocalDate", required: false, example: "2010-11-09" },
        { name: "first", type: "Int", required: false, default: "100", example: 100 },
        { name: "after", type: "String", required: false },
      ],
      paged: true,
      url: `${server.url}/api/questions/StatesByStatus`,
      csv: `${server.url}/api/questions/StatesByStatus.csv`,
      example: `${server.url}/api/questions/StatesByStatus.csv?status=STATE_PARTY&asOf=2010-11-09`,
    });
    // A question about one object says what its CSV rows are; one without a list has no CSV.
    expect(list.find((q) => q.name === "StateProfile")).toMatchObject({
      csvRows: "one per item of findings",
      example: `${server.url}/api/questions/StateProfile.csv?code=LAO`,
    });
    const report = list.find((q) => q.name === "Report")!;
    expect(report).toMatchObject({ csvRows: null, example: `${server.url}/api/questions/Report` });
    expect(report.csv).toBeUndefined();

    // Every example URL answers.
    for (const question of list) {
      const answer = await fetch(question.example);
      expect([question.name, answer.status]).toEqual([question.name, 200]);
    }
  });

  it("gives the listing an ETag, and a 304 to a client that holds it", async () => {
    const first = await fetch(`${server.url}/api/questions`);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    const again = await fetch(`${server.url}/api/questions`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("matches question names in any case", async () => {
    for (const path of [
      "stateCounts.csv?groupBy=STATUS",
      "STATECOUNTS.CSV?groupBy=STATUS",
      "statecounts?groupBy=STATUS",
    ]) {
      const response = await fetch(`${server.url}/api/questions/${path}`);
      expect([path, response.status]).toEqual([path, 200]);
    }
  });

  it("answers the headline question as JSON, cacheable with an ETag", async () => {
    const response = await fetch(`${server.url}/api/questions/SignatoriesWithStockpilesAndAssistanceNeeds`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data.states.nodes.map((s: { code: string }) => s.code)).toEqual(["CIV"]);
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^W\//);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const again = await fetch(`${server.url}/api/questions/SignatoriesWithStockpilesAndAssistanceNeeds`, {
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
  });

  it("takes variables from the query string: the 46 States Parties at the First Meeting", async () => {
    const response = await fetch(
      `${server.url}/api/questions/StatesByStatus?status=STATE_PARTY&asOf=2010-11-09`,
    );
    const body = await response.json();
    expect(body.data.states.totalCount).toBe(46);
  });

  it("answers CSV for a .csv suffix, one row per state with its sources", async () => {
    const response = await fetch(
      `${server.url}/api/questions/SignatoriesWithStockpilesAndAssistanceNeeds.csv`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({
        code: "CIV",
        name: "Côte d'Ivoire",
        "stockpile.status": "EXISTING",
        "assistanceNeeds.area": "STOCKPILE_DESTRUCTION",
        sources: "¶30 fn17; ¶59 fn57",
      }),
    ]);
  });

  it("answers CSV when asked with Accept: text/csv, with variables", async () => {
    const response = await fetch(`${server.url}/api/questions/StatesWithObligation?article=4`, {
      headers: { accept: "text/csv" },
    });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    // Article 4: seven States Parties (fn33) and seven signatories (fn34).
    expect(rows.map((r) => r.code).sort()).toEqual(
      [
        "AFG",
        "AGO",
        "BIH",
        "COD",
        "COG",
        "DEU",
        "GNB",
        "HRV",
        "IRQ",
        "LAO",
        "LBN",
        "MRT",
        "NOR",
        "TCD",
      ].sort(),
    );
    for (const row of rows) expect(row.sources).toMatch(/¶38 fn3[34]/);
  });

  it("refuses unknown questions, unknown parameters and ill-typed values with clear errors", async () => {
    const unknown = await fetch(`${server.url}/api/questions/NoSuchQuestion`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].extensions.code).toBe("NOT_FOUND");

    const extra = await fetch(`${server.url}/api/questions/StatesByStatus?status=SIGNATORY&bogus=1`);
    expect(extra.status).toBe(400);
    expect((await extra.json()).errors[0]).toEqual({
      message: "unknown parameter(s): bogus",
      extensions: { code: "BAD_USER_INPUT" },
    });

    const wrong = await fetch(`${server.url}/api/questions/StatesWithObligation?article=four`);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors[0].extensions.code).toBe("BAD_USER_INPUT");

    const enumValue = await fetch(`${server.url}/api/questions/StatesByStatus?status=NOPE`);
    expect(enumValue.status).toBe(400);
    expect((await enumValue.json()).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("list questions answer every row", () => {
  const csvRows = async (path: string) => {
    const response = await fetch(`${server.url}/api/questions/${path}`);
    expect([path, response.status]).toEqual([path, 200]);
    return {
      rows: parse(await response.text(), { columns: true }) as Record<string, string>[],
      total: response.headers.get("x-total-count"),
      link: response.headers.get("link"),
    };
  };

  it.each([
    ["States.csv", 130],
    // 135 + ¶62's Action #35 clause + the initial-report findings of ¶29 fn9, ¶35 fn26, ¶60 fn62.
    ["Findings.csv", 139],
    ["Paragraphs.csv", 80],
    ["Footnotes.csv", 77],
  ])("%s: all %i rows, paged through on the server, with the total and no next link", async (path, count) => {
    const { rows, total, link } = await csvRows(path);
    expect(rows).toHaveLength(count);
    expect(total).toBe(String(count));
    expect(link).toBeNull();
  });

  it("answers one page when asked for one, with a Link to the next that continues where it stopped", async () => {
    const first = await csvRows("States.csv?first=50");
    expect(first.rows).toHaveLength(50);
    expect(first.total).toBe("130");
    const next = /^<([^>]+)>; rel="next"$/.exec(first.link ?? "")?.[1];
    expect(next).toMatch(/\/api\/questions\/States\.csv\?first=50&after=/);
    const second = await csvRows(next!.slice(server.url.length + "/api/questions/".length));
    expect(second.rows[0].code).not.toBe(first.rows[0].code);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.code)).size).toBe(100);
  });

  describe("where a cap applies", () => {
    let capped: TestServer;
    beforeAll(async () => {
      capped = await startTestServer({ questionRowLimit: 40 });
    });
    afterAll(async () => {
      await capped.close();
    });

    it("says so: the total, and a Link to the rest", async () => {
      const response = await fetch(`${capped.url}/api/questions/Findings.csv`);
      const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(40);
      expect(response.headers.get("x-total-count")).toBe("139");
      const next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get("link") ?? "")?.[1];
      expect(next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/questions\/Findings\.csv\?after=/);
      // Following the links gives every finding once.
      const keys = rows.map((r) => r.key);
      for (let url = next; url;) {
        const page = await fetch(url);
        keys.push(...(parse(await page.text(), { columns: true }) as { key: string }[]).map((r) => r.key));
        url = /^<([^>]+)>; rel="next"$/.exec(page.headers.get("link") ?? "")?.[1];
      }
      expect(keys).toHaveLength(139);
      expect(new Set(keys).size).toBe(139);
    });
  });
});

describe("questions about one object", () => {
  it("answers StateProfile as CSV: one row per finding about the state, each with its code and name", async () => {
    const response = await fetch(`${server.url}/api/questions/StateProfile.csv?code=LAO`);
    expect(response.status).toBe(200);
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const json = await (await fetch(`${server.url}/api/questions/StateProfile?code=LAO`)).json();
    expect(rows).toHaveLength(json.data.state.findings.length);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row).toMatchObject({ "state.code": "LAO", "state.name": json.data.state.name });
      expect(row.key).toMatch(/^p\d+-/);
      expect(row.sources).toMatch(/^¶\d+/);
    }
    expect(rows[0]).toMatchObject({ key: "p1-submitted-by-lao-pdr", sources: "¶1" });
  });

  it("answers 404 for an object that does not exist, as JSON and as CSV", async () => {
    for (const path of ["StateProfile?code=ZZZ", "StateProfile.csv?code=ZZZ", "Paragraph.csv?number=999"]) {
      const response = await fetch(`${server.url}/api/questions/${path}`);
      expect([path, response.status]).toEqual([path, 404]);
      expect((await response.json()).errors[0].extensions.code).toBe("NOT_FOUND");
    }
  });

  it("answers 406, saying why, for CSV of an object with no list to make rows of", async () => {
    const response = await fetch(`${server.url}/api/questions/Report.csv`);
    expect(response.status).toBe(406);
    expect((await response.json()).errors[0].message).toMatch(/answers one object.*ask for JSON/);
    expect((await fetch(`${server.url}/api/questions/Report`)).status).toBe(200);
  });
});

describe("a need filtered by area", () => {
  it("lists only that area's need, citing only its sources", async () => {
    const response = await fetch(`${server.url}/api/questions/AssistanceNeeds?area=STOCKPILE_DESTRUCTION`);
    const { data } = await response.json();
    expect(data.states.nodes.map((s: { code: string }) => s.code).sort()).toEqual([
      "BIH",
      "CIV",
      "GNB",
      "HRV",
    ]);
    for (const state of data.states.nodes) {
      expect(state.assistanceNeeds.map((n: { area: string }) => n.area)).toEqual(["STOCKPILE_DESTRUCTION"]);
    }
    // The same states' needs in every area cite more: clearance and victim assistance too.
    const all = await server.graphql(
      `{ states(filter: { codeIn: ["BIH", "GNB"] }) { nodes { assistanceNeeds { area } } } }`,
    );
    const areas = all.data!.states.nodes.flatMap((s: any) => s.assistanceNeeds.map((n: any) => n.area));
    expect(new Set(areas).size).toBeGreaterThan(1);

    const csv = parse(
      await (
        await fetch(`${server.url}/api/questions/AssistanceNeeds.csv?area=STOCKPILE_DESTRUCTION`)
      ).text(),
      { columns: true },
    ) as Record<string, string>[];
    expect(new Set(csv.map((r) => r["assistanceNeeds.area"]))).toEqual(new Set(["STOCKPILE_DESTRUCTION"]));
  });
});

describe("the monitoring questions as dashboard URLs", () => {
  const csv = async (path: string) => {
    const response = await fetch(`${server.url}/api/questions/${path}`);
    expect([path, response.status]).toEqual([path, 200]);
    return parse(await response.text(), { columns: true }) as Record<string, string>[];
  };

  it("gives a state's deadlines one row each, with the state's code", async () => {
    const rows = await csv("StateDeadlines.csv?code=BIH&asOf=2011-08-20");
    // Bosnia and Herzegovina: Articles 3(2), 4(1)(a), 7(1), 7(2) (deposited 7 September 2010).
    expect(rows.map((r) => [r["state.code"], r.citation, r.dueOn, r.status])).toEqual([
      ["BIH", "Article 3(2)", "2019-03-01", "NOT_YET_DUE"],
      ["BIH", "Article 4(1)(a)", "2021-03-01", "NOT_YET_DUE"],
      ["BIH", "Article 7(1)", "2011-08-28", "NOT_YET_DUE"],
      ["BIH", "Article 7(2)", "2012-04-30", "NOT_YET_DUE"],
    ]);
  });

  it("gives the action matrix one row per cell, with its link and sources", async () => {
    const rows = await csv(
      `ActionMatrix.csv?filter=${encodeURIComponent('{"actionIn":[23],"linkIn":["REPORTED"]}')}`,
    );
    // ¶48 fn50: Albania, Bosnia and Herzegovina, Croatia and Lao PDR, in line with Action #23.
    expect(rows.map((r) => r["state.code"])).toEqual(["ALB", "BIH", "HRV", "LAO"]);
    expect(rows.every((r) => r.link === "REPORTED" && /¶48 fn50/.test(r.sources))).toBe(true);
  });

  it("lists overdue obligations on a date, paged through on the server", async () => {
    const rows = await csv("OverdueObligations.csv?asOf=2019-03-02&ruleIn=STOCKPILE_DESTRUCTION");
    expect(rows.map((r) => r["state.code"])).toEqual([
      "HRV",
      "DNK",
      "FRA",
      "DEU",
      "JPN",
      "SVN",
      "GBR",
      "BIH",
    ]);
  });
});
