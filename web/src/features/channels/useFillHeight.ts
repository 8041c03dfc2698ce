import { useLayoutEffect, useRef, useState } from 'react';

const BOTTOM = 20;
const MIN = 448;

/**
 * Height that takes the element down to the bottom of the window, whatever shows above it (the urgent
 * banner comes and goes): the message pane keeps its composer on screen.
 */
export function useFillHeight<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(MIN, Math.floor(window.innerHeight - top - BOTTOM)));
    };
    update();
    const observer = new ResizeObserver(update);
    if (el.parentElement) observer.observe(el.parentElement);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, []);
  return { ref, height };
}
