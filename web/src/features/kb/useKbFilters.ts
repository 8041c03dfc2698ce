import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

export type KbParamName = 'q' | 'spaceId' | 'type' | 'status' | 'reviewDue' | 'page';

/**
 * List filters kept in the address bar, so coming back from an article (or sharing the link) shows the
 * same search; the search box is debounced before it reaches the address (and the server).
 */
export function useKbFilters() {
  const [params, setParams] = useSearchParams();
  const get = (name: KbParamName) => params.get(name) ?? '';
  const set = (patch: Partial<Record<KbParamName, string>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const [text, setText] = useState(get('q'));
  const [debounced] = useDebouncedValue(text.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text writes the address
  useEffect(() => {
    if (debounced !== get('q')) set({ q: debounced, page: '' });
  }, [debounced]);
  return { get, set, text, setText };
}
