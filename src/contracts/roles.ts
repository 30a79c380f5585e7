import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'staff', 'finance', 'moderator']);
export type Role = z.infer<typeof roleSchema>;
export const roles: readonly Role[] = roleSchema.options;

/**
 * Permissions are what routes check. Roles grant a set of them; an account may also hold
 * extra grants (e.g. `people.export` for one staff member) so later features can add
 * scoped rights without new roles.
 */
export const permissionSchema = z.enum([
  'people.read',
  'people.write',
  'people.import',
  'people.export',
  /** Carry out access and erasure requests received by post or email. */
  'privacy.manage',
  /** Edit or delete any staff note on a person (authors edit their own with people.write). */
  'notes.manage',
  /** Review likely duplicates, merge two people or mark them as different. */
  'people.merge',
  /** Define the campaign's custom fields on people (values are written with people.write). */
  'people.fields',
  'segments.write',
  'stats.read',
  'settings.write',
  /** Open kiosk links: a device signing people up past the per-address limit for a day. */
  'signup.kiosk',
  'roles.manage',
  'audit.read',
  'mail.catcher.read',
  /** Configure the elections and rounds that bring the pre-election silence. */
  'compliance.manage',
  /** Every committee: its members, its page, its gates (organisers act in their own). */
  'committees.manage',
  /** Create campaign-wide events and act on any committee's events. */
  'events.manage',
  /** Decide on reports: unpublish, close, ban; lift sanctions; set the repeat-offender rules. */
  'moderation.act',
  /** See every donation and donor, record cheques and cash, refunds, receipts, finance exports. */
  'donations.manage',
  /** Door-to-door: results and address imports, targeting, turfs, questionnaires, answers. */
  'field.manage',
  /** Phone: voice broadcasts (recordings, caller IDs, lists, launches and approvals). */
  'calling.manage',
  /** Newsletters and texts to segments: write, test, schedule, send, follow. */
  'messaging.send',
  /** Articles, talking points and rebuttals: write, publish, schedule; the share leaderboard. */
  'content.publish',
  /** API tokens and outgoing webhooks (each webhook event also needs the permission to read it). */
  'integrations.manage',
]);
export type Permission = z.infer<typeof permissionSchema>;

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissionSchema.options,
  staff: [
    'people.read',
    'people.write',
    'people.import',
    'people.merge',
    'people.fields',
    'segments.write',
    'stats.read',
    'settings.write',
    'signup.kiosk',
    'compliance.manage',
    'committees.manage',
    'events.manage',
    'field.manage',
    'calling.manage',
    'messaging.send',
    'content.publish',
  ],
  finance: ['people.read', 'stats.read', 'donations.manage'],
  moderator: ['moderation.act'],
};

export function permissionsOf(
  accountRoles: readonly string[],
  grants: readonly string[] = [],
): Permission[] {
  const set = new Set<Permission>();
  for (const role of accountRoles) {
    for (const p of rolePermissions[role as Role] ?? []) set.add(p);
  }
  for (const g of grants) if (isPermission(g)) set.add(g);
  return [...set].sort();
}

export function isPermission(value: string): value is Permission {
  return (permissionSchema.options as readonly string[]).includes(value);
}
