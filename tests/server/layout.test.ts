/**
 * The layout's two rules, kept by the suite rather than by memory: the server's modules import
 * each other without a cycle, and no source file outside migrations grows past 400 lines (a
 * file that long holds more than one concern; split it by concept).
 */
import fs from "node:fs";
import path from "node:path";

import madge from "madge";

const ROOT = path.resolve(__dirname, "../..");
const SERVER = path.join(ROOT, "server");
const MAX_LINES = 400;

/** Every TypeScript file under a folder, skipping migrations and built or installed files. */
function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory())
      return ["migrations", "node_modules", "dist"].includes(entry.name) ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("Is the server still laid out one concept to a folder?", () => {
  it("has no import cycle between its modules", async () => {
    const graph = await madge(SERVER, {
      fileExtensions: ["ts"],
      tsConfig: path.join(ROOT, "tsconfig.json"),
      excludeRegExp: [/node_modules/, /\/dist\//],
    });
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(50);
    expect(graph.circular()).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines outside migrations`, () => {
    const files = sourceFiles(SERVER);
    expect(files.length).toBeGreaterThan(50);
    const long = files
      .map((file) => ({
        file: path.relative(ROOT, file),
        lines: fs.readFileSync(file, "utf8").split("\n").length - 1,
      }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it("names every folder of server/ in the README's layout, one line each", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const layout = readme.slice(readme.indexOf("## Project layout"));
    const folders = fs
      .readdirSync(SERVER, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(10);
    const missing = folders.filter((folder) => !new RegExp(`^  ${folder}/ `, "m").test(layout));
    expect(missing).toEqual([]);
  });
});
