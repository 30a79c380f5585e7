import { describe, expect, it } from 'vitest';
import { E164Set } from './e164-set.ts';

describe('E164Set', () => {
  it('adds a number once, and knows it afterwards', () => {
    const set = new E164Set();
    expect(set.add('+33612345678')).toBe(true);
    expect(set.add('+33612345678')).toBe(false);
    expect(set.has('+33612345678')).toBe(true);
    expect(set.has('+33612345679')).toBe(false);
    // Same digits after the "+", different numbers: kept apart.
    expect(set.add('+262692123456')).toBe(true);
    expect(set.add('+590692123456')).toBe(true);
    expect(set.size).toBe(3);
  });

  it('holds the longest E.164 numbers exactly', () => {
    const set = new E164Set();
    expect(set.add('+999999999999999')).toBe(true);
    expect(set.add('+999999999999998')).toBe(true);
    expect(set.add('+999999999999999')).toBe(false);
    expect(set.size).toBe(2);
  });

  it('refuses what is not a number in E.164', () => {
    const set = new E164Set();
    for (const bad of ['', '+', '0612345678', '+33 612345678', '+1234567890123456']) {
      expect(() => set.add(bad), bad).toThrow(/not an E.164 number/);
      expect(set.has(bad)).toBe(false);
    }
  });

  it('agrees with a Set of strings over 300,000 numbers, through its growth', () => {
    const set = new E164Set();
    const reference = new Set<string>();
    let disagreements = 0;
    let state = 42;
    for (let i = 0; i < 300_000; i++) {
      // A small LCG: numbers close together and far apart, with repeats.
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      const e164 = `+336${String(state % 2_000_000).padStart(8, '0')}`;
      if (set.add(e164) === reference.has(e164)) disagreements++;
      reference.add(e164);
    }
    expect(disagreements).toBe(0);
    expect(set.size).toBe(reference.size);
    expect(reference.size).toBeLessThan(300_000);
    for (const e164 of reference) if (!set.has(e164)) throw new Error(`lost ${e164}`);
  });
});
