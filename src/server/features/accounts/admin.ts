import { sql } from 'drizzle-orm';
import { isPermission, type Role } from '../../../contracts/roles.ts';
import type { AppContext } from '../../core/context.ts';
import { audit } from '../../core/audit.ts';
import { badRequest, notFound } from '../../core/http/errors.ts';
import { contactsOf } from '../people/directory.ts';

export { personForEmail } from '../people/directory.ts';

export async function listStaffAccounts(ctx: AppContext) {
  const rows = await ctx.database.query<{
    person_id: number;
    roles: Role[];
    grants: string[];
    last_login_at: Date | null;
  }>(
    sql`SELECT person_id, roles, grants, last_login_at FROM accounts
      WHERE campaign_id = ${ctx.campaignId} AND (cardinality(roles) > 0 OR cardinality(grants) > 0)`,
  );
  const people = await contactsOf(
    ctx,
    rows.map((r) => Number(r.person_id)),
  );
  const byName = new Intl.Collator('fr');
  return rows
    .map((r) => {
      const person = people.get(Number(r.person_id));
      return {
        personId: Number(r.person_id),
        email: person?.email ?? null,
        firstName: person?.firstName ?? null,
        lastName: person?.lastName ?? null,
        roles: r.roles,
        grants: r.grants.filter(isPermission),
        lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
      };
    })
    .sort(
      (a, b) =>
        byName.compare(a.lastName ?? '', b.lastName ?? '') ||
        byName.compare(a.firstName ?? '', b.firstName ?? ''),
    );
}

export async function setRoles(
  ctx: AppContext,
  personId: number,
  roles: Role[],
  grants: string[],
  actorId: number | null,
  ip?: string,
) {
  if (actorId === personId && !roles.includes('admin')) {
    const current = await ctx.database.query<{ roles: string[] }>(
      sql`SELECT roles FROM accounts WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`,
    );
    if (current[0]?.roles.includes('admin')) {
      throw badRequest(
        'cannot_demote_self',
        'You cannot remove your own administrator role; ask another administrator.',
      );
    }
  }
  const person = (await contactsOf(ctx, [personId])).get(personId);
  if (!person || person.erased) throw notFound('person');
  await ctx.database.query(
    sql`INSERT INTO accounts (campaign_id, person_id, roles, grants) VALUES (${ctx.campaignId}, ${personId}, ${[...new Set(roles)]}, ${[...new Set(grants)]})
     ON CONFLICT (campaign_id, person_id) DO UPDATE SET roles = EXCLUDED.roles, grants = EXCLUDED.grants`,
  );
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'account.roles',
    target: `person:${personId}`,
    details: { roles, grants },
    ip,
  });
}
