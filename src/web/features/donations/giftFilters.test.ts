import { describe, expect, it } from 'vitest';
import { filtersFromSearch, filtersToSearch, giftQuery, PAGE_SIZE } from './giftFilters.ts';

describe('the gifts list filters', () => {
  it('read the address and drop values the API would refuse', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('q=dupont&status=succeeded&means=bitcoin&from=2026-01-01&to=hier'),
    );
    expect(filters).toEqual({
      q: 'dupont',
      status: 'succeeded',
      means: '',
      from: '2026-01-01',
      to: '',
    });
  });

  it('make the query of a page with only the filters that are set', () => {
    const filters = filtersFromSearch(new URLSearchParams('q=%20&means=cheque'));
    expect(giftQuery(filters, 3)).toEqual({
      limit: PAGE_SIZE,
      offset: 2 * PAGE_SIZE,
      means: 'cheque',
    });
  });

  it('round-trip through the address', () => {
    const filters = { q: 'x', status: 'refunded', means: 'cash', from: '', to: '2026-02-01' };
    const search = filtersToSearch(filters, 2);
    expect(search.toString()).toBe('q=x&status=refunded&means=cash&to=2026-02-01&page=2');
    expect(filtersFromSearch(search)).toEqual(filters);
  });
});
