import { sql } from 'drizzle-orm';
import type { Contact, contactInputSchema } from '../../../contracts/person-records.ts';
import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { invalidFields } from '../../core/http/errors.ts';
import { actorNameSql, assertPersonExists, isoDate } from './records.ts';

type ContactInput = z.infer<typeof contactInputSchema>;

interface ContactRow {
  id: number;
  channel: Contact['channel'];
  outcome: Contact['outcome'];
  note: string | null;
  contacted_at: Date;
  author_name: string | null;
  created_at: Date;
}

const toContact = (row: ContactRow): Contact => ({
  id: Number(row.id),
  channel: row.channel,
  outcome: row.outcome,
  note: row.note,
  contactedAt: isoDate(row.contacted_at),
  authorName: row.author_name,
  createdAt: isoDate(row.created_at),
});

const selectContacts = sql`SELECT c.id, c.channel, c.outcome, c.note, c.contacted_at, c.created_at, ${actorNameSql('a')} AS author_name
  FROM person_contacts c LEFT JOIN people a ON a.campaign_id = c.campaign_id AND a.id = c.author_id`;

/** The contact log of a person, latest contact first, a page at a time. */
export async function listContacts(
  ctx: AppContext,
  personId: number,
  page: { page: number; pageSize: number },
) {
  await assertPersonExists(ctx, personId);
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.query<ContactRow>(
      sql`${selectContacts} WHERE c.campaign_id = ${ctx.campaignId} AND c.person_id = ${personId}
        ORDER BY c.contacted_at DESC, c.id DESC LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
    ),
    ctx.database.query<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM person_contacts WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`,
    ),
  ]);
  return { items: rows.map(toContact), total, ...page };
}

/** A few minutes of clock difference between a phone and the server are not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

export async function addContact(
  ctx: AppContext,
  personId: number,
  input: ContactInput,
  actorId: number,
  ip?: string,
): Promise<Contact> {
  const contactedAt = new Date(input.contactedAt);
  if (contactedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
    throw invalidFields([
      { field: 'contactedAt', code: 'date_in_future', message: 'This moment has not come yet.' },
    ]);
  if (contactedAt.getUTCFullYear() < 1900)
    throw invalidFields([
      { field: 'contactedAt', code: 'date_out_of_range', message: 'Give a date after 1900.' },
    ]);
  await assertPersonExists(ctx, personId);
  const [{ id }] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO person_contacts (campaign_id, person_id, author_id, channel, outcome, note, contacted_at)
     VALUES (${ctx.campaignId}, ${personId}, ${actorId}, ${input.channel}, ${input.outcome}, ${input.note || null}, ${contactedAt}) RETURNING id`,
  );
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'person.contact_add',
    target: `person:${personId}`,
    details: { contactId: Number(id), channel: input.channel, outcome: input.outcome },
    ip,
  });
  const [row] = await ctx.database.query<ContactRow>(
    sql`${selectContacts} WHERE c.campaign_id = ${ctx.campaignId} AND c.id = ${id}`,
  );
  return toContact(row);
}
