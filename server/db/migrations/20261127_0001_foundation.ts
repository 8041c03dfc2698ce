import type { CreateTableBuilder } from 'kysely';
import { type AnyDb, columnTypes, type Dialect, type MigrationFactory } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: builder generics are irrelevant here
type Table = CreateTableBuilder<any, any>;

const TABLES = [
  'idempotency_keys',
  'audit_heads',
  'audit_log',
  'login_throttle',
  'api_tokens',
  'password_resets',
  'sessions',
  'team_members',
  'team_functions',
  'team_sites',
  'teams',
  'functions',
  'site_closures',
  'memberships',
  'sites',
  'users',
  'organizations',
];

/** Organisations, sites, functions, teams, users, memberships, auth and the audit chain. */
export const foundation: MigrationFactory = (dialect: Dialect) => {
  const t = columnTypes(dialect);
  const stamps = (b: Table) =>
    b
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .addColumn('updated_at', t.ts, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
  const tenant = (b: Table) =>
    b.addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'));

  return {
    async up(db: AnyDb) {
      await stamps(
        db.schema
          .createTable('organizations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('require_mfa_staff', t.bool, (c) => c.notNull().defaultTo(false)),
      ).execute();
      await stamps(
        db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text')
          .addColumn('locale', 'text', (c) => c.notNull().defaultTo('fr'))
          .addColumn('is_operator', t.bool, (c) => c.notNull().defaultTo(false))
          .addColumn('totp_secret', 'text')
          .addColumn('totp_enabled', t.bool, (c) => c.notNull().defaultTo(false))
          .addColumn('totp_last_step', 'integer')
          .addColumn('recovery_codes', t.json)
          .addColumn('disabled', t.bool, (c) => c.notNull().defaultTo(false)),
      ).execute();
      await stamps(
        tenant(db.schema.createTable('sites').addColumn('id', 'text', (c) => c.primaryKey()))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('address', 'text', (c) => c.notNull())
          .addColumn('timezone', 'text', (c) => c.notNull())
          .addColumn('holiday_region', 'text', (c) => c.notNull())
          .addColumn('business_hours', t.json, (c) => c.notNull())
          .addUniqueConstraint('sites_org_name', ['organization_id', 'name']),
      ).execute();
      await stamps(
        tenant(db.schema.createTable('memberships').addColumn('id', 'text', (c) => c.primaryKey()))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('site_id', 'text', (c) => c.references('sites.id').onDelete('set null'))
          .addUniqueConstraint('memberships_org_user', ['organization_id', 'user_id']),
      ).execute();
      await tenant(db.schema.createTable('site_closures').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .execute();
      await stamps(
        tenant(db.schema.createTable('functions').addColumn('id', 'text', (c) => c.primaryKey()))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addUniqueConstraint('functions_org_code', ['organization_id', 'code']),
      ).execute();
      await stamps(
        tenant(db.schema.createTable('teams').addColumn('id', 'text', (c) => c.primaryKey()))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('model', 'text', (c) => c.notNull())
          .addColumn('coordinator_id', 'text', (c) => c.references('users.id').onDelete('set null'))
          .addColumn('provider_name', 'text')
          .addColumn('contract_ref', 'text'),
      ).execute();
      for (const [table, column, target] of [
        ['team_sites', 'site_id', 'sites.id'],
        ['team_functions', 'function_id', 'functions.id'],
        ['team_members', 'user_id', 'users.id'],
      ] as const) {
        await tenant(db.schema.createTable(table))
          .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
          .addColumn(column, 'text', (c) => c.notNull().references(target).onDelete('cascade'))
          .addPrimaryKeyConstraint(`${table}_pk`, ['team_id', column])
          .execute();
      }
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('set null'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('mfa_pending', t.bool, (c) => c.notNull().defaultTo(false))
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text', (c) => c.notNull())
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('last_seen_at', t.ts, (c) => c.notNull())
        .addColumn('expires_at', t.ts, (c) => c.notNull())
        .addColumn('revoked_at', t.ts)
        .execute();
      await db.schema
        .createTable('password_resets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('expires_at', t.ts, (c) => c.notNull())
        .addColumn('used_at', t.ts)
        .execute();
      await tenant(db.schema.createTable('api_tokens').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('scopes', t.json, (c) => c.notNull())
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('last_used_at', t.ts)
        .addColumn('expires_at', t.ts)
        .addColumn('revoked_at', t.ts)
        .execute();
      await db.schema
        .createTable('login_throttle')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('window_started_at', t.ts, (c) => c.notNull())
        .addColumn('locked_until', t.ts)
        .execute();
      // The audit chain is keyed by organisation id ('_platform' for platform-wide writes): no FK, it outlives rows.
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_label', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text')
        .addColumn('summary', t.json, (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addUniqueConstraint('audit_log_org_seq', ['organization_id', 'seq'])
        .execute();
      await db.schema
        .createTable('audit_heads')
        .addColumn('organization_id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('route', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer', (c) => c.notNull())
        .addColumn('response', t.json, (c) => c.notNull())
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .execute();
      await indexes(db);
    },
    async down(db: AnyDb) {
      for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
    },
  };
};

async function indexes(db: AnyDb) {
  const idx = [
    ['memberships_user', 'memberships', ['user_id']],
    ['sites_org', 'sites', ['organization_id']],
    ['teams_org', 'teams', ['organization_id']],
    ['sessions_user', 'sessions', ['user_id']],
    ['api_tokens_user', 'api_tokens', ['user_id']],
    ['audit_log_org_time', 'audit_log', ['organization_id', 'created_at']],
    ['site_closures_site', 'site_closures', ['site_id']],
  ] as const;
  for (const [name, table, cols] of idx)
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...cols])
      .execute();
}
