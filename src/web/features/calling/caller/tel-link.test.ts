import { describe, expect, it } from 'vitest';
import { newCallId, telHref } from './tel-link.ts';

describe('telHref', () => {
  it('dials the number as stored', () => {
    expect(telHref('+33639981234', false)).toBe('tel:+33639981234');
  });

  it('hides the caller’s number with #31#, written %23 in the link', () => {
    expect(telHref('+33639981234', true)).toBe('tel:%2331%23+33639981234');
    expect(decodeURIComponent(telHref('+33639981234', true))).toBe('tel:#31#+33639981234');
  });

  it('keeps only digits and the plus sign', () => {
    expect(telHref('+33 6 39 98-12.34', false)).toBe('tel:+33639981234');
  });
});

describe('newCallId', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a version 4 UUID, a new one each time', () => {
    const first = newCallId();
    expect(first).toMatch(uuid);
    expect(newCallId()).not.toBe(first);
  });

  it('is made from random bytes where randomUUID is missing (a page not served over HTTPS)', () => {
    const source = {
      getRandomValues: (array: Uint8Array) => globalThis.crypto.getRandomValues(array),
    } as unknown as Crypto;
    expect(newCallId(source)).toMatch(uuid);
  });
});
