/**
 * The SDK installs from source as well as from its tarball: `npm install <folder>` (npm links the
 * folder and runs its `prepare`, without its dev dependencies) and a git install
 * (`git+file://...#<commit>::path:sdk`, which npm clones, prepares and packs). Both start from
 * what git tracks, with no dist/ and no node_modules, and must give a package that answers.
 */
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { startTestServer, type TestServer } from "../helpers/server";

const ROOT = path.resolve(__dirname, "../..");

/** Child npm and node processes, without the npm_* settings of a parent `npm test`. */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      !/^npm_/i.test(key) && key !== "INIT_CWD" && key !== "NODE_OPTIONS" && key !== "CCM_SDK_PREPARING",
  ),
);

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, env: childEnv, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

const SCRIPT = `const { createClient } = require("@ccm-graph/sdk");
createClient({ url: process.argv[2] }).signatoriesWithStockpilesAndAssistanceNeeds()
  .then((answer) => console.log(answer.states.nodes.map((s) => s.code).join(",")));
`;

let server: TestServer;
let work: string;
beforeAll(async () => {
  server = await startTestServer();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-sdk-routes-"));
});
afterAll(async () => {
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** An empty project that installs `spec` and asks the headline question through it. */
async function installAndAsk(name: string, spec: string): Promise<string> {
  const consumer = path.join(work, name);
  fs.mkdirSync(consumer);
  fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name, private: true }));
  npm(["install", "--no-audit", "--no-fund", spec], consumer);
  fs.writeFileSync(path.join(consumer, "ask.cjs"), SCRIPT);
  const { stdout } = await promisify(execFile)(process.execPath, ["ask.cjs", server.graphqlUrl], {
    cwd: consumer,
    env: childEnv,
  });
  return stdout.trim();
}

it("installs from a folder: npm links it and its prepare script builds it", async () => {
  // The sdk folder as a fresh clone has it: tracked files only.
  const tracked = execFileSync("git", ["ls-files", "sdk"], { cwd: ROOT, encoding: "utf8" }).split("\n");
  for (const file of tracked.filter(Boolean)) {
    const target = path.join(work, "source", file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), target);
  }
  expect(fs.existsSync(path.join(work, "source", "sdk", "dist"))).toBe(false);
  expect(await installAndAsk("from-folder", path.join(work, "source", "sdk"))).toBe("CIV");
  expect(fs.existsSync(path.join(work, "source", "sdk", "dist", "index.mjs"))).toBe(true);
}, 300_000);

it("installs from git, the sdk folder of a commit", async () => {
  const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  expect(await installAndAsk("from-git", `git+file://${ROOT}#${commit}::path:sdk`)).toBe("CIV");
}, 300_000);

it("ships the project's license", () => {
  expect(fs.readFileSync(path.join(ROOT, "sdk", "LICENSE"), "utf8")).toBe(
    fs.readFileSync(path.join(ROOT, "LICENSE"), "utf8"),
  );
});
