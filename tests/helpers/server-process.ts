/**
 * The server as users and supervisors run it: a real child process (`npm start`, or node as the
 * start script runs it), its output, its process group, the PostgreSQL processes it leaves, and
 * a load of real HTTP requests whose every outcome is counted.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

/** What `npm start` runs (package.json's start script, without its `exec`). */
export const START_ARGS = ["--import", "tsx", "server/index.ts"];

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves when the child exits, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  /** `npm` runs `npm start`; `node` runs the start script's command directly (as the image does). */
  via?: "node" | "npm";
  dataDir: string;
  port: number;
  env?: NodeJS.ProcessEnv;
  /** The folder it runs from (default: this checkout). */
  cwd?: string;
}

/**
 * Starts the server on the embedded database in `dataDir`, in a process group of its own (its
 * pid is the group's id), as a terminal's foreground job would be.
 */
export function startServerProcess({
  via = "node",
  dataDir,
  port,
  env = {},
  cwd = ROOT,
}: StartOptions): ServerProcess {
  const fullEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    CCM_DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    ...env,
  };
  delete fullEnv.DATABASE_URL;
  const [file, args] = via === "npm" ? ["npm", ["start", "--silent"]] : [process.execPath, START_ARGS];
  const child = spawn(file, args, {
    cwd,
    env: fullEnv,
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

/** Waits until /readyz answers 200; returns how long it took (ms). */
export async function waitUntilReady(server: ServerProcess, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`server exited early:\n${server.output()}`);
    }
    const ok = await fetch(`${server.url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output()}`);
}

/** Resolves when `pattern` appears in the server's output. */
export async function waitForOutput(
  server: ServerProcess,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<void> {
  const started = Date.now();
  while (!pattern.test(server.output())) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    if (Date.now() - started > timeoutMs)
      throw new Error(`no ${pattern} after ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function commandLines(): { pid: number; pgid: number; args: string[] }[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        // The process group is the 5th field of /proc/<pid>/stat, after the command in parentheses.
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const pgid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
        return [{ pid: Number(pid), pgid, args }];
      } catch {
        return []; // gone meanwhile
      }
    });
}

/** PIDs of PostgreSQL processes (postgres or initdb) whose command line names this data folder. */
export function postgresProcessesOn(dataDir: string): number[] {
  return commandLines()
    .filter(({ args }) => args.some((arg) => /postgres|initdb/.test(arg)))
    .filter(({ args }) => args.includes(dataDir) || args.includes(`--pgdata=${dataDir}`))
    .map(({ pid }) => pid);
}

/** PIDs of the processes still in a process group (npm, a shell, node, esbuild ...). */
export function processesInGroup(pgid: number): number[] {
  return commandLines()
    .filter((p) => p.pgid === pgid)
    .map(({ pid }) => pid);
}

/** Kills what a test left running: the server's group and PostgreSQL on its data folder. */
export function killLeftovers(server: ServerProcess | undefined, dataDir: string): void {
  if (server?.child.pid) {
    try {
      process.kill(-server.child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  for (const pid of postgresProcessesOn(dataDir)) process.kill(pid, "SIGKILL");
}

export interface Question {
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

/** The SDK catalogue's questions, as the soak and the benchmark ask them. */
export function catalogue(): Question[] {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "sdk", "generated", "catalogue.json"), "utf8"));
}

export interface LoadOutcome {
  /** Answers with status 200 and data, without errors. */
  answered: number;
  /** Answers received after `mark()` was called (requests in flight when the signal went). */
  answeredAfterMark: number;
  /** Answers that were not a 200 with data (a 503, a GraphQL error ...), and requests cut off without an answer. */
  failures: string[];
  /** Requests refused because the server no longer listened (the load then stops). */
  refused: number;
}

/** POSTs one GraphQL request on `agent`: the status and body, or the error that cut it off. */
function post(url: URL, agent: http.Agent, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json" } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * Keeps `connections` clients asking the catalogue's questions until the server stops listening,
 * each on one keep-alive connection of its own (an http.Agent with one socket), as a browser or
 * a proxy would. Every request ends as a good answer, a failure (a bad answer, or a connection cut
 * with the request unanswered) or a refused connection, which ends that client.
 *
 * Not autocannon, which reconnects silently when a server closes a connection with a request
 * unanswered (that request is exactly what this counts), nor fetch, whose pool opens extra
 * connections under load: one that the server has not yet accepted when it stops listening is
 * reset by the kernel, a refusal the client sees as a reset of a request it may have sent.
 */
export function driveLoad(graphqlUrl: string, connections: number) {
  const questions = catalogue();
  const outcome: LoadOutcome = { answered: 0, answeredAfterMark: 0, failures: [], refused: 0 };
  let markedAt: number | undefined;
  const when = () => (markedAt === undefined ? "" : ` (${Date.now() - markedAt} ms after the signal)`);
  const url = new URL(graphqlUrl);
  const client = async (offset: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = offset; ; i++) {
        const question = questions[i % questions.length];
        const body = JSON.stringify({
          query: question.document,
          variables: question.variables,
          operationName: question.name,
        });
        try {
          const answer = await post(url, agent, body);
          if (answer.status === 200 && answer.body.includes('"data"') && !answer.body.includes('"errors"')) {
            outcome.answered += 1;
            if (markedAt !== undefined) outcome.answeredAfterMark += 1;
          } else {
            outcome.failures.push(
              `${question.name}: HTTP ${answer.status} ${answer.body.slice(0, 200)}${when()}`,
            );
          }
        } catch (error) {
          const { code, message } = error as NodeJS.ErrnoException;
          if (code === "ECONNREFUSED") {
            outcome.refused += 1;
            return;
          }
          outcome.failures.push(`${question.name}: ${code ?? ""} ${message}${when()}`);
        }
      }
    } finally {
      agent.destroy();
    }
  };
  const done = Promise.all(Array.from({ length: connections }, (_, i) => client(i * 3)));
  return {
    outcome,
    /** Notes the moment a signal is sent: answers from then on were in flight or queued. */
    mark: () => {
      markedAt = Date.now();
    },
    /** Resolves when every client has seen the server stop listening. */
    done: done.then(() => outcome),
  };
}
