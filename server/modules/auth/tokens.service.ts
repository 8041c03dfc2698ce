import type { Actor } from '../../platform/actor.ts';
import { enrolmentRequired } from '../../platform/auth-hook.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, newSecret, nowIso, sha256 } from '../../platform/ids.ts';
import { scopeOf } from '../../platform/tenancy.ts';

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
};

const present = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  createdAt: t.created_at,
  lastUsedAt: t.last_used_at,
  expiresAt: t.expires_at,
  revokedAt: t.revoked_at,
});

/** Tokens are managed from an interactive session only: a token cannot mint other tokens. */
function assertSession(actor: Actor): void {
  if (actor.via !== 'session') throw new AppError('forbidden');
}

export async function listTokens(ctx: Ctx, actor: Actor) {
  const rows = await ctx.database.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(present);
}

/** Creates a token bound to the current organisation; the secret is returned once and stored hashed. */
export async function createToken(ctx: Ctx, actor: Actor, input: { name: string; scopes: string[]; expiresInDays?: number }) {
  assertSession(actor);
  const scope = scopeOf(actor);
  // Tokens skip the enrolment check when used: they may only be minted by a session that passes it.
  if (await enrolmentRequired(ctx.database, actor)) throw new AppError('mfa_enrolment_required');
  const token = `rl_${newSecret()}`;
  const row = {
    id: newId(),
    user_id: actor.userId,
    organization_id: scope.organizationId,
    name: input.name,
    token_hash: sha256(token),
    prefix: token.slice(0, 8),
    scopes: [...new Set(input.scopes)],
    created_at: nowIso(),
    last_used_at: null,
    expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString() : null,
    revoked_at: null,
  };
  await withTransaction(ctx, async (trx, record) => {
    await trx
      .insertInto('api_tokens')
      .values({ ...row, scopes: JSON.stringify(row.scopes) })
      .execute();
    await record({
      action: 'auth.token_created',
      targetType: 'api_token',
      targetId: row.id,
      summary: { name: row.name, scopes: row.scopes },
    });
  });
  return { token, ...present(row) };
}

export async function revokeToken(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  assertSession(actor);
  await withTransaction(ctx, async (trx, record) => {
    const res = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso() })
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('not_found');
    await record({ action: 'auth.token_revoked', targetType: 'api_token', targetId: id, summary: {} });
  });
}
