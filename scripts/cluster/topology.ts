/**
 * The local cluster: a PostgreSQL primary and a hot standby, three ccm-graph nodes reading from the
 * standby, and HAProxy in front with health checks on /readyz, each on a host of its own
 * (scripts/cluster/hosts.ts). Every process it starts is its child, stopped by its pid.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";

import { Client } from "pg";

import { type Host, makeNetwork, type Network } from "./hosts";
import { type PostgresServer, startReplicatedPostgres } from "./postgres";

export const ROOT = path.resolve(__dirname, "../..");
const NODE_NAMES = ["node1", "node2", "node3"];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Retries `check` every 100 ms until it holds or `timeoutMs` passes; returns whether it held. */
export async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return true;
    await delay(100);
  }
  return false;
}

export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

/** One ccm-graph node: a server process on its host. */
export class GraphNode {
  child: ChildProcess | undefined;
  readonly startedPids: number[] = [];

  constructor(
    readonly name: string,
    readonly host: Host,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
  ) {}

  get url(): string {
    return `http://${this.host.ip}:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child && this.child.exitCode === null && this.child.signalCode === null
      ? this.child.pid
      : undefined;
  }

  start(extraEnv: NodeJS.ProcessEnv = {}): void {
    const log = fs.openSync(this.logFile, "a");
    const [file, args] = this.host.command(process.execPath, ["--import", "tsx", "server/index.ts"]);
    this.child = spawn(file, args, {
      cwd: ROOT,
      env: { ...process.env, ...this.env, ...extraEnv, PORT: String(this.port), HOST: this.host.ip },
      stdio: ["ignore", log, log],
    });
    if (this.child.pid) this.startedPids.push(this.child.pid);
    fs.closeSync(log);
  }

  async ready(timeoutMs = 60_000): Promise<boolean> {
    return until(async () => (await getJson(`${this.url}/readyz`)).status === 200, timeoutMs);
  }

  /** Sends `signal` and waits for the process to exit. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await Promise.race([exited, delay(15_000, undefined, { ref: false })]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
  }

  /** Resident memory (MiB), from /proc. */
  rssMiB(): number | undefined {
    const pid = this.pid;
    if (!pid) return undefined;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      return Math.round(kb / 102.4) / 10;
    } catch {
      return undefined;
    }
  }
}

export interface ClusterOptions {
  /** Log lines of the steps. */
  log: (line: string) => void;
}

/** The whole topology; `down()` stops and removes everything `up()` made, whatever happened. */
export class Cluster {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-cluster-"));
  network!: Network;
  primary!: PostgresServer;
  standby!: PostgresServer;
  nodes: GraphNode[] = [];
  private haproxy: ChildProcess | undefined;
  lbUrl = "";
  /** A frontend to node1 alone (for the 1-node benchmark). */
  singleUrl = "";
  statsUrl = "";

  constructor(private readonly options: ClusterOptions) {}

  get databaseUrl(): string {
    return this.primary.url("ccm");
  }

  async up(nodeEnv: NodeJS.ProcessEnv): Promise<void> {
    const { log } = this.options;
    this.network = makeNetwork(["lb", ...NODE_NAMES, "primary", "standby"]);
    const hosts = this.network.hosts;
    log(`hosts: ${this.network.mode === "namespaces" ? "one network namespace each" : "loopback ports"}`);
    ({
      primary: this.primary,
      standbys: [this.standby],
    } = await startReplicatedPostgres(
      this.root,
      { primary: hosts.get("primary")!, standbys: [hosts.get("standby")!] },
      { primary: await freePort(), standbys: [await freePort()] },
    ));
    const admin = new Client({ connectionString: this.primary.url() });
    await admin.connect();
    await admin.query("CREATE DATABASE ccm");
    await admin.end();
    log(
      `PostgreSQL primary ${this.primary.host.ip}:${this.primary.port}, standby ${this.standby.host.ip}:${this.standby.port}`,
    );

    const env = {
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      // Behind the balancer every request comes from its address: a per-IP limit would be one limit.
      RATE_LIMIT_PER_MINUTE: "0",
      DATABASE_URL: this.primary.url("ccm"),
      DATABASE_READ_URL: this.standby.url("ccm"),
      ...nodeEnv,
    };
    for (const name of NODE_NAMES) {
      const port = await freePort();
      this.nodes.push(new GraphNode(name, hosts.get(name)!, port, env, path.join(this.root, `${name}.log`)));
    }
    // The first node migrates and loads the dataset; the others then find it loaded.
    this.nodes[0].start();
    if (!(await this.nodes[0].ready()))
      throw new Error(`node1 did not become ready; see ${this.root}/node1.log`);
    for (const node of this.nodes.slice(1)) node.start();
    for (const node of this.nodes) {
      if (!(await node.ready())) throw new Error(`${node.name} did not become ready`);
    }
    log(`nodes: ${this.nodes.map((n) => `${n.name} ${n.host.ip}:${n.port}`).join(", ")}`);
    await this.startHaproxy(hosts.get("lb")!);
    log(`HAProxy: ${this.lbUrl} (all nodes), ${this.singleUrl} (node1 only), stats ${this.statsUrl}`);
  }

  /** Restarts every node with `env` added (one at a time, each ready before the next). */
  async restartNodes(env: NodeJS.ProcessEnv): Promise<void> {
    for (const node of this.nodes) {
      await node.stop();
      node.start(env);
      if (!(await node.ready())) throw new Error(`${node.name} did not become ready`);
    }
    // The balancer sees each one up again (rise 2 checks).
    await until(async () => (await this.backendStatus()).every((s) => s === "UP"), 30_000);
  }

  private async startHaproxy(host: Host): Promise<void> {
    const [port, single, stats] = [await freePort(), await freePort(), await freePort()];
    this.lbUrl = `http://${host.ip}:${port}`;
    this.singleUrl = `http://${host.ip}:${single}`;
    this.statsUrl = `http://${host.ip}:${stats}/stats;csv`;
    const servers = (check: boolean) =>
      this.nodes.map((n) => `    server ${n.name} ${n.host.ip}:${n.port}${check ? " check" : ""}`).join("\n");
    const config = fs
      .readFileSync(path.join(__dirname, "haproxy.cfg"), "utf8")
      .replaceAll("{{LB}}", `${host.ip}:${port}`)
      .replaceAll("{{SINGLE}}", `${host.ip}:${single}`)
      .replaceAll("{{STATS}}", `${host.ip}:${stats}`)
      .replace("{{SERVERS}}", servers(true))
      .replace("{{SINGLE_SERVER}}", `    server node1 ${this.nodes[0].host.ip}:${this.nodes[0].port} check`);
    const file = path.join(this.root, "haproxy.cfg");
    fs.writeFileSync(file, config);
    execFileSync("haproxy", ["-c", "-q", "-f", file]);
    const log = fs.openSync(path.join(this.root, "haproxy.log"), "a");
    const [cmd, args] = host.command("haproxy", ["-db", "-f", file]);
    this.haproxy = spawn(cmd, args, { stdio: ["ignore", log, log] });
    fs.closeSync(log);
    if (!(await until(async () => (await this.backendStatus()).every((s) => s === "UP"), 30_000))) {
      throw new Error("HAProxy did not see every node up");
    }
  }

  /** Each node's status as HAProxy's health checks see it ("UP", "DOWN", ...), node1 to node3. */
  async backendStatus(): Promise<string[]> {
    const response = await fetch(this.statsUrl, { signal: AbortSignal.timeout(2_000) });
    const lines = (await response.text()).split("\n");
    const header = lines[0].replace(/^# /, "").split(",");
    const [px, sv, status] = ["pxname", "svname", "status"].map((c) => header.indexOf(c));
    return this.nodes.map((node) => {
      const row = lines.map((l) => l.split(",")).find((c) => c[px] === "nodes" && c[sv] === node.name);
      return row?.[status] ?? "MISSING";
    });
  }

  /**
   * Stops every process (nodes, HAProxy, PostgreSQL), removes the namespaces and the folder; the
   * logs are kept in `keepLogsIn` when given.
   */
  async down(keepLogsIn?: string): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
    if (this.haproxy && this.haproxy.exitCode === null) {
      const exited = new Promise((resolve) => this.haproxy!.once("exit", resolve));
      this.haproxy.kill("SIGTERM");
      await Promise.race([exited, delay(5_000, undefined, { ref: false })]);
      if (this.haproxy.exitCode === null) this.haproxy.kill("SIGKILL");
    }
    await this.standby?.stop();
    await this.primary?.stop();
    this.network?.remove();
    if (keepLogsIn) {
      fs.mkdirSync(keepLogsIn, { recursive: true });
      for (const name of fs.readdirSync(this.root).filter((f) => f.endsWith(".log") || f.endsWith(".cfg"))) {
        fs.copyFileSync(path.join(this.root, name), path.join(keepLogsIn, name));
      }
    }
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  /** Kills at once whatever is still running (for an exit the orderly `down` could not finish). */
  killAll(): void {
    for (const child of [...this.nodes.map((n) => n.child), this.haproxy]) {
      if (child && child.exitCode === null) child.kill("SIGKILL");
    }
    for (const pg of [this.standby, this.primary]) if (pg?.pid) process.kill(pg.pid, "SIGQUIT");
    this.network?.remove();
  }

  /**
   * Processes still running after `down` (there should be none): every node process ever started,
   * by pid, and any process whose command line names the cluster's folder (PostgreSQL, HAProxy).
   */
  leftovers(): string[] {
    const alive = this.startedPids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    let named: string[] = [];
    try {
      named = execFileSync("pgrep", ["-af", this.root], { encoding: "utf8" })
        .trim()
        .split("\n")
        .filter(Boolean);
    } catch {
      // none
    }
    return [...alive.map((pid) => `pid ${pid}`), ...named];
  }

  /** The pids of every node process started (restarts included). */
  get startedPids(): number[] {
    return this.nodes.flatMap((node) => node.startedPids);
  }
}
