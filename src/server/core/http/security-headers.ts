import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Security headers from helmet, computed once at start-up: the middleware re-parses its
 * whole CSP on every request, which showed up at the top of the sign-up profile.
 */
export function securityHeaders(
  production: boolean,
  frameAncestors: string[] = ["'self'"],
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
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
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
