/** `npm run db:migrate`: brings the database schema up to date (embedded, or DATABASE_URL). */
import { loadConfig } from "../config";
import { runCommand } from "../cli";
import { openDatabase } from "./database";

runCommand(async () => {
  const database = await openDatabase(loadConfig());
  try {
    const applied = await database.dataSource.query("SELECT name FROM migrations ORDER BY id");
    console.log(`schema up to date (${applied.length} migrations applied)`);
  } finally {
    await database.close();
  }
});
