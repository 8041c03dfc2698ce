import type { CreateTableBuilder } from 'kysely';
import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: builder generics are irrelevant here
type Table = CreateTableBuilder<any, any>;

/**
 * Requests and everything around them: timeline, watchers, links, attachments, checklists, canned
 * responses, saved views (queues), recurring schedules, per-organisation counters and settings,
 * and the assignment data on memberships (skills, unavailability, team rule).
 */
export const requests: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  const org = (b: Table) =>
    b
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'));
  const req = (b: Table) => b.addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'));
  const stamps = (b: Table) =>
    b
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .addColumn('updated_at', t.ts, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('organizations')
        .addColumn('request_prefix', 'text', (c) => c.notNull().defaultTo('DEM'))
        .execute();
      await db.schema
        .alterTable('organizations')
        .addColumn('reopen_days', 'integer', (c) => c.notNull().defaultTo(14))
        .execute();
      await db.schema.alterTable('organizations').addColumn('priority_matrix', t.json).execute();
      await db.schema.alterTable('services').addColumn('checklist', t.json).execute();
      await db.schema.alterTable('memberships').addColumn('skills', t.json).execute();
      await db.schema.alterTable('memberships').addColumn('unavailable_until', t.ts).execute();
      await db.schema
        .alterTable('teams')
        .addColumn('assignment_rule', 'text', (c) => c.notNull().defaultTo('manual'))
        .execute();
      await db.schema.alterTable('teams').addColumn('last_assignee_id', 'text').execute();
      await db.schema
        .createTable('request_counters')
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_number', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('request_counters_pk', ['organization_id', 'year'])
        .execute();
      await stamps(org(db.schema.createTable('requests')))
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('service_id', 'text', (c) => c.references('services.id'))
        .addColumn('answers', t.json, (c) => c.notNull())
        .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('function_id', 'text', (c) => c.references('functions.id').onDelete('set null'))
        .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
        .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
        .addColumn('assignment_note', t.json)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('impact', 'text')
        .addColumn('urgency', 'text')
        .addColumn('confidentiality', 'text', (c) => c.notNull())
        .addColumn('tags', t.json, (c) => c.notNull())
        .addColumn('approval_role', 'text')
        .addColumn('approved_by_id', 'text', (c) => c.references('users.id'))
        .addColumn('sla_policy_id', 'text', (c) => c.references('sla_policies.id').onDelete('set null'))
        .addColumn('sla_started_at', t.ts)
        .addColumn('first_response_due_at', t.ts)
        .addColumn('first_responded_at', t.ts)
        .addColumn('resolution_due_at', t.ts)
        .addColumn('resolution_at_risk_at', t.ts)
        .addColumn('sla_paused_at', t.ts)
        .addColumn('sla_paused_minutes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sla_state', 'text', (c) => c.notNull().defaultTo('none'))
        .addColumn('first_response_state', 'text', (c) => c.notNull().defaultTo('none'))
        .addColumn('resolved_at', t.ts)
        .addColumn('closed_at', t.ts)
        .addColumn('last_activity_at', t.ts, (c) => c.notNull())
        .addColumn('recurring_schedule_id', 'text')
        .addUniqueConstraint('requests_org_reference', ['organization_id', 'reference'])
        .execute();
      const idx = (name: string, cols: string[]) => db.schema.createIndex(name).on('requests').columns(cols).execute();
      await idx('requests_queue', ['organization_id', 'status', 'resolution_due_at', 'id']);
      await idx('requests_requester', ['organization_id', 'requester_id', 'created_at']);
      await idx('requests_assignee', ['organization_id', 'assignee_id', 'status']);
      await idx('requests_team', ['organization_id', 'team_id', 'status']);
      await idx('requests_site', ['organization_id', 'site_id', 'status']);
      await idx('requests_created', ['organization_id', 'created_at', 'id']);
      await req(org(db.schema.createTable('request_events')))
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('public', t.bool, (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('data', t.json, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('request_events_request').on('request_events').columns(['request_id', 'created_at']).execute();
      await req(org(db.schema.createTable('request_access')))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addUniqueConstraint('request_access_unique', ['request_id', 'user_id', 'role'])
        .execute();
      await db.schema.createIndex('request_access_user').on('request_access').columns(['user_id', 'role']).execute();
      await req(org(db.schema.createTable('request_links')))
        .addColumn('other_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addUniqueConstraint('request_links_unique', ['request_id', 'other_id'])
        .execute();
      // request_id stays null while a file is staged for a request being written (form answers of type file).
      await org(db.schema.createTable('attachments'))
        .addColumn('request_id', 'text', (c) => c.references('requests.id').onDelete('cascade'))
        .addColumn('event_id', 'text')
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('internal', t.bool, (c) => c.notNull().defaultTo(false))
        .addColumn('uploaded_by_id', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attachments_request').on('attachments').columns(['request_id']).execute();
      await req(org(db.schema.createTable('checklist_items')))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('done', t.bool, (c) => c.notNull().defaultTo(false))
        .addColumn('done_by_id', 'text', (c) => c.references('users.id'))
        .addColumn('done_at', t.ts)
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('checklist_items_request').on('checklist_items').columns(['request_id', 'position']).execute();
      await stamps(org(db.schema.createTable('canned_responses')))
        .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await stamps(org(db.schema.createTable('saved_views')))
        .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('filters', t.json, (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await stamps(org(db.schema.createTable('recurring_schedules')))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('service_id', 'text', (c) => c.references('services.id'))
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
        .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('rule', t.json, (c) => c.notNull())
        .addColumn('checklist', t.json, (c) => c.notNull())
        .addColumn('active', t.bool, (c) => c.notNull().defaultTo(true))
        .addColumn('next_run_at', t.ts)
        .execute();
      await org(db.schema.createTable('recurring_occurrences'))
        .addColumn('schedule_id', 'text', (c) => c.notNull().references('recurring_schedules.id').onDelete('cascade'))
        .addColumn('occurrence', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text', (c) => c.references('requests.id').onDelete('set null'))
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addUniqueConstraint('recurring_occurrences_unique', ['schedule_id', 'occurrence'])
        .execute();
    },
    async down(db: AnyDb) {
      const tables = [
        'recurring_occurrences',
        'recurring_schedules',
        'saved_views',
        'canned_responses',
        'checklist_items',
        'attachments',
        'request_links',
        'request_access',
        'request_events',
        'requests',
        'request_counters',
      ];
      for (const table of tables) await db.schema.dropTable(table).execute();
      for (const column of ['assignment_rule', 'last_assignee_id'])
        await db.schema.alterTable('teams').dropColumn(column).execute();
      await db.schema.alterTable('services').dropColumn('checklist').execute();
      for (const column of ['skills', 'unavailable_until'])
        await db.schema.alterTable('memberships').dropColumn(column).execute();
      for (const column of ['request_prefix', 'reopen_days', 'priority_matrix'])
        await db.schema.alterTable('organizations').dropColumn(column).execute();
    },
  };
};
