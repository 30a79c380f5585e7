import { retentionOverviewSchema, retentionSettingsSchema } from './privacy-retention.ts';
import { defineRoute } from './route.ts';

const tags = ['privacy'] as const;
const manage = { permission: 'privacy.manage' } as const;

/** Retention of election prospects: its delay and the report of what was purged. */
export const privacyRetentionApi = {
  overview: defineRoute({
    method: 'GET',
    path: '/api/privacy/retention',
    summary:
      'The delay before election prospects are purged, who is kept, the elections due and the report of past purges',
    tags,
    access: manage,
    response: { 200: retentionOverviewSchema },
  }),
  settings: defineRoute({
    method: 'PUT',
    path: '/api/privacy/retention/settings',
    summary: 'Change the delay after the vote before prospects are purged (audited)',
    tags,
    access: manage,
    body: retentionSettingsSchema,
    response: { 200: retentionSettingsSchema },
  }),
};
