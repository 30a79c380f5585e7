import { describe, expect, it } from 'vitest';
import { importShare } from '../features/people/import/apply.ts';
import { RequestMeter } from './request-meter.ts';

describe('RequestMeter', () => {
  it('counts the requests of the last whole second, or of this one when more', () => {
    const meter = new RequestMeter();
    for (let i = 0; i < 7; i++) meter.hit(10_000 + i * 100);
    expect(meter.perSecond(10_900)).toBe(7);
    meter.hit(11_050);
    expect(meter.perSecond(11_100)).toBe(7);
    expect(meter.perSecond(12_000)).toBe(1);
  });

  it('forgets a second that is not the last one', () => {
    const meter = new RequestMeter();
    for (let i = 0; i < 20; i++) meter.hit(5_000);
    expect(meter.perSecond(7_500)).toBe(0);
  });
});

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
