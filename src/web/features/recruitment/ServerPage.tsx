import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { PageLoader } from '../../core/ui/PageLoader.tsx';

/** Messages a page of this app leaves for the home page (after deleting the account…). */
const NOTICES = new Set(['deleted', 'loggedOutEverywhere']);

function noticeOf(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'notice' in state) {
    const notice = (state as { notice: unknown }).notice;
    if (typeof notice === 'string' && NOTICES.has(notice)) return notice;
  }
  return null;
}

/**
 * A public page (home, confirmation, embeddable form) reached by a link inside this app: the
 * server draws those pages (features/recruitment/pages on the server), so the browser loads
 * it for real. A notice in the router's state travels as `?notice=`.
 */
export function ServerPage() {
  const location = useLocation();
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const notice = noticeOf(location.state);
    if (notice) params.set('notice', notice);
    const query = params.toString();
    window.location.replace(`${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }, [location]);
  return <PageLoader />;
}
