import { sql, type SQL } from 'drizzle-orm';
import type {
  SubjectTest,
  SubjectTestInput,
  SubjectTestMetric,
  SubjectTestReason,
  SubjectVariant,
  SubjectVariantFigures,
} from '../../../../contracts/newsletters.ts';
import { subjectTestInputSchema } from '../../../../contracts/newsletters.ts';
import type { Query } from '../../../core/db/index.ts';
import { mailCountsByKey } from '../../../core/mail/message-mails.ts';

/** A subject test's row. */
export interface SubjectTestRow {
  newsletter_id: number;
  subject_b: string;
  sample_percent: number;
  wait_hours: number;
  metric: SubjectTestMetric;
  eligible: number | null;
  decide_at: Date | null;
  decided_at: Date | null;
  decided_by: number | null;
  winner: SubjectVariant | null;
  reason: SubjectTestReason | null;
  figures: Record<SubjectVariant, SubjectVariantFigures> | null;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

const noFigures = (): SubjectVariantFigures => ({
  recipients: 0,
  sent: 0,
  tracked: 0,
  opened: 0,
  clicked: 0,
});

/** A newsletter's subject test, or null when it has none. */
export async function subjectTestRow(
  query: Query,
  campaignId: number,
  newsletterId: number,
  lock = false,
): Promise<SubjectTestRow | null> {
  const [row] = await query<SubjectTestRow>(
    sql`SELECT * FROM newsletter_subject_tests
         WHERE campaign_id = ${campaignId} AND newsletter_id = ${newsletterId}${lock ? sql` FOR UPDATE` : sql``}`,
  );
  return row ?? null;
}

/**
 * Sets a newsletter's subject test, or removes it (null), in the caller's transaction (the
 * newsletter's own write, made while it can still be edited).
 */
export async function saveSubjectTest(
  query: Query,
  campaignId: number,
  newsletterId: number,
  input: SubjectTestInput | null | undefined,
): Promise<void> {
  if (!input) {
    await deleteSubjectTest(query, campaignId, newsletterId);
    return;
  }
  // The route has checked it; the defaults are filled for callers that did not parse it.
  const test = subjectTestInputSchema.parse(input);
  await query(
    sql`INSERT INTO newsletter_subject_tests (campaign_id, newsletter_id, subject_b, sample_percent, wait_hours, metric)
        VALUES (${campaignId}, ${newsletterId}, ${test.subjectB}, ${test.samplePercent}, ${test.waitHours}, ${test.metric})
        ON CONFLICT (campaign_id, newsletter_id) DO UPDATE
          SET subject_b = EXCLUDED.subject_b, sample_percent = EXCLUDED.sample_percent,
              wait_hours = EXCLUDED.wait_hours, metric = EXCLUDED.metric`,
  );
}

/** A deleted draft's subject test goes with it. */
export async function deleteSubjectTest(
  query: Query,
  campaignId: number,
  newsletterId: number,
): Promise<void> {
  await query(
    sql`DELETE FROM newsletter_subject_tests
         WHERE campaign_id = ${campaignId} AND newsletter_id = ${newsletterId}`,
  );
}

/**
 * Per newsletter (`newsletterIs`: the condition on its id) and variant, the sample's
 * recipients, and those tracked, who opened (or clicked: a click is an open whose images were
 * not shown) and who clicked.
 */
export const measuredSample = (campaignId: number, newsletterIs: SQL): SQL =>
  sql`SELECT v.newsletter_id, v.variant, count(*)::int AS recipients,
             count(e.person_id)::int AS tracked,
             count(*) FILTER (WHERE e.opened_at IS NOT NULL OR e.opens > 0 OR e.clicks > 0)::int AS opened,
             count(*) FILTER (WHERE e.clicked_at IS NOT NULL OR e.clicks > 0)::int AS clicked
        FROM newsletter_variants v
        LEFT JOIN newsletter_engagements e
          ON e.campaign_id = v.campaign_id AND e.newsletter_id = v.newsletter_id
         AND e.person_id = v.person_id
       WHERE v.campaign_id = ${campaignId} AND v.newsletter_id ${newsletterIs}
       GROUP BY v.newsletter_id, v.variant`;

/**
 * Each variant's figures in the samples of these newsletters: recipients and how many of
 * them were tracked, opened and clicked (`newsletter_engagements` holds a row exactly for each
 * recipient whose mail was tracked), then the sample mails' statuses from the outbox.
 */
async function sampleFigures(
  query: Query,
  campaignId: number,
  newsletterIds: readonly number[],
): Promise<Map<string, SubjectVariantFigures>> {
  const ids = [...newsletterIds];
  const [measured, statuses] = await Promise.all([
    query<{
      newsletter_id: number;
      variant: SubjectVariant;
      recipients: number;
      tracked: number;
      opened: number;
      clicked: number;
    }>(measuredSample(campaignId, sql`= ANY(${ids}::bigint[])`)),
    mailCountsByKey(
      query,
      campaignId,
      sql`SELECT newsletter_id || ':' || variant AS key, mail_id FROM newsletter_variants
           WHERE campaign_id = ${campaignId} AND newsletter_id = ANY(${ids}::bigint[])`,
    ),
  ]);
  const figures = new Map<string, SubjectVariantFigures>();
  const of = (key: string) => {
    if (!figures.has(key)) figures.set(key, noFigures());
    return figures.get(key)!;
  };
  for (const row of measured) {
    Object.assign(of(`${row.newsletter_id}:${row.variant}`), {
      recipients: row.recipients,
      tracked: row.tracked,
      opened: row.opened,
      clicked: row.clicked,
    });
  }
  for (const row of statuses) {
    if (row.status === 'sent') of(row.key).sent += row.count;
  }
  return figures;
}

/** The subject tests of these newsletters, as staff see them (none: not in the map). */
export async function subjectTestsOf(
  query: Query,
  campaignId: number,
  newsletterIds: readonly number[],
): Promise<Map<number, SubjectTest>> {
  const ids = [...newsletterIds];
  const rows = await query<SubjectTestRow>(
    sql`SELECT * FROM newsletter_subject_tests
         WHERE campaign_id = ${campaignId} AND newsletter_id = ANY(${ids}::bigint[])`,
  );
  const started = rows
    .filter((row) => row.decide_at !== null)
    .map((row) => Number(row.newsletter_id));
  const figures = started.length ? await sampleFigures(query, campaignId, started) : new Map();
  const tests = new Map<number, SubjectTest>();
  for (const row of rows) {
    const id = Number(row.newsletter_id);
    tests.set(id, {
      subjectB: row.subject_b,
      samplePercent: row.sample_percent,
      waitHours: row.wait_hours,
      metric: row.metric,
      eligible: row.eligible,
      decideAt: iso(row.decide_at),
      decidedAt: iso(row.decided_at),
      winner: row.winner,
      reason: row.reason,
      variants: {
        a: figures.get(`${id}:a`) ?? noFigures(),
        b: figures.get(`${id}:b`) ?? noFigures(),
      },
      decidedOn: row.figures,
    });
  }
  return tests;
}
