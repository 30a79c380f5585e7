import type { APIRequestContext, Page } from '@playwright/test';
import { csrfHeaders, expect } from './fixtures.ts';

/** The content of a page's meta element (`property` for Open Graph, `name` for the rest). */
export async function metaContent(page: Page, key: string): Promise<string | null> {
  const byProperty = page.locator(`meta[property="${key}"]`);
  if ((await byProperty.count()) > 0) return byProperty.getAttribute('content');
  return page.locator(`meta[name="${key}"]`).getAttribute('content');
}

/** The supporter's share counts as their space says them. */
export async function expectMyShares(page: Page, signups: number) {
  await page.goto('/me');
  const section = page.getByRole('region', { name: 'Mes partages' });
  await expect(section).toContainText(new RegExp(`\\b${signups} inscriptions?\\b`));
}

/** Staff publish an article now through the API (`api`: an HQ page's request context). */
export async function publishArticle(api: APIRequestContext, slug: string, title: string) {
  const created = await api.post('/api/content', {
    headers: await csrfHeaders(api),
    data: { kind: 'article', slug, title, summary: '', body: 'Le texte.', tags: [] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const published = await api.post(`/api/content/${id}/publish`, {
    headers: await csrfHeaders(api),
    data: { at: null },
  });
  expect(published.status(), await published.text()).toBe(200);
  return id;
}
