import { describe, expect, it } from 'vitest';
import { RequestMeter } from '../../../core/request-meter.ts';
import { importShare } from './apply.ts';

describe("an import's share of the time", () => {
  it('is a third on PostgreSQL while the process serves people, whole when it does not', () => {
    const meter = new RequestMeter();
    const share = importShare('postgres', meter);
    expect(share()).toBe(1);
    for (let i = 0; i < 10; i++) meter.hit();
    expect(share()).toBeCloseTo(1 / 3);
  });

  it('is whole on PGlite, whose slices are short enough by themselves', () => {
    const meter = new RequestMeter();
    for (let i = 0; i < 10; i++) meter.hit();
    expect(importShare('pglite', meter)()).toBe(1);
  });
});
