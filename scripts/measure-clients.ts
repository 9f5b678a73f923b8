/**
 * Figures on how clients nobody here wrote fare with a running ccm-graph: graphql-http's audit
 * (MUST/SHOULD passed and failed), the catalogue's operations passing through Apollo Client,
 * urql (default and with graphcache) and a bare fetch GET, the cache warnings they log, and the
 * rows of the list questions' CSV URLs.
 *
 *   npm start &   # or any ccm-graph server
 *   npx tsx scripts/measure-clients.ts http://127.0.0.1:4000
 */
import { parse } from "csv-parse/sync";

import {
  auditSummary,
  type ClientRun,
  runApolloClient,
  runBareFetchGet,
  runUrql,
} from "../tests/helpers/clients";

async function main(): Promise<void> {
  const base = (process.argv[2] ?? "http://127.0.0.1:4000").replace(/\/$/, "");
  const graphql = `${base}/graphql`;

  const audit = await auditSummary(graphql);
  console.log(
    `graphql-http audit: MUST ${audit.MUST.pass} passed, ${audit.MUST.fail} failed; SHOULD ${audit.SHOULD.pass} passed, ${audit.SHOULD.fail} failed; MAY ${audit.MAY.pass} passed, ${audit.MAY.fail} failed`,
  );
  for (const failure of audit.failures) console.log(`  not passed: ${failure.slice(0, 200)}`);

  const config = cacheConfig();
  const runs: [string, () => Promise<ClientRun>][] = [
    ["Apollo Client (InMemoryCache)", () => runApolloClient(graphql, config ?? {})],
    ["urql, default client (GET)", () => runUrql(graphql)],
    ["urql + graphcache (GET)", () => runUrql(graphql, { graphcacheKeys: config?.keys ?? {} })],
    [
      "urql + graphcache (POST)",
      () => runUrql(graphql, { graphcacheKeys: config?.keys ?? {}, preferGetMethod: false }),
    ],
    ["bare fetch GET", () => runBareFetchGet(graphql)],
  ];
  for (const [label, run] of runs) {
    const result = await run();
    const total = result.passed.length + result.failed.length;
    console.log(
      `${label}: ${result.passed.length}/${total} operations passed, ${result.warnings.length} warnings` +
        (config ? " (with the SDK's cache configuration)" : ""),
    );
    const first = result.failed[0];
    if (first) console.log(`  first failure: ${first.name}: ${first.reason.slice(0, 160)}`);
    if (result.warnings[0]) console.log(`  first warning: ${result.warnings[0].slice(0, 160)}`);
  }

  for (const name of ["States", "Findings", "Paragraphs"]) {
    const response = await fetch(`${base}/api/questions/${name}.csv`);
    const text = await response.text();
    const rows = response.status === 200 ? (parse(text, { columns: true }) as unknown[]).length : 0;
    const total = response.headers.get("x-total-count");
    const link = response.headers.get("link");
    console.log(
      `${name}.csv: HTTP ${response.status}, ${rows} rows` +
        (total ? `, x-total-count ${total}` : "") +
        (link ? `, link ${link}` : ""),
    );
  }
}

/** The SDK's cache configuration, where the SDK has one. */
function cacheConfig():
  { keys: Record<string, (data: any) => string | null>; typePolicies: Record<string, unknown> } | undefined {
  try {
    return require("../sdk/generated/cache-config");
  } catch {
    return undefined;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
