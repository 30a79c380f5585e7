import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../core/context.ts';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { runSql } from '../../core/db/statement.ts';

/** The person's comments on articles, with the texts their edits replaced, for their data file. */
async function commentsFile(ctx: AppContext, personId: number) {
  const rows = await runSql<{
    id: number;
    item_id: number;
    body: string;
    status: string;
    created_at: Date;
    edited_at: Date | null;
  }>(
    ctx.database,
    sql`SELECT id, item_id, body, status, created_at, edited_at FROM content_comments
         WHERE campaign_id = ${ctx.campaignId} AND author_id = ${personId} ORDER BY id`,
  );
  const edits = await runSql<{ comment_id: number; body: string }>(
    ctx.database,
    sql`SELECT comment_id, body FROM content_comment_edits
         WHERE campaign_id = ${ctx.campaignId} AND author_id = ${personId} ORDER BY id`,
  );
  return rows.map((row) => ({
    item: Number(row.item_id),
    text: row.body,
    status: row.status,
    at: new Date(row.created_at).toISOString(),
    editedAt: row.edited_at === null ? null : new Date(row.edited_at).toISOString(),
    earlierTexts: edits
      .filter((edit) => Number(edit.comment_id) === Number(row.id))
      .map((edit) => edit.body),
  }));
}

export const commentsPersonalData: PersonalData = {
  feature: 'comments',
  processing: {
    name: 'Comments',
    purpose: 'Let supporters comment on articles, with moderation.',
    legalBasis: ['consent', 'legitimate_interests'],
    people: 'Supporters who comment.',
    data: 'Comments, their earlier versions, notification opt-outs.',
    recipients: 'Readers of the page; moderators.',
    retention: "As long as the author's record; deleted on erasure.",
    fr: {
      name: 'Commentaires',
      purpose: 'Permettre aux sympathisants de commenter les articles, avec modération.',
      people: 'Sympathisants qui commentent.',
      data: 'Commentaires, leurs versions antérieures, désinscriptions des notifications.',
      recipients: 'Lecteurs de la page ; modérateurs.',
      retention: 'Aussi longtemps que la fiche de l’auteur ; supprimés lors de son effacement.',
    },
  },
  tables: [
    {
      table: 'content_comments',
      holds: 'Comments a supporter wrote under articles, talking points and rebuttals.',
      personColumns: { author_id: 'move' },
      otherIds: { item_id: 'the content item', parent_id: 'the comment answered' },
      // Others' replies stay under an erased comment: its text goes, its place stays.
      erase: {
        run: async (query, campaignId, people) => {
          await runSql(
            query,
            sql`UPDATE content_comments SET author_id = NULL, body = '', status = 'deleted'
                 WHERE campaign_id = ${campaignId}
                   AND author_id = ANY(${people.map((person) => person.id)})`,
          );
        },
      },
    },
    {
      table: 'content_comment_edits',
      holds: 'The texts a supporter replaced by editing their comments, kept for the moderators.',
      personColumns: { author_id: 'move' },
      otherIds: { comment_id: 'the comment edited' },
      erase: { deleteWhere: 'author_id' },
    },
    {
      table: 'comment_notification_opt_outs',
      holds: 'Who asked not to be mailed about comments on their articles and replies.',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
  ],
  dataFile: [
    {
      key: 'comments',
      schema: z.array(
        z.object({
          item: z.number(),
          text: z.string(),
          status: z.string(),
          at: z.string(),
          editedAt: z.string().nullable(),
          earlierTexts: z.array(z.string()),
        }),
      ),
      read: commentsFile,
    },
  ],
  purges: [],
};
