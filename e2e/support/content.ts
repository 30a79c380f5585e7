import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

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
