import {
  consentUpdateSchema,
  deleteAccountSchema,
  profileSchema,
  profileUpdateSchema,
} from './accounts.ts';
import { okSchema } from './common.ts';
import { personalDataFileSchema } from './personal-data.ts';
import { defineRoute } from './route.ts';

const tags = ['me'] as const;
const access = { authenticated: true } as const;

/** The supporter's own space: only ever the logged-in person's data. */
export const meApi = {
  profile: defineRoute({
    method: 'GET',
    path: '/api/me/profile',
    summary: "The logged-in supporter's profile and consents",
    tags,
    access,
    response: { 200: profileSchema },
  }),
  export: defineRoute({
    method: 'GET',
    path: '/api/me/export',
    summary: 'Download everything the campaign holds on the logged-in supporter (JSON)',
    tags,
    access,
    response: { 200: personalDataFileSchema },
  }),
  updateProfile: defineRoute({
    method: 'PUT',
    path: '/api/me/profile',
    summary: "Change the logged-in supporter's profile",
    tags,
    access,
    body: profileUpdateSchema,
    response: { 200: profileSchema },
  }),
  updateConsents: defineRoute({
    method: 'PUT',
    path: '/api/me/consents',
    summary: "Change the logged-in supporter's consents",
    tags,
    access,
    body: consentUpdateSchema,
    response: { 200: profileSchema },
  }),
  deleteAccount: defineRoute({
    method: 'POST',
    path: '/api/me/delete',
    summary: "Erase the logged-in supporter's account and data",
    tags,
    access,
    body: deleteAccountSchema,
    response: { 200: okSchema },
  }),
};
