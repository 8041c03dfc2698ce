// Shared by `npm start` and `npm run cluster`: builds the web app when its build is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const s = statSync(p);
    latest = Math.max(latest, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return latest;
}

/** Runs `vite build` when web/dist is missing or stale; exits the process if the build fails. */
export function ensureWebBuild() {
  const dist = path.join(ROOT, 'web', 'dist', 'index.html');
  const sources = [path.join(ROOT, 'web', 'src'), path.join(ROOT, 'common')];
  const stale = !existsSync(dist) || sources.some((d) => existsSync(d) && newest(d) > statSync(dist).mtimeMs);
  if (!stale) return;
  console.log('Construction de l’application web…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
