import { describe, expect, it } from 'vitest';
import { projectToLocalPlane } from './projection.ts';
import { syntheticTown } from './synthetic-town.ts';

describe('syntheticTown', () => {
  it('has exactly the count asked for, the same for the same seed', () => {
    const town = syntheticTown(4000, 5);
    expect(town).toHaveLength(4000);
    expect(new Set(town.map((a) => a.id)).size).toBe(4000);
    expect(syntheticTown(4000, 5)).toEqual(town);
    expect(syntheticTown(4000, 6)).not.toEqual(town);
  });

  it('has grid streets, avenues, winding streets, impasses and hamlets, some bis and no number', () => {
    const town = syntheticTown(6000, 1);
    const kinds = new Set(town.map((a) => a.streetKey.split('-')[0]));
    expect([...kinds].sort()).toEqual(['avenue', 'grid', 'hamlet', 'impasse', 'road', 'winding']);
    expect(town.some((a) => a.suffix === 'bis')).toBe(true);
    expect(town.some((a) => a.number === 0)).toBe(true);
  });

  it('puts odd and even numbers on opposite sides of a street', () => {
    const town = syntheticTown(3000, 2);
    const { x, y } = projectToLocalPlane(town);
    const counts = new Map<string, number>();
    for (const a of town) counts.set(a.streetKey, (counts.get(a.streetKey) ?? 0) + 1);
    const [key] = [...counts].filter(([k]) => k.startsWith('grid')).sort((a, b) => b[1] - a[1])[0];
    const street = town
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => a.streetKey === key && a.number > 0);
    // Each odd door's nearest door is on its own side, the nearest even door further.
    const side = (parity: number) => street.filter(({ a }) => a.number % 2 === parity);
    const nearest = (i: number, list: typeof street) =>
      Math.min(
        ...list.filter((o) => o.i !== i).map((o) => Math.hypot(x[o.i] - x[i], y[o.i] - y[i])),
      );
    const odd = side(1);
    const even = side(0);
    expect(odd.length).toBeGreaterThan(2);
    expect(even.length).toBeGreaterThan(2);
    const across = odd.map(({ i }) => nearest(i, even));
    expect(Math.min(...across)).toBeGreaterThanOrEqual(8);
  });

  it('shares a road key between two far-apart hamlets', () => {
    const town = syntheticTown(5000, 1);
    const { x, y } = projectToLocalPlane(town);
    const road = town.map((a, i) => ({ a, i })).filter(({ a }) => a.streetKey === 'road-0');
    const spread = Math.max(
      ...road.map(({ i }) => Math.hypot(x[i] - x[road[0].i], y[i] - y[road[0].i])),
    );
    expect(spread).toBeGreaterThan(1000);
  });
});
