/**
 * The benchmark's peer: PostGraphile v5 (amber preset) with the connection-filter plugin, over
 * the same database as ccm-graph, served by grafserv on node:http at /graphql.
 *
 *   DATABASE_URL=postgres://... PORT=5678 node server.mjs
 *
 * PostGraphile 5.1.5 declares Node >= 22; on Node 20 it needs Promise.withResolvers, polyfilled
 * first. Besides the public schema it exposes `bench_pgl` (see search.sql): the full-text search
 * function that PostGraphile needs to answer the search scenario, since it has no search of its own.
 */
import "./polyfill.mjs";

import { createServer } from "node:http";

import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error("postgraphile: set DATABASE_URL");
  process.exit(1);
}
const port = Number(process.env.PORT ?? 5678);
const host = process.env.HOST ?? "127.0.0.1";

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // Amber only lets clients order and filter by indexed columns; ccm-graph filters on
  // participation dates and sorts by name, which have no index. Lift that guard so both answer
  // the same questions (the cost of the missing indexes then shows in the numbers).
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    makePgService({ connectionString, schemas: ["public", "bench_pgl"], poolConfig: { max: 10 } }),
  ],
  schema: {
    // Filters across relations (state -> assertions -> finding), like ccm-graph's StateFilter.
    connectionFilterRelations: true,
  },
  grafserv: { port, host, graphqlPath: "/graphql", graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 5_000;
server.once("error", (error) => {
  console.error(`postgraphile: ${error.message}`);
  process.exit(1);
});
serv.addTo(server).then(
  () =>
    server.listen(port, host, () => {
      console.log(`postgraphile ready at http://${host}:${port}/graphql`);
    }),
  (error) => {
    console.error(`postgraphile: ${error?.message ?? error}`);
    process.exit(1);
  },
);

async function shutdown() {
  server.close();
  server.closeIdleConnections();
  await pgl.release();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
