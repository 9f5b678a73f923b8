/**
 * `npm run ingest -- <report.json> [...]`: validates report files and loads them, each in one
 * transaction (the same path the server uses at start). With no file, loads the dataset folder.
 */
import path from "node:path";

import { runCommand } from "../cli";
import { loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { ingestReport, reportFilesIn } from "./ingest";

runCommand(async () => {
  const config = loadConfig();
  const files = process.argv.slice(2).map((f) => path.resolve(f));
  const database = await openDatabase(config);
  try {
    for (const file of files.length > 0 ? files : reportFilesIn(config.datasetDir)) {
      const result = await ingestReport(database.dataSource, file, config.participantsFile);
      console.log(
        `${result.reportId}: ${result.changed ? "loaded" : "already loaded, nothing changed"} (dataset ${result.datasetVersion})`,
      );
    }
  } finally {
    await database.close();
  }
});
