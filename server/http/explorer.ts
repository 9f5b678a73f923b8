import fs from "node:fs";
import path from "node:path";

import express, { type Router } from "express";

import { PROJECT_ROOT } from "../config";

/** A named question of the SDK catalogue (sdk/generated/catalogue.json). */
export interface CatalogueQuestion {
  name: string;
  description: string;
  document: string;
  variables: Record<string, unknown>;
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
export function wantsExplorer(req: express.Request): boolean {
  return (
    req.method === "GET" && req.accepts(["application/json", "text/html"]) === "text/html" && !req.query.query
  );
}

/** GraphiQL at `GET /` (and `/graphql` for browsers), with the SDK catalogue preloaded. */
export function explorerRoutes(catalogue: CatalogueQuestion[]): Router {
  const router = express.Router();
  const sendPage: express.RequestHandler = (_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", "no-cache");
    res.send(PAGE);
  };
  router.get("/", sendPage);
  router.get("/graphql", (req, res, next) => (wantsExplorer(req) ? sendPage(req, res, next) : next()));
  router.get("/explorer/catalogue.json", (_req, res) => {
    res.json(catalogue);
  });
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/explorer/${name}`, (_req, res) => {
      res.sendFile(file, { maxAge: "1h" });
    });
  }
  return router;
}
