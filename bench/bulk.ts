/**
 * Bulk inserts for the data generator: the fastest portable way each dialect offers without extra
 * packages. SQLite: multi-row `INSERT … VALUES (…),(…)` filling the 32,766 bound-variable limit.
 * PostgreSQL: one `INSERT … SELECT * FROM unnest($1::text[], …)` per batch (one parameter per column,
 * whatever the number of rows).
 */
import { CompiledQuery } from 'kysely';
import type { Dialect, Kdb } from '../server/db/database.ts';

/** A column to insert and its PostgreSQL type (for the unnest cast). */
export interface Column {
  name: string;
  pg: 'text' | 'timestamptz' | 'integer' | 'boolean' | 'jsonb';
}

export type Row = unknown[];

const TYPES = { ts: 'timestamptz', int: 'integer', bool: 'boolean', jsonb: 'jsonb', text: 'text' } as const;

/** Columns from a compact spec: `id created_at:ts public:bool data:jsonb` (text when no type is given). */
export function columns(spec: string): Column[] {
  return spec.split(/\s+/).map((c) => {
    const [name = '', type = 'text'] = c.split(':');
    return { name, pg: TYPES[type as keyof typeof TYPES] };
  });
}

const SQLITE_MAX_VARIABLES = 32766;
const PG_ROWS_PER_STATEMENT = 5000;

const statements = new Map<string, string>();

function sqliteStatement(table: string, columns: Column[], rows: number): string {
  const key = `${table}:${rows}`;
  let text = statements.get(key);
  if (!text) {
    const tuple = `(${columns.map(() => '?').join(',')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c.name}"`).join(',')}) values ${Array(rows).fill(tuple).join(',')}`;
    statements.set(key, text);
  }
  return text;
}

function pgStatement(table: string, columns: Column[]): string {
  const names = columns.map((c) => `"${c.name}"`).join(',');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.pg}[]`).join(',');
  return `insert into "${table}" (${names}) select * from unnest(${arrays})`;
}

/** Inserts rows (values in column order, already in the dialect's bindable form) in the caller's transaction. */
export async function insertRows(db: Kdb, dialect: Dialect, table: string, columns: Column[], rows: Row[]): Promise<void> {
  if (!rows.length) return;
  if (dialect === 'sqlite') {
    const per = Math.floor(SQLITE_MAX_VARIABLES / columns.length);
    for (let start = 0; start < rows.length; start += per) {
      const chunk = rows.slice(start, start + per);
      await db.executeQuery(CompiledQuery.raw(sqliteStatement(table, columns, chunk.length), chunk.flat()));
    }
    return;
  }
  const text = pgStatement(table, columns);
  for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
    const arrays = columns.map((_, i) => chunk.map((r) => r[i] ?? null));
    await db.executeQuery(CompiledQuery.raw(text, arrays));
  }
}
