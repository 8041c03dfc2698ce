/**
 * `npm run create-admin -- --email x@y --name "Prénom Nom"` creates the first platform operator on an
 * empty installation (RELAIS_DEMO=0). The password is read from RELAIS_ADMIN_PASSWORD or prompted.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { setupFirstOperator } from '../modules/auth/setup.service.ts';
import { systemActor } from '../platform/actor.ts';
import { EventBus } from '../platform/events.ts';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
const password = process.env.RELAIS_ADMIN_PASSWORD ?? (await ask('Mot de passe (10 caractères minimum) : '));
const input = z
  .object({ email: z.email(), displayName: z.string().min(1), password: z.string().min(10) })
  .safeParse({ email: values.email, displayName: values.name ?? 'Opérateur', password });
if (!input.success) {
  console.error('Usage : npm run create-admin -- --email adresse@exemple.fr --name "Prénom Nom" (mot de passe ≥ 10 caractères)');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config.databaseUrl);
await migrateToLatest(database);
try {
  await setupFirstOperator({ database, events: new EventBus(), actor: systemActor(null), ip: '127.0.0.1' }, input.data);
  console.log(`Opérateur créé : ${input.data.email}. Connectez-vous sur ${config.baseUrl}.`);
} catch {
  console.error('Refusé : cette installation a déjà des utilisateurs.');
  process.exitCode = 1;
} finally {
  await database.destroy();
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return answer;
}
