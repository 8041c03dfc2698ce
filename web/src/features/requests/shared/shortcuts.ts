import { useEffect, useRef } from 'react';

/** Inputs that take no text: a shortcut pressed while one has the focus still works. */
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color']);

/** Is the user typing (inputs, text areas, selects, editable content)? Shortcuts stay silent then. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts (`j`, `k`, `r`, `?`…) on the page, ignored while typing, with a modifier
 * (Ctrl, Alt, Cmd) or while a dialog is open. The handler returns false to let the key through.
 */
export function useShortcuts(handlers: Record<string, (event: KeyboardEvent) => unknown>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typing(event.target) || document.querySelector('[role="dialog"]')) return;
      const handler = ref.current[event.key];
      if (handler && handler(event) !== false) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
