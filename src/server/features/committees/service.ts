import { sql } from 'drizzle-orm';
import type { Rank } from '../../../contracts/access.ts';
import type {
  Committee,
  CommitteeForEdit,
  CommitteeStatus,
  committeeInputSchema,
  committeeUpdateSchema,
} from '../../../contracts/committees.ts';
import type { z } from 'zod';
import type { AppContext } from '../../core/context.ts';
import type { Viewer } from '../../core/http/viewer.ts';
import { runSql, type Queryable } from '../../core/db/statement.ts';
import { AppError, conflict, notFound } from '../../core/http/errors.ts';
import { richTextToHtml, richTextToPlain } from '../../core/rich-text.ts';
import { assertMayPost } from '../moderation/sanctions.ts';
import { profilesOf } from '../people/directory.ts';
import { placeColumns } from '../../core/geo/place.ts';
import { putOnMap, takeOffMap } from './map.ts';
import { photoUrls } from './photo.ts';
import { committeeRules, forbiddenWordsIn } from './rules.ts';
import { summaryColumns, toSummary, type SummaryRow } from './rows.ts';

type CommitteeInput = z.output<typeof committeeInputSchema>;
type CommitteeUpdate = z.output<typeof committeeUpdateSchema>;

const emptyToNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** The columns written from a committee's form: its drawn HTML and its place. */
async function writtenColumns(ctx: AppContext, input: CommitteeInput) {
  return {
    descriptionHtml: richTextToHtml(input.description),
    ...(await placeColumns(ctx, input.place)),
  };
}

/**
 * Creates a committee, public at once, its creator its organiser. Instead of an approval the
 * campaign's gates apply: a confirmed address, at most so many committees led, so many
 * created a day (both counted under a lock on the person, so two tabs cannot pass together),
 * and a forbidden word holds it for a moderator.
 */
export async function createCommittee(
  ctx: AppContext,
  personId: number,
  input: CommitteeInput,
): Promise<number> {
  const rules = await committeeRules(ctx);
  await assertMayPost(ctx, personId);
  const person = (await profilesOf(ctx, [personId])).get(personId);
  if (!person || person.erased) throw notFound('person');
  if (rules.requireConfirmedEmail && !person.confirmed) {
    throw new AppError(
      403,
      'email_not_confirmed',
      'Confirm your email address (the link in our mail) before creating a committee.',
    );
  }
  const written = await writtenColumns(ctx, input);
  const held =
    forbiddenWordsIn([input.name, richTextToPlain(input.description)], rules.forbiddenWords)
      .length > 0;
  const status: CommitteeStatus = held ? 'held' : 'published';
  return ctx.database.transaction(async (query) => {
    await runSql(
      query,
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${`committees.create:${ctx.campaignId}:${personId}`}, 0))`,
    );
    const [counts] = await runSql<{ led: number; today: number }>(
      query,
      sql`SELECT (SELECT count(*)::int FROM committee_members m
                    JOIN committees c ON c.campaign_id = m.campaign_id AND c.id = m.committee_id
                   WHERE m.campaign_id = ${ctx.campaignId} AND m.person_id = ${personId}
                     AND m.rank = 'organiser' AND c.status <> 'closed') AS led,
                 (SELECT count(*)::int FROM committees
                   WHERE campaign_id = ${ctx.campaignId} AND created_by = ${personId}
                     AND created_at > now() - interval '1 day') AS today`,
    );
    if (counts!.led >= rules.maxLedPerPerson) {
      throw conflict(
        'too_many_led',
        `You already lead ${counts!.led} committees, the most one person may lead.`,
      );
    }
    if (counts!.today >= rules.createdPerDay) {
      throw new AppError(
        429,
        'too_many_created',
        `You created ${counts!.today} committees today, the most allowed: try again tomorrow.`,
      );
    }
    const [row] = await runSql<{ id: number }>(
      query,
      sql`INSERT INTO committees (campaign_id, name, description, description_html, status, lat, lng,
                                  location, precision, place_label, street, postal_code, commune_code,
                                  departement_code, contact_email, contact_phone, member_count, created_by)
          VALUES (${ctx.campaignId}, ${input.name}, ${input.description}, ${written.descriptionHtml},
                  ${status}, ${written.place.lat}, ${written.place.lng}, ${written.location},
                  ${written.place.precision}, ${written.place.label}, ${emptyToNull(input.place.street)},
                  ${emptyToNull(input.place.postalCode)}, ${written.place.communeCode},
                  ${written.departementCode}, ${emptyToNull(input.contactEmail)},
                  ${emptyToNull(input.contactPhone)}, 1, ${personId})
          RETURNING id`,
    );
    const id = Number(row!.id);
    await runSql(
      query,
      sql`INSERT INTO committee_members (campaign_id, committee_id, person_id, rank)
          VALUES (${ctx.campaignId}, ${id}, ${personId}, 'organiser')`,
    );
    await putOnMap(query, ctx.campaignId, [id]);
    ctx.log.info({ committeeId: id, status }, 'committee created');
    return id;
  });
}

/** Changes what organisers edit; a forbidden word now in it holds a published committee. */
export async function updateCommittee(ctx: AppContext, id: number, input: CommitteeUpdate) {
  const rules = await committeeRules(ctx);
  const written = await writtenColumns(ctx, input);
  const held =
    forbiddenWordsIn([input.name, richTextToPlain(input.description)], rules.forbiddenWords)
      .length > 0;
  // Off the map at its old place, on again at the new one (if still published).
  await ctx.database.transaction(async (query) => {
    await takeOffMap(query, ctx.campaignId, [id]);
    const updated = await runSql(
      query,
      sql`UPDATE committees SET name = ${input.name}, description = ${input.description},
               description_html = ${written.descriptionHtml},
               status = CASE WHEN ${held} AND status = 'published' THEN 'held' ELSE status END,
               open_to_members = ${input.openToMembers}, lat = ${written.place.lat},
               lng = ${written.place.lng}, location = ${written.location},
               precision = ${written.place.precision}, place_label = ${written.place.label},
               street = ${emptyToNull(input.place.street)}, postal_code = ${emptyToNull(input.place.postalCode)},
               commune_code = ${written.place.communeCode}, departement_code = ${written.departementCode},
               contact_email = ${emptyToNull(input.contactEmail)},
               contact_phone = ${emptyToNull(input.contactPhone)}, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING id`,
    );
    if (updated.length === 0) throw notFound('committee');
    await putOnMap(query, ctx.campaignId, [id]);
  });
}

interface DetailRow extends SummaryRow {
  description: string;
  description_html: string;
  postal_code: string | null;
  street: string | null;
  open_to_members: boolean;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: Date | string;
}

/** The caller's membership of a committee, if any. */
export async function membershipOf(
  on: Queryable,
  campaignId: number,
  id: number,
  personId: number,
) {
  const [row] = await runSql<{ rank: Rank; share_contact: boolean; subscribed: boolean }>(
    on,
    sql`SELECT rank, share_contact, subscribed FROM committee_members
         WHERE campaign_id = ${campaignId} AND committee_id = ${id} AND person_id = ${personId}`,
  );
  return row ?? null;
}

/**
 * A committee as its page shows it. One that is not published is shown only to its
 * organisers and managers and to staff who manage committees; to anyone else it does not exist.
 */
export async function committeeDetail(
  ctx: AppContext,
  id: number,
  viewer: Viewer | null,
): Promise<CommitteeForEdit> {
  const [row] = await runSql<DetailRow>(
    ctx.database,
    sql`SELECT ${summaryColumns}, c.description, c.description_html, c.postal_code, c.street,
               c.open_to_members, c.contact_email, c.contact_phone, c.created_at
          FROM committees c WHERE c.campaign_id = ${ctx.campaignId} AND c.id = ${id}`,
  );
  if (!row) throw notFound('committee');
  const mine = viewer
    ? await membershipOf(ctx.database, ctx.campaignId, id, viewer.personId)
    : null;
  const seesUnpublished =
    viewer?.permissions.includes('committees.manage') ||
    mine?.rank === 'organiser' ||
    mine?.rank === 'manager';
  if (row.status !== 'published' && !seesUnpublished) throw notFound('committee');
  const organiserIds = await runSql<{ person_id: number }>(
    ctx.database,
    sql`SELECT person_id FROM committee_members
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${id} AND rank = 'organiser'
         ORDER BY joined_at LIMIT 10`,
  );
  const profiles = await profilesOf(
    ctx,
    organiserIds.map((o) => Number(o.person_id)),
  );
  const organisers = organiserIds.flatMap((o) => {
    const person = profiles.get(Number(o.person_id));
    return person && !person.erased && person.firstName ? [person.firstName] : [];
  });
  return {
    ...toSummary(row, null),
    description: row.description,
    postalCode: row.postal_code,
    street: row.street,
    descriptionHtml: row.description_html,
    status: row.status,
    organisers,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    openToMembers: row.open_to_members,
    createdAt: new Date(row.created_at).toISOString(),
    photoUrl: (await photoUrls(ctx, [id])).get(id) ?? null,
    myMembership: mine
      ? { rank: mine.rank, shareContact: mine.share_contact, subscribed: mine.subscribed }
      : null,
  };
}

/** The public answer: the same without the form's fields. */
export async function publicCommittee(
  ctx: AppContext,
  id: number,
  viewer: Viewer | null,
): Promise<Committee> {
  const {
    description: _source,
    postalCode: _postalCode,
    street: _street,
    ...committee
  } = await committeeDetail(ctx, id, viewer);
  return committee;
}

/** The committees a person belongs to, organisers' first. */
export async function myCommittees(ctx: AppContext, personId: number) {
  const rows = await runSql<SummaryRow & { rank: Rank }>(
    ctx.database,
    sql`SELECT ${summaryColumns}, m.rank FROM committee_members m
          JOIN committees c ON c.campaign_id = m.campaign_id AND c.id = m.committee_id
         WHERE m.campaign_id = ${ctx.campaignId} AND m.person_id = ${personId}
           AND (c.status = 'published' OR m.rank IN ('organiser', 'manager'))
         ORDER BY array_position(ARRAY['organiser', 'manager', 'member', 'follower'], m.rank), c.name`,
  );
  return rows.map((row) => ({ ...toSummary(row, null), rank: row.rank, status: row.status }));
}

/** Committees' names by id (for other features' lists), whatever their state. */
export async function committeeNames(
  ctx: AppContext,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await runSql<{ id: number; name: string }>(
    ctx.database,
    sql`SELECT id, name FROM committees WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${[...ids]})`,
  );
  return new Map(rows.map((row) => [Number(row.id), row.name]));
}

/**
 * How many of a committee's present members joined in each month (campaign time zone,
 * `YYYY-MM`), followers apart: for its statistics, read by the events feature.
 */
export async function membersJoinedByMonth(
  ctx: AppContext,
  committeeId: number,
): Promise<Array<{ month: string; members: number; followers: number }>> {
  return runSql<{ month: string; members: number; followers: number }>(
    ctx.database,
    sql`SELECT to_char(joined_at AT TIME ZONE ${ctx.config.CAMPAIGN_TIMEZONE}, 'YYYY-MM') AS month,
               count(*) FILTER (WHERE rank <> 'follower')::int AS members,
               count(*) FILTER (WHERE rank = 'follower')::int AS followers
          FROM committee_members
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId}
         GROUP BY 1 ORDER BY 1`,
  );
}
