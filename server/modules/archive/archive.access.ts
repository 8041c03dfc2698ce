import type { Selectable } from 'kysely';
import type { FolderPermissions } from '../../../common/archive.ts';
import type { ActorRole } from '../../../common/roles.ts';
import type { Kdb } from '../../db/database.ts';
import type { ArchiveFoldersTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { actorRoles } from '../../platform/authz.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';
import { ARCHIVE_MANAGERS } from './archive.policy.ts';

export type FolderRow = Selectable<ArchiveFoldersTable>;

/** A root folder without permissions of its own: the pool's staff read it, those who work requests write it. */
export const DEFAULT_PERMISSIONS: FolderPermissions = {
  readRoles: ['assistant', 'coordinator', 'org_admin', 'executive'],
  writeRoles: ['assistant', 'coordinator', 'org_admin'],
  readTeams: [],
  writeTeams: [],
};

/** What a folder finally grants, once inheritance is resolved. */
export interface Effective {
  permissions: FolderPermissions;
  /** The folder whose permissions apply (itself or an ancestor); null for the default. */
  from: string | null;
  /** Nearest site binding on the way up: requesters of that site only. */
  siteId: string | null;
  functionId: string | null;
}

/** Who is asking, as the archive's permissions see it: roles, home site, teams. */
export interface Viewer {
  roles: readonly ActorRole[];
  siteId: string | null;
  teamIds: ReadonlySet<string>;
}

export async function viewerOf(db: Kdb, scope: Scope, actor: Actor): Promise<Viewer> {
  const teams = await tenant
    .selectFrom(db, scope, 'team_members')
    .select('team_id')
    .where('user_id', '=', actor.userId)
    .execute();
  return { roles: actorRoles(actor), siteId: actor.siteId, teamIds: new Set(teams.map((t) => t.team_id)) };
}

/**
 * Every folder of the organisation and the one place that computes effective permissions (inheritance,
 * site binding, roles and teams). Folders are few per organisation, so they are loaded whole.
 */
export class FolderTree {
  readonly rows: Map<string, FolderRow>;
  readonly viewer: Viewer;
  constructor(rows: FolderRow[], viewer: Viewer) {
    this.rows = new Map(rows.map((r) => [r.id, r]));
    this.viewer = viewer;
  }

  static async load(db: Kdb, scope: Scope, actor: Actor): Promise<FolderTree> {
    const rows = await tenant.selectFrom(db, scope, 'archive_folders').selectAll().orderBy('name').orderBy('id').execute();
    return new FolderTree(rows, await viewerOf(db, scope, actor));
  }

  /** The folder and its ancestors, nearest first (a cycle, which moves refuse, is cut). */
  chain(id: string): FolderRow[] {
    const out: FolderRow[] = [];
    for (let row = this.rows.get(id); row && !out.includes(row) && out.length < 64; row = this.rows.get(row.parent_id ?? '')) {
      out.push(row);
    }
    return out;
  }

  effective(id: string): Effective {
    const chain = this.chain(id);
    const own = chain.find((f) => f.permissions);
    return {
      permissions: own?.permissions ?? DEFAULT_PERMISSIONS,
      from: own?.id ?? null,
      siteId: chain.find((f) => f.site_id)?.site_id ?? null,
      functionId: chain.find((f) => f.function_id)?.function_id ?? null,
    };
  }

  #grants(id: string, roles: 'readRoles' | 'writeRoles', teams: 'readTeams' | 'writeTeams'): boolean {
    const { permissions, siteId } = this.effective(id);
    const v = this.viewer;
    const byRole = v.roles.some((r) => {
      if (!permissions[roles].includes(r)) return false;
      // A site-bound folder is open to the requesters of that site only.
      return r !== 'requester' || !siteId || v.siteId === siteId;
    });
    return byRole || permissions[teams].some((t) => v.teamIds.has(t));
  }

  get manager(): boolean {
    return this.viewer.roles.some((r) => ARCHIVE_MANAGERS.includes(r));
  }

  canRead(id: string): boolean {
    if (!this.rows.has(id)) return false;
    if (this.manager || this.viewer.roles.includes('dpo')) return true;
    return this.#grants(id, 'readRoles', 'readTeams') || this.#grants(id, 'writeRoles', 'writeTeams');
  }

  canWrite(id: string): boolean {
    if (!this.rows.has(id)) return false;
    if (this.manager) return true;
    if (this.viewer.roles.includes('dpo') && this.viewer.roles.length === 1) return false;
    return this.#grants(id, 'writeRoles', 'writeTeams');
  }

  readableIds(): string[] {
    return [...this.rows.keys()].filter((id) => this.canRead(id));
  }

  /** 404 when the folder is unknown or unreadable, 403 when readable but not writable. */
  assert(id: string, need: 'read' | 'write'): FolderRow {
    const row = this.rows.get(id);
    if (!row || !this.canRead(id)) throw notFound();
    if (need === 'write' && !this.canWrite(id)) throw new AppError('forbidden', 'archive_write_forbidden');
    return row;
  }
}
