import { z } from 'zod';
import type { Permission } from './roles.ts';

/**
 * A person's rank inside a scope (a committee, later a turf or a phone bank), lowest first.
 * A route asking for `member` admits members, managers and organisers.
 */
export const rankSchema = z.enum(['follower', 'member', 'manager', 'organiser']);
export type Rank = z.infer<typeof rankSchema>;
export const ranks: readonly Rank[] = rankSchema.options;

export const rankAtLeast = (held: Rank, required: Rank) =>
  ranks.indexOf(held) >= ranks.indexOf(required);

/**
 * Who may call a route or open a page, declared next to it; the server checks it before
 * the handler runs and the web app reads the same shape for its pages.
 * - `public`: anyone (`session: 'optional'` loads the caller's session when there is one);
 * - `authenticated`: any logged-in person, supporters included;
 * - `permission`: a national permission, from a role or a grant;
 * - `scope`: a rank at least `rank` in the scope named by the request (the committee in the
 *   path…), resolved by the feature that registered the scope kind; `orPermission` lets
 *   national staff act in every scope of that kind.
 */
export type Access =
  | { public: true; session?: 'optional' }
  | { authenticated: true }
  | { permission: Permission }
  | { scope: string; rank: Rank; orPermission?: Permission };

/** Whether a logged-in person holding these permissions passes a national declaration. */
export function nationalAccessAllows(access: Access, permissions: readonly Permission[]) {
  if ('public' in access || 'authenticated' in access) return true;
  if ('permission' in access) return permissions.includes(access.permission);
  return access.orPermission !== undefined && permissions.includes(access.orPermission);
}
