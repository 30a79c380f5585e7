import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, signupBody, type TestApp } from '../../testing/harness.ts';
import { rateLimitKey, trustProxySetting } from './client-address.ts';

describe('client address', () => {
  it('counts an IPv6 client by its /64, an IPv4 one by its address', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('2001:db8:0:0:1:2:3:4')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('2001:db8::ffff')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('2001:0db8:0000:0001::1')).toBe('2001:db8:0:1::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
  });

  it('reads TRUST_PROXY as no proxy, a number of hops, or proxy addresses', () => {
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('10.0.0.1, 10.0.0.0/8')).toEqual(['10.0.0.1', '10.0.0.0/8']);
    for (const [value, hops] of [
      ['true', 1],
      ['2', 2],
    ] as const) {
      const trusted = trustProxySetting(value) as (address: string, hop: number) => boolean;
      expect([0, 1, 2].map((hop) => trusted('10.0.0.1', hop))).toEqual(
        [0, 1, 2].map((hop) => hop < hops),
      );
    }
  });
});

describe('behind a reverse proxy (TRUST_PROXY=true)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { TRUST_PROXY: 'true', SIGNUP_RATE_LIMIT: '2' });
  });
  afterAll(async () => {
    await t?.close();
  });
  let n = 0;
  /** A sign-up relayed by the proxy (127.0.0.1) with this X-Forwarded-For header. */
  const signUpVia = (forwardedFor: string) =>
    new Browser(t.app).request(
      'POST',
      '/api/signup',
      signupBody({ email: `proxied.${++n}@example.org` }),
      { 'x-forwarded-for': forwardedFor },
    );

  it('counts a client by the address the proxy saw, not by what it wrote itself', async () => {
    const codes = [];
    for (const spoof of ['1.1.1.1', '2.2.2.2', '3.3.3.3'])
      codes.push((await signUpVia(`${spoof}, 198.51.100.7`)).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    expect((await signUpVia('198.51.100.8')).statusCode).toBe(200);
  });

  it('counts IPv6 clients of one /64 together', async () => {
    expect((await signUpVia('2001:db8:0:5::1')).statusCode).toBe(200);
    expect((await signUpVia('2001:db8:0:5::2')).statusCode).toBe(200);
    expect((await signUpVia('2001:db8:0:5:ffff::3')).statusCode).toBe(429);
    expect((await signUpVia('2001:db8:0:6::1')).statusCode).toBe(200);
  });
});
