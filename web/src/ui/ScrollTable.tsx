import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './shell.module.css';

/** True while the element's content is wider than its box. */
function useOverflowing() {
  const ref = useRef<HTMLElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    check();
    return () => observer.disconnect();
  }, []);
  return { ref, overflowing };
}

/**
 * Horizontal scroll around a wide table on small screens. When it does scroll, the region is
 * focusable and named so keyboard users can scroll it too (axe `scrollable-region-focusable`).
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  const { t } = useTranslation();
  const { ref, overflowing } = useOverflowing();
  return (
    <section
      ref={ref}
      className={classes.scroll}
      aria-label={overflowing ? t('common.scrollTable', { label }) : undefined}
      tabIndex={overflowing ? 0 : undefined}
    >
      <div style={{ minWidth }}>{children}</div>
    </section>
  );
}
