/**
 * `npm run audit:verify`: recomputes every organisation's audit hash chain; exit 1 names the first broken row,
 * exit 2 when the verification could not run (configuration, database unreachable).
 */
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { verifyAll } from '../platform/audit.ts';

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl);
  try {
    const reports = await verifyAll(database.db);
    const names = new Map(
      (await database.db.selectFrom('organizations').select(['id', 'name']).execute()).map((o) => [o.id, o.name]),
    );
    let broken = 0;
    for (const r of reports) {
      const name = names.get(r.chain) ?? (r.chain === '_platform' ? 'Plateforme' : r.chain);
      if (r.ok) console.log(`✓ ${name}\u00a0: ${r.rows} entrées, chaîne intacte`);
      else {
        broken++;
        console.log(
          `✗ ${name}\u00a0: chaîne rompue à l’entrée n°\u00a0${r.firstBroken?.seq} (id ${r.firstBroken?.id}) — ${r.firstBroken?.reason}`,
        );
      }
    }
    if (reports.length === 0) console.log('Aucune entrée d’audit.');
    return broken > 0 ? 1 : 0;
  } finally {
    await database.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `Vérification impossible\u00a0: ${(err as Error).message}`);
    process.exit(2);
  },
);
