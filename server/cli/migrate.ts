/** `npm run migrate` brings the schema up to date; `npm run migrate -- down` undoes the last migration. */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';

const config = loadConfig();
const database = await openDatabase(config.databaseUrl);
const down = process.argv.includes('down');
const ran = down ? await migrateDown(database) : await migrateToLatest(database);
console.log(ran.length ? ran.join('\n') : 'Schéma déjà à jour.');
await database.destroy();
