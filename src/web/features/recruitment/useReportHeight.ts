import { useEffect, type RefObject } from 'react';

/**
 * Tells the page that frames this one how tall the content is, so /embed.js can size the
 * iframe to fit (the form grows with validation errors and on narrow screens). The height is
 * no secret, hence any target origin; the script checks the sender on its side.
 */
export function useReportHeight(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = ref.current;
    if (!element || window.parent === window) return;
    const report = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      window.parent.postMessage({ levierEmbedHeight: height }, '*');
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
}
