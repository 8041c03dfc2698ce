import { useEffect, useState } from 'react';

const key = (id: string) => `relais.draft.${id}`;

/** The reply being typed, kept per request for the session: a refetch, a live update or a detour never loses it. */
export function useDraft(requestId: string): [string, (text: string) => void] {
  const [text, setText] = useState(() => {
    try {
      return sessionStorage.getItem(key(requestId)) ?? '';
    } catch {
      return '';
    }
  });
  useEffect(() => {
    try {
      if (text) sessionStorage.setItem(key(requestId), text);
      else sessionStorage.removeItem(key(requestId));
    } catch {
      // storage unavailable: the draft lives as long as the page
    }
  }, [requestId, text]);
  return [text, setText];
}
