/** `npm run audit:verify`: recomputes every organisation's audit hash chain; exit 1 names the first broken row. */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { verifyAll } from '../platform/audit.ts';

const config = loadConfig();
const database = await openDatabase(config.databaseUrl);
await migrateToLatest(database);
const reports = await verifyAll(database.db);
const names = new Map((await database.db.selectFrom('organizations').select(['id', 'name']).execute()).map((o) => [o.id, o.name]));
let broken = 0;
for (const r of reports) {
  const name = names.get(r.chain) ?? (r.chain === '_platform' ? 'Plateforme' : r.chain);
  if (r.ok) console.log(`✓ ${name} : ${r.rows} entrées, chaîne intacte`);
  else {
    broken++;
    console.log(`✗ ${name} : chaîne rompue à l’entrée n° ${r.firstBroken?.seq} (id ${r.firstBroken?.id}) — ${r.firstBroken?.reason}`);
  }
}
if (reports.length === 0) console.log('Aucune entrée d’audit.');
await database.destroy();
process.exit(broken > 0 ? 1 : 0);
