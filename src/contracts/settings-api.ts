import { homeContentSchema, publicSiteSchema } from './recruitment.ts';
import { defineRoute } from './route.ts';
import {
  consentWordingUpdateSchema,
  consentWordingVersionsSchema,
  legalUpdateSchema,
} from './settings.ts';

const tags = ['site'] as const;
const settingsWrite = { permission: 'settings.write' } as const;

/** The public site's texts: read by anyone, changed by staff with `settings.write`. */
export const settingsApi = {
  site: defineRoute({
    method: 'GET',
    path: '/api/site',
    summary: 'The public site: home texts, current consent wording, legal texts',
    tags,
    access: { public: true },
    response: { 200: publicSiteSchema },
  }),
  // Public like the form that shows them: a consent's history names its version's text.
  consentWordings: defineRoute({
    method: 'GET',
    path: '/api/site/consent-wordings',
    summary: 'Every version of the consent wording, old ones included',
    tags,
    access: { public: true },
    response: { 200: consentWordingVersionsSchema },
  }),
  saveHome: defineRoute({
    method: 'PUT',
    path: '/api/admin/site/home',
    summary: 'Change the home page texts',
    tags,
    access: settingsWrite,
    body: homeContentSchema,
    response: { 200: publicSiteSchema },
  }),
  saveLegal: defineRoute({
    method: 'PUT',
    path: '/api/admin/site/legal',
    summary: 'Change the legal notice, the privacy policy and the notice beside forms',
    tags,
    access: settingsWrite,
    body: legalUpdateSchema,
    response: { 200: publicSiteSchema },
  }),
  saveConsentWording: defineRoute({
    method: 'POST',
    path: '/api/admin/site/consent-wordings',
    summary: "Save a language's consent wording as a new version",
    tags,
    access: settingsWrite,
    body: consentWordingUpdateSchema,
    response: { 200: consentWordingVersionsSchema },
  }),
};
