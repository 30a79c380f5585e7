import { sql, type SQL } from 'drizzle-orm';
import type { Consents } from '../../../contracts/common.ts';
import { audit } from '../../core/audit.ts';
import type { Query } from '../../core/db/index.ts';
import type { PersonToForget } from '../../core/personal-data/registry.ts';
import { recordChannel, recordDecisions } from './consents.ts';
import { normalizeEmail } from './normalize.ts';
import { insertPersonOrFind } from './person-writer.ts';
import { addPersonEvent } from './service.ts';

export interface DoorContact {
  firstName: string;
  lastName: string;
  email: string | null;
  /** E.164. */
  phone: string | null;
  consents: Consents;
}

/**
 * A resident who gave their contact on the doorstep, in the visit's transaction. One who holds
 * the email is that person, left as they are (what the volunteer typed does not overwrite what
 * they gave themselves); otherwise a new person (source `door_to_door`, not confirmed). Either
 * way the channels they agreed to at the door are recorded with that source and the wording of
 * the questionnaire version shown to them, on their timeline and in the audit log.
 */
export async function personMetAtDoor(
  query: Query,
  campaignId: number,
  contact: DoorContact,
  at: { source: string; wordingVersion: string; volunteerId: number; visitId: string },
): Promise<{ id: number; created: boolean }> {
  const email = contact.email && normalizeEmail(contact.email) ? contact.email : null;
  const details = {
    firstName: contact.firstName,
    lastName: contact.lastName,
    email,
    phone: contact.phone,
  };
  const person = await insertPersonOrFind(query, campaignId, details, {
    source: at.source,
    onEmailTaken: 'keep',
  });
  const fields = Object.entries(details).flatMap(([field, value]) => (value ? [field] : []));
  if (person.created) {
    await addPersonEvent(
      query,
      campaignId,
      person.id,
      'created',
      { source: at.source, fields, visitId: at.visitId },
      at.volunteerId,
    );
  }
  const granted = (['email', 'sms', 'phone'] as const).filter(
    (channel) => contact.consents[channel],
  );
  if (granted.length) {
    await recordDecisions(
      query,
      campaignId,
      person.id,
      granted.map((channel) => ({
        channel: recordChannel[channel],
        granted: true,
        source: at.source,
        wordingVersion: at.wordingVersion,
        actorId: at.volunteerId,
      })),
    );
  }
  await audit(
    { query },
    {
      campaignId,
      actorId: at.volunteerId,
      action: person.created ? 'person.create' : 'person.consent_record',
      target: `person:${person.id}`,
      details: { fields, source: at.source, consents: granted, visitId: at.visitId },
    },
  );
  return person;
}

/**
 * The people known only from a doorstep (source `door_to_door`), met before `metBefore`, who
 * never confirmed an address of their own and are not erased, and whom none of `unless` (SQL
 * conditions on `p.id`) keeps: the retention purge's election prospects, locked for it.
 */
export async function lockDoorProspects(
  query: Query,
  campaignId: number,
  metBefore: Date,
  unless: SQL[],
): Promise<PersonToForget[]> {
  const rows = await query<{ id: number; email_normalized: string | null; phone: string | null }>(
    sql`SELECT p.id, p.email_normalized, p.phone FROM people p
         WHERE p.campaign_id = ${campaignId} AND p.source = 'door_to_door'
           AND p.confirmed_at IS NULL AND p.erased_at IS NULL AND p.created_at < ${metBefore}
           ${sql.join(
             unless.map((condition) => sql` AND NOT ${condition}`),
             sql``,
           )}
         FOR UPDATE`,
  );
  return rows.map((person) => ({
    id: Number(person.id),
    emailNormalized: person.email_normalized,
    phone: person.phone,
  }));
}
