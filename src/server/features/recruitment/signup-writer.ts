import { sql } from 'drizzle-orm';
import type { Database } from '../../core/db/index.ts';
import { Batcher, type Queued } from '../../core/db/batcher.ts';
import { perCampaign } from '../../core/db/per-campaign.ts';
import { statement } from '../../core/db/statement.ts';
import { QUEUE_TEMPLATE_MAILS } from '../../core/mail/outbox.ts';
import {
  insertPeopleSelect,
  isRecruitCodeCollision,
  newRecruitCode,
  recruiterOf,
} from '../people/person-writer.ts';

/** One validated sign-up, as the statement below writes it. */
export interface SignupRow {
  email: string;
  emailNormalized: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  postalCode: string;
  communeCode: string;
  communeName: string;
  departementCode: string;
  locale: string;
  source: string;
  referrerUrl: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  ref: string;
  searchText: string;
  /** The submission, applied to the person when the email owner confirms. */
  data: string;
}

const columns: Array<keyof SignupRow> = [
  'email',
  'emailNormalized',
  'firstName',
  'lastName',
  'phone',
  'postalCode',
  'communeCode',
  'communeName',
  'departementCode',
  'locale',
  'source',
  'referrerUrl',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'ref',
  'searchText',
  'data',
];

/** The confirmation mail of the sign-up `s` (an alias), as the outbox's SELECT list. */
export const confirmationMail = (s: string) =>
  `${s}.campaign_id, 'signup_confirmation', ${s}.person_id, ${s}.data->>'email', 'signup_confirmation',
   jsonb_build_object('signupId', ${s}.id, 'campaignId', ${s}.campaign_id, 'firstName', ${s}.data->>'firstName',
                      'locale', ${s}.data->>'locale', 'purpose', ${s}.data->'purpose')`;

/**
 * Writes a batch of sign-ups in one prepared statement: people upserted by normalised email
 * (a new person gets the form's data; a known one is left untouched), one `signups` row per
 * submission, one template mail per submission in the outbox. Each column of the batch is one
 * text[] placeholder, named by its key; `recruitCodes`, one new code per row.
 */
const CAMPAIGN = sql`${sql.placeholder('campaignId')}`;
const newPeople = insertPeopleSelect(
  {
    campaignId: sql`${CAMPAIGN}::int`,
    email: sql`i.email`,
    emailNormalized: sql`i.email_normalized`,
    firstName: sql`i.first_name`,
    lastName: sql`i.last_name`,
    phone: sql`i.phone`,
    postalCode: sql`i.postal_code`,
    communeCode: sql`i.commune_code`,
    communeName: sql`i.commune_name`,
    departementCode: sql`i.departement_code`,
    locale: sql`i.locale`,
    source: sql`i.source`,
    recruitCode: sql`i.recruit_code`,
    // Most sign-ups come without a recruitment code: no lookup then. (The statement's
    // cached plan, made while people was empty, found the recruiter by walking the
    // (campaign_id, created_at) index: 2,208 against 924 sign-ups/s in the benchmark.)
    recruitedBy: sql`CASE WHEN i.ref <> '' THEN ${recruiterOf(sql`i.ref`, CAMPAIGN)} END`,
    referrerUrl: sql`i.referrer_url`,
    utmSource: sql`i.utm_source`,
    utmMedium: sql`i.utm_medium`,
    utmCampaign: sql`i.utm_campaign`,
    searchText: sql`i.search_text`,
  },
  {
    distinctOn: 'i.email_normalized',
    from: sql`input i ORDER BY i.email_normalized, i.ord`,
    onEmailTaken: 'keep',
    returning: 'id, email_normalized',
  },
);
const signupBatch = statement(
  'signup_batch',
  sql`
  WITH input AS (
    SELECT * FROM unnest(${sql.join(
      columns.map((column) => sql`${sql.placeholder(column)}::text[]`),
      sql`, `,
    )}, ${sql.placeholder('recruitCodes')}::text[])
      WITH ORDINALITY AS t(email, email_normalized, first_name, last_name, phone, postal_code, commune_code,
                           commune_name, departement_code, locale, source, referrer_url, utm_source, utm_medium,
                           utm_campaign, ref, search_text, data, recruit_code, ord)
  ), p AS (
    ${newPeople}
  ), s AS (
    INSERT INTO signups (campaign_id, person_id, data, source)
    SELECT ${CAMPAIGN}, p.id, i.data::jsonb, i.source FROM input i JOIN p USING (email_normalized) ORDER BY i.ord
    RETURNING id, campaign_id, person_id, data
  )
  ${sql.raw(QUEUE_TEMPLATE_MAILS)}
  SELECT ${sql.raw(confirmationMail('s'))} FROM s`,
);

async function writeBatch(
  database: Database,
  campaignId: number,
  rows: SignupRow[],
): Promise<void> {
  const values: Record<string, unknown> = { campaignId };
  for (const column of columns) values[column] = rows.map((row) => row[column]);
  // A fresh recruitment code may, very rarely, collide with an existing one: draw again.
  for (let attempt = 1; ; attempt++) {
    try {
      await database.prepared(signupBatch, {
        ...values,
        recruitCodes: rows.map(() => newRecruitCode()),
      });
      return;
    } catch (error) {
      if (!isRecruitCodeCollision(error) || attempt >= 3) throw error;
    }
  }
}

/**
 * Sign-ups written in batches (core/db/batcher.ts): at most 4 statements at once, 200 sign-ups
 * each; arrivals meanwhile join the next batch.
 */
export class SignupWriter {
  private readonly batcher: Batcher<SignupRow, void>;

  constructor(
    private readonly database: Database,
    private readonly campaignId: number,
  ) {
    this.batcher = new Batcher((batch) => this.flush(batch), { maxInFlight: 4, maxBatch: 200 });
  }

  write(row: SignupRow): Promise<void> {
    return this.batcher.add(row);
  }

  private async flush(batch: Array<Queued<SignupRow, void>>) {
    try {
      await writeBatch(
        this.database,
        this.campaignId,
        batch.map((p) => p.item),
      );
      for (const p of batch) p.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One bad row must not fail its neighbours: write each alone to find it.
      for (const p of batch) {
        await writeBatch(this.database, this.campaignId, [p.item]).then(p.resolve, p.reject);
      }
    }
  }
}

const writers = perCampaign<SignupWriter>();

export function signupWriter(database: Database, campaignId: number): SignupWriter {
  return (
    writers.get(database, campaignId) ??
    writers.set(database, campaignId, new SignupWriter(database, campaignId))
  );
}
