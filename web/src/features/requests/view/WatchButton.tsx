import { Button } from '@mantine/core';
import { IconBell, IconBellOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRequestWrite } from '../../../api/requests.ts';
import type { RequestDetail } from '../../../api/types.ts';
import { useNotifyError } from './useRequestActions.ts';

/** Follow / stop following the request (`POST|DELETE /api/requests/:id/watchers`). */
export function WatchButton({ request, meId }: { request: RequestDetail; meId: string }) {
  const { t } = useTranslation();
  const write = useRequestWrite(request.id);
  const notifyError = useNotifyError();
  if (!request.allowedActions.includes('request.watch')) return null;
  const watching = request.watchers.some((w) => w.id === meId);
  const toggle = () =>
    write
      .mutateAsync(
        watching
          ? { method: 'DELETE', sub: `watchers/${encodeURIComponent(meId)}` }
          : { method: 'POST', sub: 'watchers', body: { userId: meId } },
      )
      .catch(notifyError);
  return (
    <Button
      variant="default"
      leftSection={watching ? <IconBellOff size={16} aria-hidden /> : <IconBell size={16} aria-hidden />}
      onClick={() => void toggle()}
      loading={write.isPending}
      aria-pressed={watching}
    >
      {watching ? t('requests.view.unwatch') : t('requests.view.watch')}
    </Button>
  );
}
