import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Kdb } from '../db/database.ts';
import type { AuditLogTable } from '../db/schema.ts';
import { newId, nowIso } from './ids.ts';

export const PLATFORM_CHAIN = '_platform';
const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  organizationId: string | null;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  ip: string;
}

type Hashed = Omit<Selectable<AuditLogTable>, 'hash' | 'summary'> & { summary: Record<string, unknown> };

/** Stable JSON (sorted keys) so that the hash does not depend on key order or the dialect. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashRow(row: Hashed): string {
  const { id, organization_id, seq, actor_id, actor_label, action, target_type, target_id, summary, ip, created_at } = row;
  const body = canonical({
    id,
    organization_id,
    seq,
    actor_id,
    actor_label,
    action,
    target_type,
    target_id,
    summary,
    ip,
    created_at,
  });
  return createHash('sha256').update(`${row.prev_hash}\n${body}`).digest('hex');
}

/**
 * Appends one row to the organisation's hash chain inside the caller's transaction (DESIGN rule 3).
 * The chain head row is locked (PG: FOR UPDATE) so concurrent writers of one organisation serialise,
 * while other organisations' chains never wait.
 */
export async function appendAudit(trx: Kdb, dialect: 'sqlite' | 'postgres', entry: AuditEntry): Promise<void> {
  const chain = entry.organizationId ?? PLATFORM_CHAIN;
  let headQuery = trx.selectFrom('audit_heads').select(['seq', 'hash']).where('organization_id', '=', chain);
  if (dialect === 'postgres') headQuery = headQuery.forUpdate();
  let head = await headQuery.executeTakeFirst();
  if (!head) {
    await trx
      .insertInto('audit_heads')
      .values({ organization_id: chain, seq: 0, hash: GENESIS })
      .onConflict((oc) => oc.column('organization_id').doNothing())
      .execute();
    head = await headQuery.executeTakeFirstOrThrow();
  }
  const row: Hashed = {
    id: newId(),
    organization_id: chain,
    seq: Number(head.seq) + 1,
    actor_id: entry.actorId,
    actor_label: entry.actorLabel,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    summary: entry.summary,
    ip: entry.ip,
    created_at: nowIso(),
    prev_hash: head.hash,
  };
  const hash = hashRow(row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, summary: JSON.stringify(row.summary), hash })
    .execute();
  await trx.updateTable('audit_heads').set({ seq: row.seq, hash }).where('organization_id', '=', chain).execute();
}

export interface ChainReport {
  chain: string;
  rows: number;
  ok: boolean;
  firstBroken?: { id: string; seq: number; reason: string };
}

/** Recomputes every hash of one chain in order; names the first row that does not match. */
export async function verifyChain(db: Kdb, chain: string): Promise<ChainReport> {
  const rows = await db.selectFrom('audit_log').selectAll().where('organization_id', '=', chain).orderBy('seq').execute();
  let prev = GENESIS;
  for (const [i, r] of rows.entries()) {
    const row = r as unknown as Hashed & { hash: string };
    const reason =
      Number(row.seq) !== i + 1
        ? `séquence attendue ${i + 1}, trouvée ${row.seq}`
        : row.prev_hash !== prev
          ? 'hash précédent différent'
          : hashRow({ ...row, seq: Number(row.seq) }) !== row.hash
            ? 'contenu modifié'
            : null;
    if (reason) return { chain, rows: rows.length, ok: false, firstBroken: { id: row.id, seq: Number(row.seq), reason } };
    prev = row.hash;
  }
  const head = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('organization_id', '=', chain).executeTakeFirst();
  if (!head && rows.length > 0) {
    return {
      chain,
      rows: rows.length,
      ok: false,
      firstBroken: { id: '-', seq: rows.length + 1, reason: 'tête de chaîne absente' },
    };
  }
  if (head && (Number(head.seq) !== rows.length || head.hash !== prev)) {
    return {
      chain,
      rows: rows.length,
      ok: false,
      firstBroken: { id: '-', seq: rows.length + 1, reason: 'lignes supprimées en fin de chaîne' },
    };
  }
  return { chain, rows: rows.length, ok: true };
}

/** Every chain known to the heads or to the rows, so that deleting a chain's head does not hide it. */
export async function verifyAll(db: Kdb): Promise<ChainReport[]> {
  const heads = await db.selectFrom('audit_heads').select('organization_id').execute();
  const logged = await db.selectFrom('audit_log').select('organization_id').distinct().execute();
  const chains = [...new Set([...heads, ...logged].map((c) => c.organization_id))].sort();
  return Promise.all(chains.map((c) => verifyChain(db, c)));
}
