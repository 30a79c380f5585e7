import { idParamSchema, okSchema } from './common.ts';
import { kioskCreateSchema, kioskLinkSchema, kioskLinksSchema } from './kiosk.ts';
import { defineRoute } from './route.ts';

const tags = ['accounts'] as const;
const access = { permission: 'signup.kiosk' } as const;

/** Kiosk links: a device signs many people up in a row for a day. */
export const kiosksApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/kiosks',
    summary: 'Kiosk links of the last week, newest first',
    tags,
    access,
    response: { 200: kioskLinksSchema },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/kiosks',
    summary: 'Make a kiosk link (a day without the per-address sign-up limit on a device)',
    tags,
    access,
    body: kioskCreateSchema,
    response: { 200: kioskLinkSchema },
  }),
  revoke: defineRoute({
    method: 'POST',
    path: '/api/kiosks/:id/revoke',
    summary: 'Revoke a kiosk link: every device opened with it is limited again',
    tags,
    access,
    params: idParamSchema,
    response: { 200: okSchema },
  }),
};
