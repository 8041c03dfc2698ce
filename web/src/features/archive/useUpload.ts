import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ArchiveDocument, uploadWithProgress, useArchiveRefresh } from '../../api/archive.ts';
import { isApiError } from '../../api/client.ts';

/**
 * Sends one multipart upload with progress (0–100, null when idle); reports success or the server's
 * message, refreshes the archive, and resolves with the document (or null on failure).
 */
export function useArchiveUpload() {
  const { t } = useTranslation();
  const refresh = useArchiveRefresh();
  const [progress, setProgress] = useState<number | null>(null);
  const send = async (path: string, form: FormData): Promise<ArchiveDocument | null> => {
    setProgress(0);
    try {
      const doc = await uploadWithProgress<ArchiveDocument>(path, form, setProgress);
      await refresh();
      return doc;
    } catch (e) {
      const message = isApiError(e) ? e.message : t('common.errorTitle');
      notifications.show({ message: t('archive.uploadFailed', { message }), color: 'red', autoClose: 10_000 });
      return null;
    } finally {
      setProgress(null);
    }
  };
  return { progress, send };
}
