/**
 * Which Node.js versions ccm-graph runs on: package.json's `engines` must be true of every package
 * it installs (or `npm install` prints "Unsupported engine" warnings), and the recommended version
 * in .nvmrc must be one of them.
 */
import fs from "node:fs";
import path from "node:path";

import semver from "semver";

const ROOT = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const engines: string = JSON.parse(read("package.json")).engines.node;
const lock = JSON.parse(read("package-lock.json")) as {
  packages: Record<string, { version?: string; engines?: unknown }>;
};

describe("the Node.js versions package.json admits", () => {
  it("are supported by every package in the lock file (dev tools included)", () => {
    const narrower = Object.entries(lock.packages)
      .filter(([location]) => location !== "")
      .map(([location, entry]) => {
        const node = (entry.engines as { node?: unknown } | undefined)?.node;
        return { name: location.replace(/^.*node_modules\//, ""), version: entry.version, node };
      })
      .filter(({ node }) => typeof node === "string" && !semver.subset(engines, node))
      .map(({ name, version, node }) => `${name}@${version} wants node ${node}`);
    expect(narrower).toEqual([]);
  });

  it("are the current LTS lines, 22 and 24, and not 20", () => {
    expect(semver.satisfies("22.23.3", engines)).toBe(true);
    expect(semver.satisfies("24.21.0", engines)).toBe(true);
    expect(semver.satisfies("20.20.2", engines)).toBe(false);
  });

  it("include the version .nvmrc recommends", () => {
    const recommended = read(".nvmrc").trim();
    expect(semver.intersects(`${recommended}.x`, engines)).toBe(true);
  });
});
