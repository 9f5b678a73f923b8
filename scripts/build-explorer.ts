/**
 * Builds the explorer (server/http/explorer/app.mjs: GraphiQL, its Explorer plugin, React) into
 * server/http/explorer/dist with esbuild: app.js and app.css, Monaco's three workers (editor,
 * JSON, GraphQL) and the fonts they load. Everything the page needs is in that folder, served by
 * ccm-graph itself, so the explorer works with no internet. Runs on `npm install` (the
 * `prepare` script) and before the tests when the folder is missing; `npm run build:explorer`
 * runs it by hand.
 */
import fs from "node:fs";
import path from "node:path";

import { build } from "esbuild";

const ROOT = path.resolve(__dirname, "..");
export const EXPLORER_SOURCE = path.join(ROOT, "server", "http", "explorer");
export const EXPLORER_DIST = path.join(EXPLORER_SOURCE, "dist");

export async function buildExplorer(outdir = EXPLORER_DIST): Promise<string[]> {
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      app: path.join(EXPLORER_SOURCE, "app.mjs"),
      "editor.worker": "monaco-editor/esm/vs/editor/editor.worker.js",
      "json.worker": "monaco-editor/esm/vs/language/json/json.worker.js",
      "graphql.worker": "monaco-graphql/esm/graphql.worker.js",
    },
    bundle: true,
    minify: true,
    // Classic scripts: the page loads app.js with <script>, Monaco starts workers with new Worker(url).
    format: "iife",
    target: ["es2022"],
    outdir,
    entryNames: "[name]",
    assetNames: "[name]-[hash]",
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file" },
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "linked",
    logLevel: "warning",
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).map((file) => path.relative(outdir, path.join(ROOT, file)));
}

if (require.main === module) {
  const started = Date.now();
  buildExplorer()
    .then((files) => {
      console.log(
        `built the explorer: ${files.length} files in ${path.relative(ROOT, EXPLORER_DIST)} (${Date.now() - started} ms)`,
      );
    })
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
