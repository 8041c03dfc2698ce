import { useCallback, useEffect, useRef } from 'react';
import { sendDeflection } from '../../api/portal.ts';
import { newIdempotencyKey } from '../../api/requests.ts';

/**
 * Self-help measurement of one visit of a request form (a session, its id made here): which suggested
 * articles were shown and opened, and how the visit ended — submitted, or abandoned (route change,
 * unmount, or `pagehide` with `keepalive` so the event survives a closed tab).
 */
export function useDeflection(serviceId: string, enabled = true) {
  const session = useRef(newIdempotencyKey());
  const shown = useRef(new Set<string>());
  const ended = useRef(!enabled);
  const mounted = useRef(true);

  const abandon = useCallback(
    (keepalive: boolean) => {
      if (ended.current) return;
      ended.current = true;
      void sendDeflection(session.current, { kind: 'abandoned', serviceId }, keepalive);
    },
    [serviceId],
  );

  useEffect(() => {
    mounted.current = true;
    const onHide = () => abandon(true);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      mounted.current = false;
      // A development re-mount (StrictMode) comes back at once: only a real departure counts.
      setTimeout(() => {
        if (!mounted.current) abandon(true);
      }, 0);
    };
  }, [abandon]);

  return {
    /** Suggestions now on screen (each article is reported once per visit). */
    shown: useCallback(
      (articleIds: string[]) => {
        const fresh = articleIds.filter((id) => !shown.current.has(id));
        if (!fresh.length || ended.current) return;
        for (const id of fresh) shown.current.add(id);
        void sendDeflection(session.current, { kind: 'suggestion_shown', articleIds: fresh, serviceId });
      },
      [serviceId],
    ),
    opened: useCallback(
      (articleId: string) => void sendDeflection(session.current, { kind: 'article_opened', articleId, serviceId }),
      [serviceId],
    ),
    /** The request was filed: the visit ends without counting as abandoned. */
    submitted: useCallback(
      (requestId: string) => {
        ended.current = true;
        if (!enabled) return Promise.resolve();
        return sendDeflection(session.current, { kind: 'submitted', requestId, serviceId });
      },
      [serviceId, enabled],
    ),
  };
}
