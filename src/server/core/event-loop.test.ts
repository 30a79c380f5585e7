import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pacer } from './event-loop.ts';

describe('Pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const resting = (pacer: Pacer) => {
    const state = { done: false };
    void pacer.rest().then(() => (state.done = true));
    return state;
  };

  it('pauses as long as the step took at a share of one half', async () => {
    const pacer = new Pacer(0.5);
    vi.advanceTimersByTime(30);
    const rest = resting(pacer);
    await vi.advanceTimersByTimeAsync(29);
    expect(rest.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(rest.done).toBe(true);
  });

  it('counts each step from the end of the last pause', async () => {
    const pacer = new Pacer(0.25);
    vi.advanceTimersByTime(10);
    const first = resting(pacer);
    await vi.advanceTimersByTimeAsync(30);
    expect(first.done).toBe(true);
    vi.advanceTimersByTime(4);
    const second = resting(pacer);
    await vi.advanceTimersByTimeAsync(11);
    expect(second.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(second.done).toBe(true);
  });

  it('only yields a turn at a share of one', async () => {
    const pacer = new Pacer(1);
    vi.advanceTimersByTime(100);
    const rest = resting(pacer);
    await vi.advanceTimersByTimeAsync(0);
    expect(rest.done).toBe(true);
  });
});
