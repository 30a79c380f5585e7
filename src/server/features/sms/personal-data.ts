import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { profilesOf } from '../people/directory.ts';

/** The texts of campaigns sent to a person, as their data file lists them. */
const textsFileSchema = z.array(
  z.object({
    campaign: z.string().nullable(),
    status: z.string(),
    to: z.string().nullable(),
    queuedAt: z.string(),
    sentAt: z.string().nullable(),
    delivery: z.string().nullable(),
  }),
);

/** The texts received from a person's number (their STOP, their answers). */
const receivedFileSchema = z.array(
  z.object({
    body: z.string(),
    stop: z.boolean(),
    campaign: z.string().nullable(),
    receivedAt: z.string(),
  }),
);

/** What text campaigns hold about people (see core/personal-data). */
export const smsPersonalData: PersonalData = {
  feature: 'sms',
  processing: {
    name: 'Text messages',
    purpose: 'Send text messages to people who consented, and handle their answers and STOPs.',
    legalBasis: ['consent'],
    people: 'People texted; staff who write text campaigns.',
    data: 'Phone numbers, texts sent and received, delivery reports.',
    recipients: 'Staff sending messages; the SMS provider as processor.',
    retention: "As long as the person's record; STOPs kept as keyed hashes.",
    fr: {
      name: 'SMS',
      purpose:
        'Envoyer des SMS aux personnes qui y ont consenti, et traiter leurs réponses et leurs STOP.',
      people: 'Destinataires des SMS ; membres de l’équipe qui rédigent les campagnes SMS.',
      data: 'Numéros de téléphone, messages envoyés et reçus, accusés de réception.',
      recipients:
        'Membres de l’équipe chargés des envois ; le prestataire SMS, en qualité de sous-traitant.',
      retention:
        'Aussi longtemps que la fiche de la personne ; STOP conservés sous forme d’empreintes à clé secrète.',
    },
  },
  tables: [
    {
      table: 'sms_campaigns',
      holds: 'Text campaigns: only the ids of the staff members who wrote and scheduled each.',
      personColumns: { created_by: 'move', scheduled_by: 'move' },
      otherIds: { segment_id: 'its segment', audience_snapshot_id: 'its frozen audience' },
      erase: {
        keep: 'A text campaign: staff work, by the id of who did it (an erased person’s id says nothing).',
      },
    },
    {
      table: 'sms_outbox',
      holds: 'Texts to the person: once sent, the number it went to and the provider’s report.',
      personColumns: { person_id: 'move' },
      otherIds: { sms_campaign_id: 'the text campaign the text is one of' },
      erase: {
        async run(query, campaignId, people, reason) {
          const ids = people.map((person) => person.id);
          const numbers = people.flatMap((person) => person.phone ?? []);
          // Erasure keeps that a text was sent (the counts), to no number; a purge leaves nothing.
          const unsent = reason === 'purge' ? sql`` : sql` AND status <> 'sent'`;
          await query(
            sql`DELETE FROM sms_outbox WHERE campaign_id = ${campaignId} AND person_id = ANY(${ids})${unsent}`,
          );
          await query(
            sql`UPDATE sms_outbox SET to_number = NULL
                 WHERE campaign_id = ${campaignId}
                   AND (person_id = ANY(${ids}) OR to_number = ANY(${numbers}))`,
          );
        },
      },
    },
    {
      table: 'sms_inbound',
      holds: 'Texts received from the person’s number (a STOP, an answer), with the number.',
      personColumns: {},
      otherIds: { sms_campaign_id: 'the text campaign answered' },
      erase: {
        async run(query, campaignId, people) {
          const numbers = people.flatMap((person) => person.phone ?? []);
          // The STOP itself stays on the opt-out list (a keyed hash of the number).
          await query(
            sql`UPDATE sms_inbound SET from_number = 'erased', body = ''
                 WHERE campaign_id = ${campaignId} AND from_number = ANY(${numbers})`,
          );
        },
      },
    },
    {
      table: 'caught_sms',
      holds: 'Whole texts the development adapter kept instead of sending, by number.',
      personColumns: {},
      erase: {
        async run(query, campaignId, people) {
          const numbers = people.flatMap((person) => person.phone ?? []);
          await query(
            sql`DELETE FROM caught_sms WHERE campaign_id = ${campaignId} AND to_number = ANY(${numbers})`,
          );
        },
      },
    },
  ],
  dataFile: [
    {
      key: 'sms',
      schema: textsFileSchema,
      async read(ctx, personId) {
        const rows = await ctx.database.query<{
          campaign: string | null;
          status: string;
          to: string | null;
          queued_at: Date;
          sent_at: Date | null;
          delivery: string | null;
        }>(
          sql`SELECT c.name AS campaign, o.status, o.to_number AS "to", o.created_at AS queued_at,
                     o.sent_at, o.delivery_status AS delivery
                FROM sms_outbox o
                LEFT JOIN sms_campaigns c ON c.campaign_id = o.campaign_id AND c.id = o.sms_campaign_id
               WHERE o.campaign_id = ${ctx.campaignId} AND o.person_id = ${personId}
               ORDER BY o.id`,
        );
        return rows.map((row) => ({
          campaign: row.campaign,
          status: row.status,
          to: row.to,
          queuedAt: new Date(row.queued_at).toISOString(),
          sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
          delivery: row.delivery,
        }));
      },
    },
    {
      key: 'smsReceived',
      schema: receivedFileSchema,
      async read(ctx, personId) {
        const phone = (await profilesOf(ctx, [personId])).get(personId)?.phone;
        if (!phone) return [];
        const rows = await ctx.database.query<{
          body: string;
          keyword: string;
          campaign: string | null;
          received_at: Date;
        }>(
          sql`SELECT i.body, i.keyword, c.name AS campaign, i.received_at
                FROM sms_inbound i
                LEFT JOIN sms_campaigns c ON c.campaign_id = i.campaign_id AND c.id = i.sms_campaign_id
               WHERE i.campaign_id = ${ctx.campaignId} AND i.from_number = ${phone}
               ORDER BY i.id`,
        );
        return rows.map((row) => ({
          body: row.body,
          stop: row.keyword === 'stop',
          campaign: row.campaign,
          receivedAt: new Date(row.received_at).toISOString(),
        }));
      },
    },
  ],
};
