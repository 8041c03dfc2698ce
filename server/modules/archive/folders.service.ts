import type { FolderPermissions } from '../../../common/archive.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { FolderTree, type FolderRow } from './archive.access.ts';
import type { TFolderInput, TFolderPatch } from './archive.schemas.ts';

/** A folder as the API shows it: its own settings, what it finally grants, and what the actor may do. */
export function presentFolder(tree: FolderTree, row: FolderRow) {
  const eff = tree.effective(row.id);
  const actions = [...(tree.canWrite(row.id) ? ['archive.upload'] : []), ...(tree.manager ? ['archive.folder.manage'] : [])];
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    siteId: row.site_id,
    functionId: row.function_id,
    permissions: row.permissions,
    effective: { permissions: eff.permissions, inheritedFrom: eff.from === row.id ? null : eff.from, siteId: eff.siteId },
    version: row.version,
    allowedActions: actions,
  };
}

const treeOf = (ctx: Ctx, db: Kdb, scope: Scope) => FolderTree.load(db, scope, ctx.actor as Actor);

/** The folders the actor may read (flat, with parentId: the web builds the tree). */
export async function listFolders(ctx: Ctx, scope: Scope) {
  const tree = await treeOf(ctx, ctx.database.db, scope);
  return tree.readableIds().map((id) => presentFolder(tree, tree.rows.get(id) as FolderRow));
}

async function assertTeams(trx: Kdb, scope: Scope, p: FolderPermissions | null | undefined) {
  const ids = [...new Set([...(p?.readTeams ?? []), ...(p?.writeTeams ?? [])])];
  if (!ids.length) return;
  const found = await tenant.selectFrom(trx, scope, 'teams').select('id').where('id', 'in', ids).execute();
  if (found.length !== ids.length) {
    const fields = [{ path: 'permissions', code: 'unknown_reference', message: 'unknown_reference_field' }];
    throw new AppError('unprocessable', 'unknown_reference', { fields }, { ids: 'permissions' });
  }
}

async function assertLinks(trx: Kdb, scope: Scope, input: Partial<TFolderInput>) {
  await assertReferences(trx, scope, {
    parentId: ['archive_folders', input.parentId],
    siteId: ['sites', input.siteId],
    functionId: ['functions', input.functionId],
  });
  await assertTeams(trx, scope, input.permissions);
}

export async function createFolder(ctx: Ctx, scope: Scope, input: TFolderInput) {
  const id = newId();
  const now = nowIso();
  await withTransaction(ctx, async (trx, record) => {
    await assertLinks(trx, scope, input);
    const row = {
      id,
      parent_id: input.parentId,
      name: input.name,
      site_id: input.siteId,
      function_id: input.functionId,
      permissions: input.permissions ? JSON.stringify(input.permissions) : null,
      created_at: now,
      updated_at: now,
    };
    await trx
      .insertInto('archive_folders')
      .values(tenant.values(scope, [row]))
      .execute();
    await record({ action: 'archive.folder_created', targetType: 'archive_folder', targetId: id, summary: { after: input } });
  });
  return getFolder(ctx, scope, id);
}

export async function getFolder(ctx: Ctx, scope: Scope, id: string) {
  const tree = await treeOf(ctx, ctx.database.db, scope);
  return presentFolder(tree, tree.assert(id, 'read'));
}

export async function updateFolder(ctx: Ctx, scope: Scope, id: string, patch: TFolderPatch) {
  const { version, parentId, siteId, functionId, permissions, ...rest } = patch;
  const set: Record<string, unknown> = { ...rest };
  if (parentId !== undefined) set.parent_id = parentId;
  if (siteId !== undefined) set.site_id = siteId;
  if (functionId !== undefined) set.function_id = functionId;
  if (permissions !== undefined) set.permissions = permissions ? JSON.stringify(permissions) : null;
  await withTransaction(ctx, async (trx, record) => {
    const tree = await treeOf(ctx, trx, scope);
    const before = tree.assert(id, 'read');
    await assertLinks(trx, scope, { parentId, siteId, functionId, permissions });
    // A folder cannot move under itself or one of its subfolders.
    if (parentId && tree.chain(parentId).some((f) => f.id === id)) throw new AppError('conflict', 'archive_folder_cycle');
    const present = (row: unknown) => presentFolder(tree, row as FolderRow);
    await updateVersioned(trx, scope, 'archive_folders', id, version, set, present);
    const after = { ...before, ...set, permissions: permissions === undefined ? before.permissions : permissions };
    await record({ action: 'archive.folder_updated', targetType: 'archive_folder', targetId: id, summary: diff(before, after) });
  });
  return getFolder(ctx, scope, id);
}

/** Only an empty folder is deleted (no subfolder, no document): nothing is ever lost by a click. */
export async function deleteFolder(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const tree = await treeOf(ctx, trx, scope);
    const row = tree.assert(id, 'read');
    const child = [...tree.rows.values()].some((f) => f.parent_id === id);
    const doc = await tenant
      .selectFrom(trx, scope, 'archive_documents')
      .select('id')
      .where('folder_id', '=', id)
      .executeTakeFirst();
    if (child || doc) throw new AppError('conflict', 'archive_folder_not_empty');
    await tenant.deleteFrom(trx, scope, 'archive_folders').where('id', '=', id).execute();
    await record({ action: 'archive.folder_deleted', targetType: 'archive_folder', targetId: id, summary: { name: row.name } });
  });
}
