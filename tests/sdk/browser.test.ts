/**
 * The SDK in a browser: its sources bundled for the browser (as a web app's bundler would) and
 * run in Debian's Chromium by playwright-core against the real server, with the browser's own
 * fetch and Web Crypto (for `persisted: true`).
 *
 * Without /usr/bin/chromium the test is skipped with a message, except in CI (CI=true), where a
 * skip would hide a missing install: there it fails (as tests/browser/explorer.test.ts does).
 */
import "reflect-metadata";

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// esbuild comes with tsx (a root dependency); it stands in for a web app's bundler.
import { build } from "esbuild";
import { type BrowserContext, chromium } from "playwright-core";

import { startTestServer, type TestServer } from "../helpers/server";

const CHROMIUM = "/usr/bin/chromium";
const available = fs.existsSync(CHROMIUM);
if (!available && process.env.CI !== "true") {
  console.warn("Skipping the SDK browser test: no Chromium at /usr/bin/chromium (apt-get install chromium).");
}
const describeInBrowser = available || process.env.CI === "true" ? describe : describe.skip;

describeInBrowser("the SDK in a real browser", () => {
  let server: TestServer;
  let browser: BrowserContext;
  let userDataDir: string;
  let bundle: string;

  beforeAll(async () => {
    if (!available)
      throw new Error("CI must run the browser test: install Debian's chromium (apt-get install chromium)");
    const result = await build({
      entryPoints: [path.resolve(__dirname, "../../sdk/index.ts")],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "CcmGraphSdk",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    bundle = result.outputFiles[0].text;
    server = await startTestServer();
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-sdk-chromium-"));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it("asks the headline question with the browser's fetch, plainly and by hash", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/healthz`);
    await page.addScriptTag({ content: bundle });
    const answers = await page.evaluate(async (url) => {
      const sdk = (globalThis as any).CcmGraphSdk;
      const codes = async (persisted: boolean) => {
        const { states } = await sdk
          .createClient({ url, persisted })
          .signatoriesWithStockpilesAndAssistanceNeeds();
        return states.nodes.map((s: { code: string }) => s.code);
      };
      let error = "";
      try {
        await sdk.createClient({ url }).request("{ nope }");
      } catch (e) {
        error = `${(e as Error).name} ${(e as { codes: string[] }).codes.join()}`;
      }
      return { plain: await codes(false), persisted: await codes(true), error };
    }, server.graphqlUrl);
    expect(answers).toEqual({
      plain: ["CIV"],
      persisted: ["CIV"],
      error: "GraphQLResponseError GRAPHQL_VALIDATION_FAILED",
    });
    await page.close();
  });
});
