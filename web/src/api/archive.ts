import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentType, FolderPermissions, RetentionClass } from '../../../common/archive.ts';
import { ApiError, api, apiErrorOf, writeHeaders } from './client.ts';
import { keys } from './keys.ts';

export interface ArchiveFolder {
  id: string;
  parentId: string | null;
  name: string;
  siteId: string | null;
  functionId: string | null;
  permissions: FolderPermissions | null;
  effective: { permissions: FolderPermissions; inheritedFrom: string | null; siteId: string | null };
  version: number;
  allowedActions: string[];
}
export interface ArchiveVersion {
  number: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedById: string | null;
  createdAt: string;
}
export interface ArchiveDocument {
  id: string;
  folderId: string;
  name: string;
  type: DocumentType;
  retention: RetentionClass;
  description: string;
  tags: string[];
  currentVersion: number;
  file: ArchiveVersion | null;
  siteId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: string[];
  versions?: ArchiveVersion[];
}
export interface ArchiveFilters {
  q?: string;
  folderId?: string;
  type?: string;
  retention?: string;
  siteId?: string;
}
export interface FolderInput {
  name: string;
  parentId: string | null;
  siteId: string | null;
  functionId: string | null;
  permissions: FolderPermissions | null;
}
export interface DocumentPatch {
  name?: string;
  type?: DocumentType;
  retention?: RetentionClass;
  description?: string;
  tags?: string[];
  folderId?: string;
  version: number;
}

const archiveKeys = {
  all: ['archive'] as const,
  folders: ['archive', 'folders'] as const,
  documents: (f: ArchiveFilters) => ['archive', 'documents', f] as const,
  document: (id: string) => ['archive', 'document', id] as const,
};

export function useArchiveFolders(enabled = true) {
  return useQuery({
    queryKey: archiveKeys.folders,
    queryFn: () => api<{ items: ArchiveFolder[] }>('/archive/folders'),
    enabled,
  });
}

export function useArchiveDocuments(filters: ArchiveFilters, enabled = true) {
  return useQuery({
    queryKey: archiveKeys.documents(filters),
    queryFn: () => api<{ items: ArchiveDocument[] }>('/archive/documents', { query: { ...filters } }),
    enabled,
  });
}

export function useArchiveDocument(id: string | null) {
  return useQuery({
    queryKey: archiveKeys.document(id ?? ''),
    queryFn: () => api<ArchiveDocument>(`/archive/documents/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

/** Any archive write refreshes folders, lists and documents. */
export function useArchiveRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: archiveKeys.all });
}

export function useSaveFolder() {
  const refresh = useArchiveRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: FolderInput & { id?: string; version?: number }) =>
      id
        ? api<ArchiveFolder>(`/archive/folders/${encodeURIComponent(id)}`, { method: 'PATCH', body })
        : api<ArchiveFolder>('/archive/folders', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useDeleteFolder() {
  const refresh = useArchiveRefresh();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/archive/folders/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function usePatchDocument() {
  const refresh = useArchiveRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: DocumentPatch & { id: string }) =>
      api<ArchiveDocument>(`/archive/documents/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

export function useDeleteDocument() {
  const refresh = useArchiveRefresh();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/archive/documents/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

/** Download address of a document's version (served as an attachment; every download is audited). */
export const archiveDownloadUrl = (id: string, version?: number) =>
  `/api/archive/documents/${encodeURIComponent(id)}/download${version ? `?version=${version}` : ''}`;

/**
 * A multipart upload through XMLHttpRequest so the page can show a progress bar (fetch cannot report
 * upload progress); same cookie, CSRF header and error shape as `api()`.
 */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(writeHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(apiErrorOf(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'unavailable', 'Le serveur est injoignable.'));
    xhr.send(form);
  });
}

/** Attaches an archive document to a request, then refreshes the request. */
export function useAttachFromArchive(requestId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { documentId: string; internal?: boolean }) =>
      api<unknown>(`/requests/${encodeURIComponent(requestId)}/attachments/from-archive`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.request(requestId) }),
  });
}

export function useSaveToArchive() {
  const refresh = useArchiveRefresh();
  return useMutation({
    mutationFn: (body: {
      attachmentId: string;
      folderId: string;
      name?: string;
      type: DocumentType;
      retention: RetentionClass;
    }) => api<ArchiveDocument>('/archive/documents/from-attachment', { method: 'POST', body }),
    onSuccess: refresh,
  });
}
