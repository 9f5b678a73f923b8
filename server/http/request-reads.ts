import type { FastifyReply, preHandlerAsyncHookHandler } from "fastify";

import { type Context, createContext } from "../context";
import type { ReadTopology } from "../db/topology";
import { Snapshot } from "../db/snapshot";
import { DatabaseUnavailableError, errorBody } from "../errors";
import type { SharedRows } from "../graph/shared-rows";
import type { DatasetVersion } from "./caching";

/**
 * What a request reads through, and which cached things it may use. Without snapshots
 * (READ_SNAPSHOT=off, the single-node default) a request reads through the shared Reader and
 * uses the shared rows of the node's current dataset version, as it always did. With snapshots,
 * it reads in its own snapshot (server/db/snapshot.ts), opened before GraphQL runs; when the
 * snapshot is of a version the node has not read yet, the answer is made wholly from the
 * snapshot (no shared rows), carries no ETag, is not kept by the response cache, and the node
 * re-reads its version at once.
 */
export class RequestReads {
  constructor(
    private readonly topology: ReadTopology,
    private readonly version: DatasetVersion,
    private readonly sharedRows: SharedRows | undefined,
  ) {}

  /** A /graphql preHandler: opens the request's snapshot; 503 DATABASE_UNAVAILABLE when no pool can. */
  readonly open: preHandlerAsyncHookHandler = async (_request, reply) => {
    if (!this.topology.snapshots) return;
    try {
      reply.locals.snapshot = await this.snapshotFor(reply);
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) throw error;
      return reply.code(503).send(errorBody("DATABASE_UNAVAILABLE", error.message));
    }
  };

  /** The request's context (its snapshot is opened here if `open` did not; it throws DatabaseUnavailableError). */
  async context(reply: FastifyReply): Promise<Context> {
    const snapshot =
      reply.locals.snapshot ?? (this.topology.snapshots ? await this.snapshotFor(reply) : undefined);
    if (!snapshot) {
      const current = this.version.current;
      const shared = this.sharedRows && { rows: this.sharedRows, version: current };
      return createContext(this.topology.reader, reply, this.version.currentReport, shared);
    }
    const same = snapshot.version === this.version.current;
    const shared = same && this.sharedRows ? { rows: this.sharedRows, version: snapshot.version } : undefined;
    return createContext(snapshot, reply, snapshot.report, shared);
  }

  /** Opens a snapshot closed when the answer is sent (or the client hangs up). */
  private async snapshotFor(reply: FastifyReply): Promise<Snapshot> {
    const snapshot = await Snapshot.open(this.topology.reader);
    if (reply.raw.destroyed) void snapshot.close();
    else reply.raw.once("close", () => void snapshot.close());
    if (snapshot.version !== this.version.current) {
      reply.locals.otherVersion = true;
      reply.locals.etag = undefined;
      void this.version.refresh().catch(() => {});
    }
    return snapshot;
  }
}
