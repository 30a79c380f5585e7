import { isPermission, type Role } from '../../../contracts/roles.ts';
import type { AppContext } from '../../core/context.ts';
import { audit } from '../../core/audit.ts';
import { recruitCode } from '../../core/crypto.ts';
import { badRequest, invalidFields, notFound } from '../../core/http/errors.ts';
import { buildSearchText, normalizeEmail } from '../people/normalize.ts';

export async function listStaffAccounts(ctx: AppContext) {
  const rows = await ctx.database.query<{
    person_id: number;
    email: string | null;
    first_name: string | null;
    last_name: string | null;
    roles: Role[];
    grants: string[];
    last_login_at: Date | null;
  }>(
    `SELECT a.person_id, p.email, p.first_name, p.last_name, a.roles, a.grants, a.last_login_at
       FROM accounts a JOIN people p ON p.campaign_id = a.campaign_id AND p.id = a.person_id
      WHERE a.campaign_id = $1 AND (cardinality(a.roles) > 0 OR cardinality(a.grants) > 0)
      ORDER BY p.last_name, p.first_name`,
    [ctx.campaignId],
  );
  return rows.map((r) => ({
    personId: Number(r.person_id),
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    roles: r.roles,
    grants: r.grants.filter(isPermission),
    lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
  }));
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
      'SELECT roles FROM accounts WHERE campaign_id = $1 AND person_id = $2',
      [ctx.campaignId, personId],
    );
    if (current[0]?.roles.includes('admin')) {
      throw badRequest(
        'cannot_demote_self',
        'You cannot remove your own administrator role; ask another administrator.',
      );
    }
  }
  const rows = await ctx.database.query(
    `INSERT INTO accounts (campaign_id, person_id, roles, grants)
     SELECT campaign_id, id, $2, $3 FROM people WHERE campaign_id = $4 AND id = $1 AND erased_at IS NULL
     ON CONFLICT (campaign_id, person_id) DO UPDATE SET roles = EXCLUDED.roles, grants = EXCLUDED.grants
     RETURNING person_id`,
    [personId, [...new Set(roles)], [...new Set(grants)], ctx.campaignId],
  );
  if (!rows[0]) throw notFound('person');
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'account.roles',
    target: `person:${personId}`,
    details: { roles, grants },
    ip,
  });
}

/** Finds or creates the person for an email (confirmed: staff vouch for it) and returns the id. */
export async function personForEmail(ctx: AppContext, email: string): Promise<number> {
  const normalized = normalizeEmail(email);
  if (!normalized)
    throw invalidFields([
      { field: 'email', code: 'invalid_email', message: 'Enter a valid email address.' },
    ]);
  const rows = await ctx.database.query<{ id: number }>(
    `INSERT INTO people (campaign_id, email, email_normalized, source, recruit_code, confirmed_at, search_text)
     VALUES ($5, $1, $2, 'staff', $3, now(), $4)
     ON CONFLICT (campaign_id, email_normalized) DO UPDATE SET updated_at = people.updated_at RETURNING id`,
    [
      email.trim(),
      normalized,
      recruitCode(),
      buildSearchText({ email: normalized }),
      ctx.campaignId,
    ],
  );
  return Number(rows[0].id);
}
