import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, type zapp } from '../../platform/route-helpers.ts';
import { ZFolderInput, ZFolderPatch } from './archive.schemas.ts';
import { createFolder, deleteFolder, getFolder, listFolders, updateFolder } from './folders.service.ts';

const tag = (summary: string) => doc('archive', summary);
const one = { params: ZIdParam };
const manage = { action: 'archive.folder.manage', resource: 'archivefolder' };

/** Folders of the archive: the readable ones for everyone, management for the coordination and key users. */
export async function folderRoutes(app: ReturnType<typeof zapp>, deps: Deps) {
  app.get(
    '/api/archive/folders',
    { config: { action: 'archive.read' }, schema: tag('Dossiers lisibles (à plat, parentId)') },
    async (request) => ({
      items: await listFolders(ctxOf(deps, request), scopeOfRequest(request)),
    }),
  );
  app.post(
    '/api/archive/folders',
    { config: { action: 'archive.folder.manage' }, schema: { ...tag('Créer un dossier'), body: ZFolderInput } },
    async (request, reply) =>
      reply.status(201).send(await createFolder(ctxOf(deps, request), scopeOfRequest(request), request.body)),
  );
  app.get(
    '/api/archive/folders/:id',
    { config: { action: 'archive.read', resource: 'archivefolder' }, schema: { ...tag('Un dossier'), ...one } },
    (request) => getFolder(ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  app.patch(
    '/api/archive/folders/:id',
    { config: manage, schema: { ...tag('Modifier un dossier, ses droits (version requise)'), ...one, body: ZFolderPatch } },
    (request) => updateFolder(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    '/api/archive/folders/:id',
    { config: manage, schema: { ...tag('Supprimer un dossier vide'), ...one } },
    async (request, reply) => {
      await deleteFolder(ctxOf(deps, request), scopeOfRequest(request), request.params.id);
      return noContent(reply);
    },
  );
}
