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
  it("lists every question of the SDK catalogue with its URLs, headline first", async () => {
    const list = (await (await fetch(`${server.url}/api/questions`)).json()) as {
      name: string;
      variables: string[];
      url: string;
      csv: string;
    }[];
    expect(list.length).toBeGreaterThanOrEqual(20);
    expect(list[0]).toMatchObject({
      name: "SignatoriesWithStockpilesAndAssistanceNeeds",
      variables: [],
      url: `${server.url}/api/questions/SignatoriesWithStockpilesAndAssistanceNeeds`,
      csv: `${server.url}/api/questions/SignatoriesWithStockpilesAndAssistanceNeeds.csv`,
    });
    expect(list.find((q) => q.name === "StatesByStatus")?.variables).toEqual([
      "status",
      "asOf",
      "first",
      "after",
    ]);
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
