import type { CreateTableBuilder } from 'kysely';
import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: builder generics are irrelevant here
type Table = CreateTableBuilder<any, any>;

/** SLA policies (the organisation's contract), service categories and the service catalogue. */
export const catalog: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  const base = (b: Table) =>
    b
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .addColumn('updated_at', t.ts, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
  return {
    async up(db: AnyDb) {
      await base(db.schema.createTable('sla_policies'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('targets', t.json, (c) => c.notNull())
        .addColumn('is_default', t.bool, (c) => c.notNull().defaultTo(false))
        .execute();
      await base(db.schema.createTable('service_categories'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('icon', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('service_categories_org_name', ['organization_id', 'name'])
        .execute();
      await base(db.schema.createTable('services'))
        .addColumn('category_id', 'text', (c) => c.notNull().references('service_categories.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
        .addColumn('function_id', 'text', (c) => c.references('functions.id').onDelete('set null'))
        .addColumn('autonomy_level', 'integer', (c) => c.notNull())
        .addColumn('required_skills', t.json, (c) => c.notNull())
        .addColumn('confidentiality', 'text', (c) => c.notNull())
        .addColumn('default_priority', 'text', (c) => c.notNull())
        .addColumn('sla_policy_id', 'text', (c) => c.references('sla_policies.id'))
        .addColumn('approval_role', 'text')
        .addColumn('form', t.json, (c) => c.notNull())
        .addColumn('active', t.bool, (c) => c.notNull().defaultTo(true))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('services_org_name', ['organization_id', 'name'])
        .execute();
      await db.schema.createIndex('services_org_category').on('services').columns(['organization_id', 'category_id']).execute();
    },
    async down(db: AnyDb) {
      for (const table of ['services', 'service_categories', 'sla_policies']) await db.schema.dropTable(table).execute();
    },
  };
};
