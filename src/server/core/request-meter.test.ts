import { describe, expect, it } from 'vitest';
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
