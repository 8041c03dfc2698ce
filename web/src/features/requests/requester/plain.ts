import { useTranslation } from 'react-i18next';
import type { RequestItem } from '../../../api/types.ts';

/** Where a request stands, in a plain French sentence for its requester. */
export function usePlainState() {
  const { t } = useTranslation();
  return (r: Pick<RequestItem, 'status' | 'assignee' | 'approvalRole'>): string => {
    if (r.status === 'pending_approval')
      return t('requests.plain.pending_approval', {
        role: r.approvalRole ? t(`roles.${r.approvalRole}` as 'roles.executive') : '—',
      });
    if (r.status === 'assigned')
      return r.assignee ? t('requests.plain.assigned', { name: r.assignee.name }) : t('requests.plain.assignedNobody');
    return t(`requests.plain.${r.status}`);
  };
}
