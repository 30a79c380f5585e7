import { sql } from 'drizzle-orm';
import type { PersonalData } from '../personal-data/registry.ts';

/** What the mail outbox and the development catcher hold about a person (see core/personal-data). */
export const mailPersonalData: PersonalData = {
  feature: 'mail',
  processing: {
    name: 'Email sending',
    purpose: 'Send transactional and campaign mail, and record bounces and complaints.',
    legalBasis: ['contract', 'consent'],
    people: 'Everyone the campaign mails.',
    data: "Address, the mail's content until sent, delivery feedback.",
    recipients: 'The mail provider as processor.',
    retention: 'Content dropped once sent; addresses blanked on erasure.',
    fr: {
      name: 'Envoi de courriels',
      purpose:
        'Envoyer les courriels de service et de campagne, et enregistrer les retours en erreur et les signalements comme indésirables.',
      people: 'Toutes les personnes auxquelles la campagne écrit.',
      data: 'Adresse, contenu du courriel jusqu’à son envoi, retours de distribution.',
      recipients: 'Le prestataire d’envoi de courriels, en qualité de sous-traitant.',
      retention:
        'Contenu supprimé une fois le courriel envoyé ; adresses vidées lors de l’effacement de la personne.',
    },
  },
  tables: [
    {
      table: 'mail_outbox',
      holds: 'Mail to the person: address, and until it is sent its text or template data.',
      personColumns: { person_id: 'move' },
      otherIds: { message_id: 'the campaign message (a newsletter) the mail is one of' },
      erase: {
        async run(query, campaignId, people, reason) {
          const ids = people.map((person) => person.id);
          // Erasure keeps that mail was sent, to no address; a purge leaves nothing of the person.
          const unsent = reason === 'purge' ? sql`` : sql` AND status <> 'sent'`;
          await query(
            sql`DELETE FROM mail_outbox WHERE campaign_id = ${campaignId} AND person_id = ANY(${ids})${unsent}`,
          );
          await query(
            sql`UPDATE mail_outbox SET to_address = 'erased', payload = NULL
              WHERE campaign_id = ${campaignId} AND person_id = ANY(${ids})`,
          );
        },
      },
    },
    {
      table: 'mail_feedback',
      holds: 'Bounces and complaints about mails sent, each naming the mail (not the address).',
      personColumns: {},
      otherIds: { mail_id: 'the mail of mail_outbox the bounce or complaint answers' },
      erase: {
        keep: 'A bounce names a mail, whose address erasure removes; kept so that the counts of a message stay true.',
      },
    },
    {
      table: 'caught_mail',
      holds: 'Whole mails the development catcher kept instead of sending, by address.',
      personColumns: {},
      erase: {
        async run(query, campaignId, people) {
          const addresses = people.flatMap((person) => person.emailNormalized ?? []);
          await query(
            sql`DELETE FROM caught_mail WHERE campaign_id = ${campaignId} AND lower(to_address) = ANY(${addresses})`,
          );
        },
      },
    },
  ],
};
