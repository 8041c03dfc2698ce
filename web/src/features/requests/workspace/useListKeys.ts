import { type RefObject, useState } from 'react';
import { useNavigate } from 'react-router';
import type { RequestItem } from '../../../api/types.ts';
import { useShortcuts } from '../shared/shortcuts.ts';

interface Options {
  items: RequestItem[];
  searchRef: RefObject<HTMLInputElement | null>;
  onHelp: () => void;
  onToggle: (id: string) => void;
  focusId: (id: string) => string;
}

const isControl = (target: EventTarget | null) => target instanceof HTMLElement && !!target.closest('a, button, [role="button"]');

/** j/k move the selection (focus on the title link), Enter opens, x ticks, / searches, ? helps. */
export function useListKeys({ items, searchRef, onHelp, onToggle, focusId }: Options) {
  const navigate = useNavigate();
  const [index, setIndex] = useState(-1);
  const move = (step: 1 | -1) => {
    if (items.length === 0) return;
    const next = Math.max(0, Math.min(items.length - 1, index < 0 ? 0 : index + step));
    setIndex(next);
    const link = document.getElementById(focusId(items[next].id));
    link?.focus();
    link?.closest('[data-request-row]')?.scrollIntoView({ block: 'nearest' });
  };
  const open = (event: KeyboardEvent) => {
    if (isControl(event.target) || !items[index]) return false;
    navigate(`/demandes/${items[index].id}`);
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    Enter: open,
    x: () => {
      if (items[index]) onToggle(items[index].id);
    },
    '/': () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    '?': () => onHelp(),
  });
  return { index: index >= items.length ? -1 : index, setIndex };
}
