/**
 * People explore in the browser: the explorer at GET / loads with no internet (every asset from
 * ccm-graph itself), opens on the headline question, runs it, and shows Côte d'Ivoire; the docs
 * explorer and the history work. Driven in Debian's Chromium by playwright-core.
 *
 * Without /usr/bin/chromium the test is skipped with a message, except in CI (CI=true), where a
 * skip would hide a missing install: there it fails.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { type BrowserContext, chromium } from "playwright-core";

import { startTestServer, type TestServer } from "../helpers/server";

const CHROMIUM = "/usr/bin/chromium";
const OUTPUT = path.resolve(__dirname, "../../test-output");
const available = fs.existsSync(CHROMIUM);

if (!available && process.env.CI !== "true") {
  console.warn(
    "Skipping the browser test: no Chromium at /usr/bin/chromium. Enable it with `apt-get install chromium` (Debian).",
  );
}

const describeInBrowser = available || process.env.CI === "true" ? describe : describe.skip;

describeInBrowser("the explorer in a real browser", () => {
  let server: TestServer;
  let browser: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    if (!available)
      throw new Error("CI must run the browser test: install Debian's chromium (apt-get install chromium)");
    server = await startTestServer();
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-chromium-"));
    // A fresh profile for every run.
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      viewport: { width: 1400, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it("runs the headline question and shows Côte d'Ivoire, loading nothing from elsewhere", async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith("data:"))
        foreign.push(request.url());
    });
    await page.goto(`${server.url}/`);

    // The first tab is the headline question from the SDK catalogue.
    const editor = page.locator(".graphiql-query-editor .CodeMirror");
    await editor.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() =>
      document
        .querySelector(".graphiql-query-editor")
        ?.textContent?.includes("SignatoriesWithStockpilesAndAssistanceNeeds"),
    );

    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".graphiql-response");
    await page.waitForFunction(
      () => document.querySelector(".graphiql-response")?.textContent?.includes("CIV"),
      null,
      {
        timeout: 30_000,
      },
    );
    expect(await result.textContent()).toContain("Côte d'Ivoire");

    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, "explorer-headline.png") });
    expect(foreign).toEqual([]);
  });

  it("has a working docs explorer and history", async () => {
    // A second, fresh profile: the first test's remembered panels and tabs do not leak in.
    const fresh = await chromium.launchPersistentContext(fs.mkdtempSync(`${userDataDir}-second`), {
      executablePath: CHROMIUM,
      viewport: { width: 1400, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
      ],
    });
    const page = await fresh.newPage();
    await page.goto(`${server.url}/`);
    await page.locator(".graphiql-query-editor .CodeMirror").waitFor({ timeout: 30_000 });
    await page.locator(".graphiql-execute-button").click();
    await page.waitForFunction(() =>
      document.querySelector(".graphiql-response")?.textContent?.includes("CIV"),
    );

    // The docs explorer opens on the root types; the Query type shows its description.
    await page.getByLabel("Show Documentation Explorer").click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs.getByText("Query", { exact: true }).first().click();
    await docs
      .getByText("Questions about the Convention on Cluster Munitions", { exact: false })
      .first()
      .waitFor();

    await page.getByLabel("Show History").click();
    // The first run of the headline question is in the history.
    await page.locator(".graphiql-history-items li").first().waitFor();
    await page.screenshot({ path: path.join(OUTPUT, "explorer-docs-history.png") });
    await fresh.close();
  });
});
