import type { Database } from '../../core/db/index.ts';
import { perCampaign } from '../../core/db/per-campaign.ts';
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
                      'locale', ${s}.data->>'locale')`;

/**
 * Writes a batch of sign-ups in one prepared statement: people upserted by normalised email
 * (a new person gets the form's data; a known one is left untouched), one `signups` row per
 * submission, one template mail per submission in the outbox.
 */
const CAMPAIGN = `$${columns.length + 2}`;
const newPeople = insertPeopleSelect(
  {
    campaignId: `${CAMPAIGN}::int`,
    email: 'i.email',
    emailNormalized: 'i.email_normalized',
    firstName: 'i.first_name',
    lastName: 'i.last_name',
    phone: 'i.phone',
    postalCode: 'i.postal_code',
    communeCode: 'i.commune_code',
    communeName: 'i.commune_name',
    departementCode: 'i.departement_code',
    locale: 'i.locale',
    source: 'i.source',
    recruitCode: 'i.recruit_code',
    // Most sign-ups come without a recruitment code: no lookup then. (The statement's
    // cached plan, made while people was empty, found the recruiter by walking the
    // (campaign_id, created_at) index: 2,208 against 924 sign-ups/s in the benchmark.)
    recruitedBy: `CASE WHEN i.ref <> '' THEN ${recruiterOf('i.ref', CAMPAIGN)} END`,
    referrerUrl: 'i.referrer_url',
    utmSource: 'i.utm_source',
    utmMedium: 'i.utm_medium',
    utmCampaign: 'i.utm_campaign',
    searchText: 'i.search_text',
  },
  {
    distinctOn: 'i.email_normalized',
    from: 'input i ORDER BY i.email_normalized, i.ord',
    onEmailTaken: 'keep',
    returning: 'id, email_normalized',
  },
);
const statement = `
  WITH input AS (
    SELECT * FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')}, $${columns.length + 1}::text[])
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
  ${QUEUE_TEMPLATE_MAILS}
  SELECT ${confirmationMail('s')} FROM s`;

async function writeBatch(
  database: Database,
  campaignId: number,
  rows: SignupRow[],
): Promise<void> {
  const params: unknown[][] = columns.map((column) => rows.map((row) => row[column]));
  // A fresh recruitment code may, very rarely, collide with an existing one: draw again.
  for (let attempt = 1; ; attempt++) {
    try {
      await database.prepared('signup_batch', statement, [
        ...params,
        rows.map(() => newRecruitCode()),
        campaignId,
      ]);
      return;
    } catch (error) {
      if (!isRecruitCodeCollision(error) || attempt >= 3) throw error;
    }
  }
}

interface Pending {
  row: SignupRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** At most this many sign-up statements run at once; arrivals meanwhile join the next batch. */
const MAX_IN_FLIGHT = 4;
const MAX_BATCH = 200;

/**
 * Opportunistic batching: when the database keeps up, each sign-up is written alone as it
 * arrives; under load, sign-ups that arrive while statements are in flight are written
 * together by the next one. No timer: nothing waits that did not have to.
 */
export class SignupWriter {
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly database: Database,
    private readonly campaignId: number,
  ) {}

  write(row: SignupRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(batch: Pending[]) {
    try {
      await writeBatch(
        this.database,
        this.campaignId,
        batch.map((p) => p.row),
      );
      for (const p of batch) p.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One bad row must not fail its neighbours: write each alone to find it.
      for (const p of batch) {
        await writeBatch(this.database, this.campaignId, [p.row]).then(p.resolve, p.reject);
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
