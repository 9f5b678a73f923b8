import fs from "node:fs";
import path from "node:path";

import accepts from "accepts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { PROJECT_ROOT } from "../config";

/** A named question of the SDK catalogue (sdk/generated/catalogue.json). */
export interface CatalogueQuestion {
  name: string;
  description: string;
  document: string;
  variables: Record<string, unknown>;
  /** For paged questions, the root field that holds the connection. */
  pagedConnection?: string | null;
  /** For a question about one object, its list whose items are the CSV rows. */
  csvList?: string | null;
}

const CATALOGUE_FILE = path.join(PROJECT_ROOT, "sdk", "generated", "catalogue.json");

/** The SDK's catalogue of questions, headline first; empty if the SDK has not been generated. */
export function loadCatalogue(file = CATALOGUE_FILE): CatalogueQuestion[] {
  if (!fs.existsSync(file)) return [];
  return JSON.parse(fs.readFileSync(file, "utf8")) as CatalogueQuestion[];
}

/**
 * The explorer's built assets (scripts/build-explorer.ts: GraphiQL, React, Monaco's workers and
 * fonts), all served from this process: the page works with no internet.
 */
const DIST = path.join(__dirname, "explorer", "dist");
const FAVICON = fs.readFileSync(path.join(__dirname, "explorer", "favicon.svg"));

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

const PAGE = fs.readFileSync(path.join(__dirname, "explorer", "index.html"), "utf8");

/** True for a browser navigating to /graphql (it asks for HTML and sends no query). */
export function wantsExplorer(request: FastifyRequest): boolean {
  return (
    request.method === "GET" &&
    accepts(request.raw).type(["application/json", "text/html"]) === "text/html" &&
    !(request.query as { query?: unknown }).query
  );
}

export function sendExplorer(reply: FastifyReply): FastifyReply {
  if (!fs.existsSync(path.join(DIST, "app.js"))) {
    return reply
      .code(503)
      .type("text/plain; charset=utf-8")
      .send("The explorer is not built: run `npm run build:explorer` (npm install does it).");
  }
  return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(PAGE);
}

/**
 * GraphiQL at `GET /`, with the SDK catalogue preloaded (`GET /graphql` shows it to browsers too:
 * see `wantsExplorer`, used by the /graphql route), and the site's icon.
 */
export function explorerRoutes(app: FastifyInstance, catalogue: CatalogueQuestion[]): void {
  app.get("/", (_request, reply) => sendExplorer(reply));
  app.get("/explorer/catalogue.json", async () => catalogue);
  for (const url of ["/favicon.svg", "/favicon.ico"]) {
    app.get(url, (_request, reply) =>
      reply.type("image/svg+xml").header("cache-control", "public, max-age=86400").send(FAVICON),
    );
  }
  const files = fs.existsSync(DIST) ? fs.readdirSync(DIST) : [];
  for (const name of files) {
    const type = TYPES[path.extname(name)] ?? "application/octet-stream";
    // Read on first use and kept: a few MB, sent with their length (not chunked from disk each time).
    let bytes: Buffer | undefined;
    app.get(`/explorer/${name}`, (_request, reply) =>
      reply
        .type(type)
        .header("cache-control", "public, max-age=3600")
        .send((bytes ??= fs.readFileSync(path.join(DIST, name)))),
    );
  }
}
