import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const database = await openDatabase(config);
  await database.migrate();
  return database;
}
