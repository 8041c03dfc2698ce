import type { Kdb } from '../../db/database.ts';
import { type Change, type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { hashPassword } from './password.ts';

export async function needsSetup(db: Kdb): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count) === 0;
}

/**
 * Creates the first platform operator on an empty installation (RELAIS_DEMO=0). Refused (409) once any
 * user exists, so the endpoint cannot be used to take over a running installation.
 */
export async function setupFirstOperator(
  ctx: Ctx,
  input: { email: string; displayName: string; password: string },
): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (trx, record) => {
    if (!(await needsSetup(trx))) throw new AppError('conflict', 'already_exists');
    return insertOperator(trx, record, { email: input.email, displayName: input.displayName, passwordHash });
  });
}

/** Inserts a platform operator account and its audit row (first-run setup and demo seed). */
export async function insertOperator(
  trx: Kdb,
  record: (change: Change) => Promise<void>,
  input: { email: string; displayName: string; passwordHash: string },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  const email = input.email.toLowerCase();
  await trx
    .insertInto('users')
    .values({
      id,
      email,
      display_name: input.displayName,
      password_hash: input.passwordHash,
      locale: 'fr',
      is_operator: true,
      totp_enabled: false,
      disabled: false,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await record({
    action: 'platform.operator_created',
    targetType: 'user',
    targetId: id,
    summary: { email },
    organizationId: null,
  });
  return id;
}
