/**
 * People explore in the browser: the explorer at GET / (GraphiQL 5) loads with no internet (every
 * asset from ccm-graph itself), opens on the headline question with its answer already shown
 * (Côte d'Ivoire), titles its tabs with the questions in words, and its docs (starting from the
 * schema's description), Explorer plugin and history work, with no console error. Driven in
 * Debian's Chromium by playwright-core.
 *
 * Without /usr/bin/chromium the test is skipped with a message, except in CI (CI=true), where a
 * skip would hide a missing install: there it fails.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { type BrowserContext, chromium, type Page } from "playwright-core";

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

  /** A page that records console errors, uncaught exceptions and requests leaving the host. */
  async function watchedPage(context: BrowserContext) {
    const page = await context.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !url.startsWith("data:") && !url.startsWith("blob:"))
        foreign.push(url);
    });
    return { page, problems, foreign };
  }

  /** The response pane's text (Monaco draws spaces as no-break spaces). */
  const responseText = async (page: Page) =>
    ((await page.locator(".graphiql-response").textContent()) ?? "").replace(/\u00a0/g, " ");

  it("opens on the headline question with its answer shown, loading nothing from elsewhere", async () => {
    const { page, problems, foreign } = await watchedPage(browser);
    await page.goto(`${server.url}/`);

    // The first tab is the headline question, and its answer shows without pressing run.
    await page.locator(".graphiql-query-editor .monaco-editor").first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => document.querySelector(".graphiql-response")?.textContent?.includes("CIV"),
      null,
      { timeout: 30_000 },
    );
    expect(await responseText(page)).toContain("Côte d'Ivoire");
    expect(await page.locator(".graphiql-query-editor").textContent()).toContain(
      "SignatoriesWithStockpilesAndAssistanceNeeds",
    );

    // Tabs show the question in words, in full on hover (the title).
    const firstTab = page.locator("#graphiql-session-tab-0");
    const headline =
      "Which signatories hold stockpiles and reported assistance needs, and where does the report say so?";
    expect(await firstTab.getAttribute("title")).toBe(headline);
    const shown = await firstTab.evaluate((button) => getComputedStyle(button, "::before").content);
    expect(shown).toBe(JSON.stringify(headline));
    expect(await page.locator(".graphiql-tab").count()).toBeGreaterThanOrEqual(20);

    // The site's icon is served (no 404 in the console).
    expect((await page.request.get(`${server.url}/favicon.ico`)).status()).toBe(200);

    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, "explorer-headline.png") });
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it("has docs that start from what the API is, a query builder, and history", async () => {
    // A second, fresh profile: the first test's remembered panels and tabs do not leak in.
    const fresh = await chromium.launchPersistentContext(fs.mkdtempSync(`${userDataDir}-second`), {
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
    try {
      await exploreDocsBuilderAndHistory(fresh);
    } finally {
      await fresh.close();
    }
  });

  async function exploreDocsBuilderAndHistory(context: BrowserContext) {
    const { page, problems, foreign } = await watchedPage(context);
    await page.goto(`${server.url}/`);
    await page.waitForFunction(
      () => document.querySelector(".graphiql-response")?.textContent?.includes("CIV"),
      null,
      { timeout: 30_000 },
    );

    // The docs open on the schema's description: what the API is and where to start.
    await page.getByLabel("Show Documentation Explorer").click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs
      .getByText("how states implement the Convention on Cluster Munitions", { exact: false })
      .waitFor();
    await docs.getByText("Where to start", { exact: false }).waitFor();
    await docs.getByText("Query", { exact: true }).first().click();
    await docs
      .getByText("Questions about the Convention on Cluster Munitions", { exact: false })
      .first()
      .waitFor();
    await page.screenshot({ path: path.join(OUTPUT, "explorer-docs.png") });

    // The Explorer plugin lists the root fields to tick.
    await page.getByLabel("Show GraphiQL Explorer").click();
    await page.locator(".graphiql-explorer-root").getByText("stateCounts", { exact: true }).first().waitFor();
    await page.screenshot({ path: path.join(OUTPUT, "explorer-builder.png") });

    // The run on open is in the history.
    await page.getByLabel("Show History").click();
    await page.locator(".graphiql-history-items li").first().waitFor();
    await page.screenshot({ path: path.join(OUTPUT, "explorer-history.png") });
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  }
});
