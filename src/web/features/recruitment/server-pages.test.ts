import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { serverPagePaths } from './server-pages.ts';

const routes = serverPagePaths.map((path) => ({ path }));
const drawnByServer = (pathname: string) => matchRoutes(routes, pathname) !== null;

describe('serverPagePaths', () => {
  it('hands the articles and their comments to the server (where a login comes back to)', () => {
    for (const pathname of [
      '/articles',
      '/articles/la-gare-rouvre',
      '/articles/la-gare-rouvre/comments',
      '/articles/feed.xml',
    ]) {
      expect(drawnByServer(pathname), pathname).toBe(true);
    }
  });

  it('hands the other public pages to the server', () => {
    for (const pathname of ['/committees', '/committees/12', '/events/3', '/report', '/confirm']) {
      expect(drawnByServer(pathname), pathname).toBe(true);
    }
  });

  it('keeps the app’s own pages', () => {
    for (const pathname of ['/me', '/login', '/hq/content', '/hq/content/12', '/me/events']) {
      expect(drawnByServer(pathname), pathname).toBe(false);
    }
  });
});
