import { useNavigate } from 'react-router';
import type { RequestDetail } from '../../../api/types.ts';
import { neighbour } from '../shared/filters.ts';
import { useShortcuts } from '../shared/shortcuts.ts';
import type { ReplyMode } from './ReplyBox.tsx';

interface Options {
  request: RequestDetail;
  focusReply: (mode: ReplyMode) => void;
  onAssign: () => void;
  onHelp: () => void;
}

/** r reply, n note, a assign, j/k next and previous request of the list, ? help. */
export function useRequestKeys({ request, focusReply, onAssign, onHelp }: Options): void {
  const navigate = useNavigate();
  const go = (step: 1 | -1) => {
    const id = neighbour(request.id, step);
    if (id) navigate(`/demandes/${id}`);
  };
  useShortcuts({
    r: () => focusReply('public'),
    n: () => (request.allowedActions.includes('request.note') ? focusReply('internal') : false),
    a: () => (request.allowedActions.includes('request.update') ? onAssign() : false),
    j: () => go(1),
    k: () => go(-1),
    '?': () => onHelp(),
  });
}
