import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { keys } from '../../../api/keys.ts';
import { type RequestPatch, useUpdateRequest } from '../../../api/requests.ts';
import type { RequestDetail } from '../../../api/types.ts';

/**
 * PATCH the open request with its version. A 409 `version_conflict` (someone saved first) shows the
 * inline « modifiée entre-temps » alert and reloads the current state; other errors become a notification.
 */
export function usePatchRequest(request: RequestDetail) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = useUpdateRequest();
  const [conflict, setConflict] = useState(false);
  const patch = async (changes: RequestPatch, success?: string): Promise<boolean> => {
    try {
      await update.mutateAsync({ id: request.id, version: request.version, ...changes });
      setConflict(false);
      if (success) notifications.show({ message: success, color: 'green' });
      return true;
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict') {
        setConflict(true);
        await qc.invalidateQueries({ queryKey: keys.request(request.id) });
      } else {
        notifications.show({
          title: t('common.errorTitle'),
          message: isApiError(e) ? e.message : t('common.errorTitle'),
          color: 'red',
        });
      }
      return false;
    }
  };
  return { patch, conflict, dismissConflict: () => setConflict(false), pending: update.isPending };
}

/** Shows a failed write as a red notification (server message in the user's language). */
export function useNotifyError() {
  const { t } = useTranslation();
  return (e: unknown) =>
    notifications.show({
      title: t('common.errorTitle'),
      message: isApiError(e) ? e.message : t('common.errorTitle'),
      color: 'red',
    });
}
