/* global __dirname */
/**
 * npm's `prepare`: builds dist/ wherever the package is installed from source, not from a
 * tarball. `npm install <folder>` links the folder and runs this without the package's dev
 * dependencies, so the build tools (tsup) are installed here first when they are missing; a git
 * install (`npm install "git+https://...#main::path:sdk"`) and `npm pack` have them already.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (args) =>
  execFileSync(npm, args, { cwd: __dirname, stdio: "inherit", shell: process.platform === "win32" });

// The nested install below runs this again: once is enough.
if (process.env.CCM_SDK_PREPARING !== "1") {
  process.env.CCM_SDK_PREPARING = "1";
  if (!fs.existsSync(path.join(__dirname, "node_modules", ".bin", "tsup"))) {
    run(["ci", "--include=dev", "--no-audit", "--no-fund"]);
  }
  run(["run", "build"]);
}
