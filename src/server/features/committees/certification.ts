import { sql } from 'drizzle-orm';
import {
  defaultCertificationCriteria,
  type Certification,
  type CertificationCriteria,
} from '../../../contracts/committees.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { notFound } from '../../core/http/errors.ts';
import { publicEventsSince } from '../events/service.ts';
import { readSetting, writeSetting } from '../settings/service.ts';

const KEY = 'certification_criteria';

export async function certificationCriteria(ctx: AppContext): Promise<CertificationCriteria> {
  const stored = await readSetting<Partial<CertificationCriteria>>(
    ctx.database,
    ctx.campaignId,
    KEY,
  );
  return { ...defaultCertificationCriteria, ...stored };
}

export async function setCertificationCriteria(
  ctx: AppContext,
  criteria: CertificationCriteria,
  actorId: number,
) {
  await writeSetting(ctx.database, ctx.campaignId, KEY, criteria);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'committees.criteria.update',
    details: criteria,
  });
  return criteria;
}

/** The badge and the checklist computed now: age, members, recent public events, organisers. */
export async function certificationOf(
  ctx: AppContext,
  committeeId: number,
): Promise<Certification> {
  const criteria = await certificationCriteria(ctx);
  const [row] = await runSql<{
    age_days: number;
    members: number;
    organisers: number;
    certified_at: Date | string | null;
  }>(
    ctx.database,
    sql`SELECT floor(extract(epoch FROM now() - c.created_at) / 86400)::int AS age_days, c.member_count AS members,
               (SELECT count(*)::int FROM committee_members m
                 WHERE m.campaign_id = c.campaign_id AND m.committee_id = c.id AND m.rank = 'organiser') AS organisers,
               c.certified_at
          FROM committees c WHERE c.campaign_id = ${ctx.campaignId} AND c.id = ${committeeId}`,
  );
  if (!row) throw notFound('committee');
  const since = new Date(Date.now() - criteria.recentDays * 86_400_000);
  const events = await publicEventsSince(ctx, committeeId, since);
  const item = (
    criterion: Certification['checklist'][number]['criterion'],
    required: number,
    actual: number,
  ) => ({ criterion, required, actual, met: actual >= required });
  return {
    certified: row.certified_at !== null,
    certifiedAt: row.certified_at === null ? null : new Date(row.certified_at).toISOString(),
    recentDays: criteria.recentDays,
    checklist: [
      item('ageDays', criteria.minAgeDays, row.age_days),
      item('members', criteria.minMembers, row.members),
      item('recentPublicEvents', criteria.minRecentPublicEvents, events),
      item('organisers', criteria.minOrganisers, row.organisers),
    ],
  };
}

/** Staff grant or withdraw the badge; the checklist as it stood is kept in the audit log. */
export async function certify(
  ctx: AppContext,
  committeeId: number,
  certified: boolean,
  actorId: number,
) {
  const before = await certificationOf(ctx, committeeId);
  await runSql(
    ctx.database,
    sql`UPDATE committees SET certified_at = ${certified ? sql`COALESCE(certified_at, now())` : null}, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${committeeId}`,
  );
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: certified ? 'committees.certify' : 'committees.uncertify',
    target: `committee:${committeeId}`,
    details: { checklist: before.checklist },
  });
  return certificationOf(ctx, committeeId);
}
