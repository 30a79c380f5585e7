import { sql, type SQL } from 'drizzle-orm';
import type { SubjectVariant } from '../../../../contracts/newsletters.ts';
import type { Query } from '../../../core/db/index.ts';
import { QUEUE_MESSAGE_MAILS } from '../../../core/mail/message-mails.ts';
import { snapshotPeople } from '../../audiences/service.ts';
import { emailablePeople } from '../../people/directory.ts';
import type { SubjectTestRow } from './settings.ts';

/** A newsletter mail's payload: ids, the locale, and the subject it carries (`a` or `b`). */
const payload = (newsletterId: number, person: SQL, variant: SQL) =>
  sql`jsonb_build_object('newsletterId', ${newsletterId}::bigint, 'personId', ${person}.id,
                         'locale', ${person}.locale, 'variant', ${variant})`;

/**
 * The start of a newsletter with a subject test, in its send's transaction (`startScheduledSend`,
 * the newsletter's row locked): only the sample is queued. The recipients (`recipients`: id,
 * email, locale of those with an address who agree to email now) are put in a random order
 * that the newsletter and the person alone decide (md5 of both ids: the same audience gives
 * the same split), the first `sample_percent` of them taken, alternately A and B, at least one
 * each when there are two; each is recorded with their variant and their mail in one statement
 * with the mails. The decision's moment is the start plus the wait. Returns how many were
 * queued.
 */
export async function queueSample(
  query: Query,
  campaignId: number,
  newsletterId: number,
  recipients: SQL,
  test: SubjectTestRow,
): Promise<number> {
  const [row] = await query<{ queued: number; eligible: number }>(
    sql`WITH pool AS (
          SELECT p.id, p.email, p.locale, count(*) OVER () AS eligible,
                 row_number() OVER (ORDER BY md5(${newsletterId}::text || ':' || p.id::text), p.id) AS rank
            FROM (${recipients}) p),
        sample AS (
          SELECT s.id, s.email, s.locale, CASE WHEN s.rank % 2 = 1 THEN 'a' ELSE 'b' END AS variant
            FROM pool s
           WHERE s.rank <= 2 * greatest(1, round(s.eligible * ${test.sample_percent}::numeric / 200))),
        queued AS (
          ${sql.raw(QUEUE_MESSAGE_MAILS)}
          SELECT ${campaignId}, 'newsletter', s.id, s.email, 'newsletter',
                 ${payload(newsletterId, sql`s`, sql`s.variant`)}, 'newsletter', ${newsletterId}
            FROM sample s
          RETURNING id, person_id, payload->>'variant' AS variant),
        chosen AS (
          INSERT INTO newsletter_variants (campaign_id, newsletter_id, person_id, variant, mail_id)
          SELECT ${campaignId}, ${newsletterId}, q.person_id, q.variant, q.id FROM queued q
          RETURNING 1)
        SELECT (SELECT count(*) FROM chosen)::int AS queued, (SELECT count(*) FROM pool)::int AS eligible`,
  );
  await query(
    sql`UPDATE newsletter_subject_tests
           SET eligible = ${row!.eligible}, decide_at = now() + make_interval(hours => wait_hours)
         WHERE campaign_id = ${campaignId} AND newsletter_id = ${newsletterId}`,
  );
  return row!.queued;
}

/**
 * The rest of a tested newsletter's frozen audience (everyone in its snapshot who was not in
 * the sample), queued with the winning subject in one statement, in the decision's
 * transaction: those with an address who agree to email now, as at the start; the gate then
 * decides for each mail when it is sent. Returns how many were queued.
 */
export async function queueRest(
  query: Query,
  campaignId: number,
  newsletterId: number,
  snapshotId: number,
  winner: SubjectVariant,
): Promise<number> {
  const rest = sql`SELECT m.person_id FROM (${snapshotPeople(campaignId, snapshotId)}) m
                    WHERE NOT EXISTS (
                      SELECT 1 FROM newsletter_variants v
                       WHERE v.campaign_id = ${campaignId} AND v.newsletter_id = ${newsletterId}
                         AND v.person_id = m.person_id)`;
  const [row] = await query<{ n: number }>(
    sql`WITH queued AS (
          ${sql.raw(QUEUE_MESSAGE_MAILS)}
          SELECT ${campaignId}, 'newsletter', p.id, p.email, 'newsletter',
                 ${payload(newsletterId, sql`p`, sql`${winner}::text`)}, 'newsletter', ${newsletterId}
            FROM (${emailablePeople(campaignId, rest, { agreedToEmail: true })}) p
          RETURNING 1)
        SELECT count(*)::int AS n FROM queued`,
  );
  return row!.n;
}
