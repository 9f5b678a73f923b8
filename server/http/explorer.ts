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

/** Files the explorer page loads, all served from this process (it works with no internet). */
const ASSETS: Record<string, string> = {
  "graphiql.min.js": packageFile("graphiql", "graphiql.min.js"),
  "graphiql.min.css": packageFile("graphiql", "graphiql.min.css"),
  "react.production.min.js": packageFile("react", "umd/react.production.min.js"),
  "react-dom.production.min.js": packageFile("react-dom", "umd/react-dom.production.min.js"),
  "app.js": path.join(__dirname, "explorer", "app.js"),
};

/** A file inside an installed package (its "exports" need not list it). */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

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
  return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(PAGE);
}

/**
 * GraphiQL at `GET /`, with the SDK catalogue preloaded (`GET /graphql` shows it to browsers too:
 * see `wantsExplorer`, used by the /graphql route).
 */
export function explorerRoutes(app: FastifyInstance, catalogue: CatalogueQuestion[]): void {
  app.get("/", (_request, reply) => sendExplorer(reply));
  app.get("/explorer/catalogue.json", async () => catalogue);
  for (const [name, file] of Object.entries(ASSETS)) {
    const type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    // Read on first use and kept: a few MB, sent with their length (not chunked from disk each time).
    let bytes: Buffer | undefined;
    app.get(`/explorer/${name}`, (_request, reply) =>
      reply
        .type(type)
        .header("cache-control", "public, max-age=3600")
        .send((bytes ??= fs.readFileSync(file))),
    );
  }
}
