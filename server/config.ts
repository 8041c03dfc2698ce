import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'], { error: 'valeurs possibles : 0, 1, true, false, yes, no' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const port = z.coerce
  .number({ error: 'doit être un numéro de port (nombre entier)' })
  .int('doit être un nombre entier')
  .min(0, 'doit être compris entre 0 et 65535')
  .max(65535, 'doit être compris entre 0 et 65535');

const ZEnv = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'doit commencer par postgres://, postgresql:// ou sqlite:')
    .optional(),
  BASE_URL: z.url({ protocol: /^https?$/, error: 'doit être une adresse http(s)://…' }).optional(),
  SECRET_KEY: z.string().min(32, 'doit contenir au moins 32 caractères').optional(),
  RELAIS_DEMO: flag.default(true),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'valeurs possibles : fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  TRUST_PROXY: flag.default(false),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Relais <relais@relais.test>'),
  SMTP_INBOUND_PORT: port.default(2525),
  /** Hosts webhooks may reach although they resolve to private/loopback addresses (comma list). */
  WEBHOOK_ALLOWED_HOSTS: z.string().default(''),
  SMTP_INBOUND_HOST: z.string().min(1).default('127.0.0.1'),
  MAIL_REPLY_DOMAIN: z.string().min(1).default('relais.test'),
  MAX_UPLOAD_MB: z.coerce
    .number({ error: 'doit être un nombre de mégaoctets' })
    .int('doit être un nombre entier')
    .min(1, 'doit être compris entre 1 et 1024')
    .max(1024, 'doit être compris entre 1 et 1024')
    .default(20),
  /** 0: this node runs no background job (a web-only node, or a restored copy being checked). */
  RELAIS_JOBS: flag.default(true),
  /** How long a node's claim on a job holds without renewal: a crashed node's jobs are taken over after it. */
  JOB_LEASE_SECONDS: z.coerce
    .number({ error: 'doit être un nombre de secondes' })
    .int('doit être un nombre entier')
    .min(3, 'doit être compris entre 3 et 3600')
    .max(3600, 'doit être compris entre 3 et 3600')
    .default(60),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  baseUrl: string;
  secretKey: string;
  demo: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** Outbound SMTP, the inbound SMTP listener and the domain of `reply+<token>@…` reply addresses. */
  smtp: { url?: string; from: string; inboundPort: number; inboundHost: string; replyDomain: string };
  /** Largest attachment accepted, in bytes (MAX_UPLOAD_MB). */
  maxUploadBytes: number;
  /** WEBHOOK_ALLOWED_HOSTS: destinations exempt from the webhook SSRF guard (lowercase hosts). */
  webhookAllowedHosts: string[];
  /** JOB_LEASE_SECONDS in milliseconds (platform/jobs.ts). */
  jobLeaseMs: number;
  /** RELAIS_JOBS: whether this node runs background jobs. */
  jobs: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; lists every problem instead of stopping at the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most twelve-factor tools.
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuration invalide\u00a0:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'relais.db')}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl,
    dialect: databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres',
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    secretKey: e.SECRET_KEY ?? persistedSecret(dataDir),
    demo: e.RELAIS_DEMO,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    smtp: {
      url: e.SMTP_URL,
      from: e.SMTP_FROM,
      inboundPort: e.SMTP_INBOUND_PORT,
      inboundHost: e.SMTP_INBOUND_HOST,
      replyDomain: e.MAIL_REPLY_DOMAIN.toLowerCase(),
    },
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    webhookAllowedHosts: allowedHosts(e.WEBHOOK_ALLOWED_HOSTS),
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    jobs: e.RELAIS_JOBS,
  };
}

/** WEBHOOK_ALLOWED_HOSTS as a list of lowercase host names (IPv6 brackets removed). */
function allowedHosts(list: string): string[] {
  const hosts = list.split(',').map((h) => h.trim().toLowerCase());
  return hosts.map((h) => h.replace(/^\[|\]$/g, '')).filter(Boolean);
}

/** A secret generated on first start and kept in DATA_DIR so that sessions and tokens survive restarts. */
function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
