/**
 * The machines of the local cluster. Each host is a network namespace of its own (`ip netns`),
 * joined to the others by a veth pair on one bridge, when this process may make them (root with
 * CAP_NET_ADMIN); otherwise every host is 127.0.0.1 and they differ by port only. Either way a
 * host runs a command through `command()`, so the rest of the cluster does not care which.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";

export interface Host {
  name: string;
  /** The address others reach it at. */
  ip: string;
  /** How to run `file args` on this host (as the `postgres` OS user when `asPostgres` and we are root). */
  command(file: string, args: string[], options?: { asPostgres?: boolean }): [string, string[]];
}

/** The OS user PostgreSQL runs as when we are root (it refuses root). */
const POSTGRES_USER = "postgres";

function dropToPostgres(file: string, args: string[], asPostgres = false): [string, string[]] {
  if (!asPostgres || process.getuid?.() !== 0) return [file, args];
  return [
    "setpriv",
    [`--reuid=${POSTGRES_USER}`, `--regid=${POSTGRES_USER}`, "--init-groups", "--", file, ...args],
  ];
}

/** A host on this machine's loopback: what tests use, and the cluster when namespaces cannot be made. */
export function loopbackHost(name: string): Host {
  return {
    name,
    ip: "127.0.0.1",
    command: (file, args, options) => dropToPostgres(file, args, options?.asPostgres),
  };
}

function ip(...args: string[]): void {
  execFileSync("ip", args, { stdio: "pipe" });
}

/** A set of hosts in network namespaces on one bridge; `remove()` takes it all away. */
export interface Network {
  mode: "namespaces" | "loopback";
  hosts: Map<string, Host>;
  remove(): void;
}

/**
 * Makes one namespace per name, on a bridge in this (the root) namespace at 10.<n>.0.1/24, so
 * that this process (the load generator and the checks) reaches every host. Falls back to
 * loopback hosts when namespaces cannot be made (not root, or no CAP_NET_ADMIN).
 */
export function makeNetwork(names: string[]): Network {
  const id = crypto.randomBytes(2).toString("hex");
  const bridge = `ccm${id}`;
  const subnet = `10.${200 + (parseInt(id, 16) % 50)}.0`;
  const made: string[] = [];
  const remove = () => {
    for (const ns of made) {
      try {
        ip("netns", "del", ns);
      } catch {
        // already gone
      }
    }
    try {
      ip("link", "del", bridge);
    } catch {
      // already gone, or never made
    }
  };
  try {
    ip("link", "add", bridge, "type", "bridge");
    ip("addr", "add", `${subnet}.1/24`, "dev", bridge);
    ip("link", "set", bridge, "up");
    const hosts = new Map<string, Host>();
    names.forEach((name, index) => {
      const ns = `ccm${id}-${name}`;
      const address = `${subnet}.${10 + index}`;
      ip("netns", "add", ns);
      made.push(ns);
      // veth names are at most 15 characters.
      const outside = `c${id}v${index}`;
      ip("link", "add", outside, "type", "veth", "peer", "name", "eth0", "netns", ns);
      ip("link", "set", outside, "master", bridge);
      ip("link", "set", outside, "up");
      ip("-n", ns, "link", "set", "lo", "up");
      ip("-n", ns, "addr", "add", `${address}/24`, "dev", "eth0");
      ip("-n", ns, "link", "set", "eth0", "up");
      hosts.set(name, {
        name,
        ip: address,
        command: (file, args, options) => {
          const [inner, innerArgs] = dropToPostgres(file, args, options?.asPostgres);
          return ["ip", ["netns", "exec", ns, inner, ...innerArgs]];
        },
      });
    });
    return { mode: "namespaces", hosts, remove };
  } catch {
    remove();
    return {
      mode: "loopback",
      hosts: new Map(names.map((name) => [name, loopbackHost(name)])),
      remove: () => {},
    };
  }
}
