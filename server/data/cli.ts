/**
 * `npm run ingest -- <report.json> [...]`: validates report files and loads them, each in one
 * transaction (the same path the server uses at start). With no file, loads the dataset folder.
 */
import path from "node:path";

import { runCommand } from "../cli";
import { loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { ingestReport, reportFilesIn } from "./ingest";
import { parseParticipantsFile, parseReportFile } from "./validate";

runCommand(async () => {
  const config = loadConfig();
  const args = process.argv.slice(2).map((f) => path.resolve(f));
  const files = args.length > 0 ? args : reportFilesIn(config.datasetDir);
  // Refuse invalid files before touching any database.
  parseParticipantsFile(config.participantsFile);
  for (const file of files) parseReportFile(file);
  const database = await openDatabase(config);
  try {
    for (const file of files) {
      const result = await ingestReport(database.dataSource, file, config.participantsFile);
      console.log(
        `${result.reportId}: ${result.changed ? "loaded" : "already loaded, nothing changed"} (dataset ${result.datasetVersion})`,
      );
    }
  } finally {
    await database.close();
  }
});
