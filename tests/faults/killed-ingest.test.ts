/**
 * An ingest killed in the middle (kill -9 while it is inside its transaction) leaves the previous
 * dataset intact and served: the load is one transaction, so PostgreSQL rolls it back.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { Client } from "pg";

import { loadConfig } from "../../server/config";
import { createScratchDatabase, openLoadedDataSource } from "../helpers/database";
import { startTestServer } from "../helpers/server";

const ROOT = path.resolve(__dirname, "../..");

async function checksum(client: Client): Promise<string> {
  const { rows } = await client.query(
    `SELECT string_agg(table_name || '=' || c, ',' ORDER BY table_name) AS sum FROM (
       SELECT 'report' AS table_name, md5(string_agg(r::text, '|' ORDER BY r.id)) AS c FROM report r
       UNION ALL SELECT 'finding', md5(string_agg(f::text, '|' ORDER BY f.report_id, f.id)) FROM finding f
       UNION ALL SELECT 'assertion', md5(string_agg(a::text, '|' ORDER BY a.report_id, a.finding_id, a.state_code, a.kind)) FROM assertion a
       UNION ALL SELECT 'participation', md5(string_agg(p::text, '|' ORDER BY p.state_code)) FROM participation p
       UNION ALL SELECT 'paragraph', md5(string_agg(p::text, '|' ORDER BY p.report_id, p.number)) FROM paragraph p
     ) t`,
  );
  return rows[0].sum;
}

describe("an ingest killed in the middle", () => {
  it("leaves the previous dataset intact and served", async () => {
    const scratch = await createScratchDatabase();
    const dataSource = await openLoadedDataSource(scratch.url);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ccm-graph-kill-"));
    const observer = new Client({ connectionString: scratch.url });
    const blocker = new Client({ connectionString: scratch.url });
    await observer.connect();
    await blocker.connect();
    try {
      const before = await checksum(observer);

      // A new edition of the report, so that the ingest really has to rewrite it.
      const config = loadConfig({ DATABASE_URL: scratch.url });
      const dataset = JSON.parse(
        fs.readFileSync(path.join(config.datasetDir, "beirut-progress-report-2011.json"), "utf8"),
      );
      dataset.report.title = "A new edition that must never be half-loaded";
      const file = path.join(dir, "new-edition.json");
      fs.writeFileSync(file, JSON.stringify(dataset));

      // Hold a lock the ingest needs after it has already written inside its transaction.
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE use_instance IN ACCESS EXCLUSIVE MODE");

      // `node --import tsx`, not the tsx CLI: the CLI runs the script in a second process, which
      // would survive a SIGKILL of the first.
      const child = spawn(process.execPath, ["--import", "tsx", "server/data/cli.ts", file], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: scratch.url },
        stdio: "ignore",
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on("exit", (_code, signal) => resolve(signal)),
      );

      // Wait until the ingest is inside its transaction, blocked on our lock, with writes done:
      // the DELETE must belong to a transaction that began before it (xact_start < query_start),
      // or statements committing one by one would pass this test too.
      let waiting = false;
      for (let i = 0; i < 300 && !waiting; i++) {
        const { rows } = await observer.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
             AND query LIKE 'DELETE FROM report%' AND xact_start < query_start`,
        );
        waiting = rows.length > 0;
        if (!waiting) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(waiting).toBe(true);

      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      await blocker.query("ROLLBACK");

      // PostgreSQL notices the dead client and rolls its transaction back.
      for (let i = 0; i < 100; i++) {
        const { rows } = await observer.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'DELETE FROM report%' AND pid <> pg_backend_pid()`,
        );
        if (rows.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await checksum(observer)).toBe(before);

      const server = await startTestServer({ dataSource });
      try {
        const answer = await server.graphql(
          `{ report { title } states(filter: { status: SIGNATORY, stockpile: {}, assistanceNeed: {} }) { nodes { code } } }`,
        );
        expect(answer.data).toEqual({
          report: {
            title:
              "Monitoring progress in implementing the Vientiane Action Plan from the First up to the Second Meeting of States Parties",
          },
          states: { nodes: [{ code: "CIV" }] },
        });
      } finally {
        await server.close();
      }
    } finally {
      await blocker.end().catch(() => {});
      await observer.end();
      await dataSource.destroy();
      await scratch.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
