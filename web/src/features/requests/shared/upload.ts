import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { keys } from '../../../api/keys.ts';
import { uploadAttachments } from '../../../api/requests.ts';

/**
 * Sends files after their message (or after the request's creation). A failure never loses the
 * message already sent: it is reported, and `false` tells the caller to keep the files for a retry.
 */
export function useUpload() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return async (requestId: string, files: File[], internal: boolean): Promise<boolean> => {
    if (files.length === 0) return true;
    try {
      await uploadAttachments(requestId, files, internal);
      notifications.show({ message: t('requests.files.uploaded', { count: files.length }), color: 'green' });
      return true;
    } catch (e) {
      const missing = isApiError(e) && (e.status === 404 || e.status === 405);
      const message = missing ? t('requests.files.unavailable') : isApiError(e) ? e.message : t('common.errorTitle');
      notifications.show({ message: t('requests.files.uploadFailed', { message }), color: 'red', autoClose: 10_000 });
      return false;
    } finally {
      await qc.invalidateQueries({ queryKey: keys.request(requestId) });
    }
  };
}
