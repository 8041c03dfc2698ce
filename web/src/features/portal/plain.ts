import { useTranslation } from 'react-i18next';
import type { RequestItem } from '../../api/types.ts';
import { usePlainState } from '../requests/requester/plain.ts';
import { nextDue, spokenDue } from './due.ts';

const WORKING = ['new', 'assigned', 'in_progress'];

/**
 * Where an open request stands, as a sentence: « En cours chez Pôle assistantes Lyon — réponse prévue
 * jeudi 14 h » (team and next due date in the site's time zone); other states as « Mes demandes » says them.
 */
export function usePortalState() {
  const { t, i18n } = useTranslation();
  const plain = usePlainState();
  return (r: RequestItem, now = new Date()): string => {
    const due = nextDue(r.sla);
    if (!WORKING.includes(r.status) || !due) return plain(r);
    const when = spokenDue(due, r.site?.timezone ?? 'Europe/Paris', i18n.language, now);
    const late = Date.parse(due) < now.getTime();
    if (!r.team) return t(late ? 'portal.state.receivedLate' : 'portal.state.received', { due: when });
    return t(late ? 'portal.state.inTeamLate' : 'portal.state.inTeam', { team: r.team.name, due: when });
  };
}
