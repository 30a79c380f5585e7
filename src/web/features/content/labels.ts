import type { ContentItem } from '../../../contracts/content.ts';

/** Where an item is: a draft, published from a moment to come, or on the site. */
export const stateOf = (item: Pick<ContentItem, 'status' | 'live'>) =>
  item.status === 'draft' ? 'draft' : item.live ? 'live' : 'scheduled';

export const stateColors = { draft: 'gray', scheduled: 'blue', live: 'green' } as const;
