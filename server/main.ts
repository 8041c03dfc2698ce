import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startInboundSmtp } from './modules/mail/mail.smtp.ts';
import { startNode } from './platform/cluster.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-data.ts';
import { isEmpty, seedDemo } from './seed/demo.ts';

/** config → db → app → listen (nothing else). */
async function main() {
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const { app, deps } = await buildApp({ config, database });
  const seeded = config.demo && (await isEmpty(deps));
  if (seeded) await seedDemo(deps);
  await app.listen({ port: config.port, host: config.host });
  printBanner(config.baseUrl, config.dialect, config.demo);
  // Inbound mail is an extra entry point: a busy port is logged, the web application still starts.
  const smtp = await startInboundSmtp(deps, { port: config.smtp.inboundPort, host: config.smtp.inboundHost }).catch((err) => {
    app.log.error({ err }, `serveur SMTP entrant non démarré (${config.smtp.inboundHost}:${config.smtp.inboundPort})`);
    return null;
  });
  const node = await startNode(deps, app.log, config.port);
  let stopping = false;
  // Graceful stop: /api/ready turns red, no new connection, in-flight requests finish, WebSockets are told
  // to come back (1012), running jobs are drained; a second signal does not start a second stop.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'arrêt demandé : fin des requêtes et des travaux en cours');
    deps.draining = true;
    await smtp?.close();
    await app.close();
    await node.stop();
    await database.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

function printBanner(url: string, dialect: string, demo: boolean) {
  const lines = [`\nRelais est prêt : ${url}  (base ${dialect})`];
  if (demo) {
    lines.push(`Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.email.padEnd(30)} ${a.label}`);
  } else {
    lines.push('Base vide : ouvrez l’adresse ci-dessus pour créer le premier opérateur, ou lancez « npm run create-admin ».');
  }
  console.log(`${lines.join('\n')}\n`);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
