import { describe, expect, it } from 'vitest';
import { forEachRange } from './ranges.ts';

describe('forEachRange', () => {
  const ranges = async (engine: 'pglite' | 'postgres', last: number, ms = 0) => {
    const seen: [number, number][] = [];
    await forEachRange(engine, last, async (after, upTo) => {
      seen.push([after, upTo]);
      if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
    });
    return seen;
  };

  it('covers every line once, in order, without gaps, on PGlite', async () => {
    const seen = await ranges('pglite', 123_457);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[0][0]).toBe(0);
    expect(seen.at(-1)![1]).toBe(123_457);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBe(seen[i - 1][1]);
    for (const [after, upTo] of seen) expect(upTo).toBeGreaterThan(after);
  });

  it('makes ranges smaller when they take longer than the target', async () => {
    const seen = await ranges('pglite', 5_000, 40);
    const spans = seen.map(([after, upTo]) => upTo - after);
    expect(spans[0]).toBe(2_000);
    expect(spans[1]).toBeLessThan(spans[0]);
  });

  it('runs once for the whole file on PostgreSQL, and not at all for an empty one', async () => {
    expect(await ranges('postgres', 123_457)).toEqual([[0, 123_457]]);
    expect(await ranges('postgres', 0)).toEqual([]);
    expect(await ranges('pglite', 0)).toEqual([]);
  });
});
