import { useLayoutEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * A new page starts at its top: the browser keeps the scroll position across client-side
 * navigations, so a long page left mid-way (e.g. /me after deleting the account) would open
 * the next one scrolled past its notice. Back and forward keep that behaviour too, which is
 * fine for this app's short pages.
 */
export function ScrollToTop() {
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}
