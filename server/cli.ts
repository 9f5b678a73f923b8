import { ConfigError } from "./config";
import { DatasetError } from "./data/validate";

/**
 * Runs a command-line entry point: errors the user can act on are printed as one line; anything
 * else is printed in full. Exits non-zero on failure.
 */
export function runCommand(main: () => Promise<void>): void {
  // Ctrl-C or a SIGTERM: exit, so that exit hooks run (an embedded PostgreSQL, which runs in its
  // own process group and so does not see a terminal's Ctrl-C, is told to stop by one). What was
  // under way is one transaction, rolled back when the connection goes.
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      console.error(`ccm-graph: stopped by ${signal}`);
      process.exit(code);
    });
  }
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`ccm-graph: ${describeFailure(error)}`);
      process.exit(1);
    },
  );
}

export function describeFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof DatasetError) return error.message;
  const code = (error as { code?: string })?.code;
  if (code === "EADDRINUSE" || code === "EACCES") {
    const { address, port } = error as { address?: string; port?: number };
    return code === "EADDRINUSE"
      ? `port ${port} on ${address} is already in use; stop the other server or set PORT`
      : `not allowed to listen on ${address}:${port}; set PORT to a port above 1023`;
  }
  if (code === "ECONNREFUSED") {
    const { address, port } = error as { address?: string; port?: number };
    return `cannot reach PostgreSQL at ${address}:${port}; is the server running and DATABASE_URL right?`;
  }
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
