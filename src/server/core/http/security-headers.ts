import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Security headers from helmet, computed once at start-up: the middleware re-parses its
 * whole CSP on every request, which showed up at the top of the sign-up profile. `mapOrigins`
 * are where a configured basemap comes from: MapLibre fetches its style, tiles and glyphs
 * (connect) and decodes sprites and raster tiles as images. Its worker is a module script of
 * our own origin (`worker-src 'self'`): MapLibre 6 turns to a blob: only for a worker on
 * another origin, which Levier never serves.
 */
export function securityHeaders(
  production: boolean,
  frameAncestors: string[] = ["'self'"],
  mapOrigins: readonly string[] = [],
): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...mapOrigins],
        connectSrc: ["'self'", ...mapOrigins],
        workerSrc: ["'self'"],
        frameAncestors,
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: production,
    xFrameOptions: frameAncestors.includes('*') ? false : { action: 'sameorigin' },
  })({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}
