import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
export const SCREENSHOTS = path.join(root, 'docs', 'screenshots');
export const DEMO_PASSWORD = 'relais-demo';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface E2E {
  baseUrl: string;
  dataDir: string;
  browser: Browser;
  newPage(options?: {
    viewport?: { width: number; height: number };
    locale?: string;
  }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/** Starts the real server (embedded SQLite, demo data, web build) on a free port and a headless Chromium. */
export async function startE2E(): Promise<E2E> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      BASE_URL: baseUrl,
      RELAIS_DEMO: '1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      SMTP_INBOUND_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (d) => (output += d));
  server.stderr?.on('data', (d) => (output += d));
  await waitForHealth(baseUrl, server, () => output);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    baseUrl,
    dataDir,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: options.viewport ?? { width: 1280, height: 800 },
        locale: options.locale ?? 'fr-FR',
      });
      return { page: await context.newPage(), context };
    },
    async close() {
      await browser.close();
      await stop(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`le serveur s’est arrêté :\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`le serveur n’a pas démarré en 60 s :\n${output()}`);
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
    setTimeout(() => server.kill('SIGKILL'), 5000).unref();
  });
}

/** Logs in through the login page. */
export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the current page (WCAG 2 A/AA); returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Colours read mid-transition (a notification or a dialog fading in) are not the page's: let finite
  // animations end first (infinite ones, such as a loader, are given up on after 3 s).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
      null,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  // Evaluated through the DevTools protocol: the app's strict CSP (script-src 'self') stays on during the scan.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${page.url()} — ${v.id} (${v.impact}) : ${v.help} → ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/**
 * axe once per distinct page (its name — the path by default — and the viewport width); the journeys'
 * last test asserts that `violations` stayed empty.
 */
export function axeScanner() {
  const violations: string[] = [];
  const scanned = new Set<string>();
  async function scan(page: Page, name = new URL(page.url()).pathname): Promise<void> {
    await page.waitForLoadState('networkidle');
    const key = `${name}@${page.viewportSize()?.width}`;
    if (scanned.has(key)) return;
    scanned.add(key);
    violations.push(...(await seriousViolations(page)));
  }
  return { scan, violations, scanned };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

export type ApiCall = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

/**
 * Signs in through the API (no browser) to prepare or check data in a journey: returns a JSON caller that
 * carries the session cookie and the CSRF header, like the web app does.
 */
export async function apiAs(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<ApiCall> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`connexion API refusée pour ${email} : ${login.status}`);
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const headers: Record<string, string> = { Accept: 'application/json', cookie, 'X-CSRF-Token': csrfToken };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as never };
  };
}

/**
 * Watches a page for anything a hostile text could make run: a dialog (alert/confirm/prompt) or a console
 * error (a blocked inline script or a refused `javascript:` navigation shows up there). Dialogs are dismissed.
 */
export function watchForExecution(page: Page): string[] {
  const incidents: string[] = [];
  page.on('dialog', (d) => {
    incidents.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    // A failed fetch (the 401 of /api/me before signing in) is the network, not something that ran.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) incidents.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => incidents.push(`pageerror: ${e.message}`));
  return incidents;
}

/** A fresh browser context signed in as `email`, once the role home (`home`) has loaded; page errors are logged. */
export async function signInAs(
  e2e: E2E,
  email: string,
  home: string,
  viewport?: { width: number; height: number },
): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context } = await e2e.newPage({ viewport });
  page.on('pageerror', (error) => console.error(`[${email}] ${error.message}`));
  await loginAs(page, email);
  await page.waitForURL(`**${home}`);
  return { page, context };
}
