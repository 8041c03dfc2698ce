import { useCombobox } from '@mantine/core';
import { type RefObject, useEffect, useState } from 'react';
import { useMentionable } from '../../api/channels.ts';

const TOKEN = /(?:^|\s)@([\p{L}\p{N}._-]{0,40})$/u;

/** The `@word` being typed just before the caret, or null. */
function tokenAt(text: string, caret: number): { start: number; q: string } | null {
  const match = TOKEN.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1].length - 1, q: match[1] };
}

/**
 * `@` autocomplete of the composer: follows the caret, asks `GET /mentionable?q=`, and replaces the typed
 * `@word` by `@handle ` when a suggestion is picked (arrows + Entrée, or a click).
 */
export function useMention(
  channelId: string,
  area: RefObject<HTMLTextAreaElement | null>,
  body: string,
  setBody: (v: string) => void,
) {
  const combobox = useCombobox();
  const [token, setToken] = useState<{ start: number; q: string } | null>(null);
  const found = useMentionable(channelId, token?.q ?? null);
  const items = token ? (found.data?.items ?? []) : [];
  const follow = () => {
    const el = area.current;
    setToken(el ? tokenAt(el.value, el.selectionStart ?? el.value.length) : null);
  };
  const open = token !== null && items.length > 0;
  const opened = combobox.dropdownOpened;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the store changes identity on every render
  useEffect(() => {
    if (open) combobox.openDropdown();
    else combobox.closeDropdown();
  }, [open]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: select the first suggestion once they are rendered
  useEffect(() => {
    if (opened) requestAnimationFrame(() => combobox.selectFirstOption());
  }, [opened, found.data]);
  const pick = (handle: string) => {
    const el = area.current;
    if (!token || !el) return;
    const caret = el.selectionStart ?? body.length;
    const insert = `@${handle} `;
    setBody(body.slice(0, token.start) + insert + body.slice(caret));
    setToken(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(token.start + insert.length, token.start + insert.length);
    });
  };
  return { combobox, items, open, follow, pick, close: () => setToken(null) };
}
