import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { securityHeaders } from './security-headers.ts';

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));

describe('the basemap in the Content-Security-Policy', () => {
  it('admits nothing but our origin without a configured style', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.mapOrigins).toEqual([]);
    const csp = securityHeaders(false, undefined, config.mapOrigins)['content-security-policy']!;
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: blob:");
    expect(directive(csp, 'worker-src')).toBe("worker-src 'self'");
  });

  it("admits the style's origin and the other origins named, for fetches and images", () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      MAP_STYLE_URL: 'https://tiles.example.org/styles/liberty.json',
      MAP_ORIGINS: 'https://fonts.example.net, https://tiles.example.org',
    });
    expect(config.mapOrigins).toEqual(['https://tiles.example.org', 'https://fonts.example.net']);
    const csp = securityHeaders(false, undefined, config.mapOrigins)['content-security-policy']!;
    expect(directive(csp, 'connect-src')).toBe(
      "connect-src 'self' https://tiles.example.org https://fonts.example.net",
    );
    expect(directive(csp, 'img-src')).toBe(
      "img-src 'self' data: blob: https://tiles.example.org https://fonts.example.net",
    );
    expect(directive(csp, 'worker-src')).toBe("worker-src 'self'");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
  });

  it('refuses a style that is not a web address, and an origin that is not one', () => {
    expect(() => loadConfig({ MAP_STYLE_URL: 'file:///etc/style.json' })).toThrow(/MAP_STYLE_URL/);
    expect(() =>
      loadConfig({
        MAP_STYLE_URL: 'https://tiles.example.org/style.json',
        MAP_ORIGINS: 'https://fonts.example.net/glyphs',
      }),
    ).toThrow(/MAP_ORIGINS: "https:\/\/fonts.example.net\/glyphs" is not an origin/);
  });
});
