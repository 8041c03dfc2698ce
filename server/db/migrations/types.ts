import type { ColumnDataType, Kysely, Migration } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** Column types that differ between the two dialects; everything else is portable. */
export function columnTypes(dialect: Dialect): { ts: ColumnDataType; bool: ColumnDataType; json: ColumnDataType } {
  return dialect === 'postgres'
    ? { ts: 'timestamptz', bool: 'boolean', json: 'jsonb' }
    : { ts: 'text', bool: 'integer', json: 'text' };
}

/** A migration built for one dialect, so both run the same schema-builder code. */
export type MigrationFactory = (dialect: Dialect) => Migration;
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema types
export type AnyDb = Kysely<any>;
