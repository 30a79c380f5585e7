import type { Database } from '../../core/db/index.ts';
import type { ContactSubject } from '../compliance/may-contact.ts';

interface SubjectRow {
  id: number;
  departement_code: string | null;
  commune_code: string | null;
  consent_email: boolean;
  consent_sms: boolean;
  consent_phone: boolean;
  withdrawn: string[] | null;
}

/**
 * What the compliance gate needs of some people: their place and current consent per channel.
 * A channel without consent is an opt-out when the person ever withdrew it, else never
 * asked. The phone consent is the consent to calls by volunteers; nobody has agreed to
 * automated calls yet. Erased or unknown people are left out.
 */
export async function contactSubjects(
  database: Pick<Database, 'query'>,
  campaignId: number,
  personIds: readonly number[],
): Promise<Map<number, ContactSubject>> {
  if (personIds.length === 0) return new Map();
  const rows = await database.query<SubjectRow>(
    `SELECT p.id, p.departement_code, p.commune_code, p.consent_email, p.consent_sms, p.consent_phone,
            (SELECT array_agg(DISTINCT e.channel) FROM consent_events e
              WHERE e.campaign_id = p.campaign_id AND e.person_id = p.id AND NOT e.granted) AS withdrawn
       FROM people p
      WHERE p.campaign_id = $1 AND p.id = ANY($2::bigint[]) AND p.erased_at IS NULL`,
    [campaignId, [...personIds]],
  );
  return new Map(
    rows.map((row) => {
      const state = (granted: boolean, channel: string) =>
        granted
          ? ({ status: 'granted' } as const)
          : row.withdrawn?.includes(channel)
            ? ({ status: 'withdrawn' } as const)
            : undefined;
      const consents: ContactSubject['consents'] = {};
      const email = state(row.consent_email, 'email');
      const sms = state(row.consent_sms, 'sms');
      const call = state(row.consent_phone, 'phone');
      if (email) consents.email = email;
      if (sms) consents.sms = sms;
      if (call) consents.volunteer_call = call;
      return [
        Number(row.id),
        { departementCode: row.departement_code, communeCode: row.commune_code, consents },
      ];
    }),
  );
}
