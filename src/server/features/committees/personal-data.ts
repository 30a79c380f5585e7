import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rankSchema } from '../../../contracts/access.ts';
import type { AppContext } from '../../core/context.ts';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { runSql } from '../../core/db/statement.ts';
import type { Query } from '../../core/db/index.ts';
import { purgeUnattachedDocuments } from './board.ts';

const membershipFileSchema = z.array(
  z.object({
    committee: z.string(),
    rank: rankSchema,
    shareContact: z.boolean(),
    subscribed: z.boolean(),
    joinedAt: z.string(),
  }),
);

const boardFileSchema = z.object({
  posts: z.array(
    z.object({
      committee: z.string(),
      text: z.string(),
      links: z.array(z.string()),
      documents: z.array(z.string()),
      status: z.string(),
      at: z.string(),
    }),
  ),
  comments: z.array(
    z.object({ committee: z.string(), text: z.string(), status: z.string(), at: z.string() }),
  ),
});

/**
 * Erasing a person's board posts: their words, links and documents go. A post nobody else
 * answered goes whole; one others commented keeps their comments, under a post with no text
 * and no author, so that an erasure does not erase other members' words.
 */
async function erasePosts(query: Query, campaignId: number, people: Array<{ id: number }>) {
  const ids = people.map((person) => person.id);
  const answeredByOthers = sql`EXISTS (SELECT 1 FROM committee_post_comments c
    WHERE c.campaign_id = p.campaign_id AND c.post_id = p.id
      AND (c.author_id IS NULL OR c.author_id <> ALL(${ids})))`;
  const alone = await runSql<{ id: number }>(
    query,
    sql`DELETE FROM committee_posts p WHERE p.campaign_id = ${campaignId}
          AND p.author_id = ANY(${ids}) AND NOT ${answeredByOthers} RETURNING p.id`,
  );
  const blanked = await runSql<{ id: number }>(
    query,
    sql`UPDATE committee_posts p SET author_id = NULL, body = '', body_html = '', links = '[]'::jsonb
         WHERE p.campaign_id = ${campaignId} AND p.author_id = ANY(${ids}) RETURNING p.id`,
  );
  const postIds = [...alone, ...blanked].map((row) => Number(row.id));
  if (postIds.length === 0) return;
  await runSql(
    query,
    sql`DELETE FROM committee_post_documents WHERE campaign_id = ${campaignId} AND post_id = ANY(${postIds})`,
  );
  await runSql(
    query,
    sql`DELETE FROM committee_post_comments WHERE campaign_id = ${campaignId}
          AND post_id = ANY(${alone.map((row) => Number(row.id))})`,
  );
}

/** The person's posts and comments on committees' boards, for their data file. */
async function boardFile(ctx: AppContext, personId: number) {
  const posts = await runSql<{
    name: string;
    body: string;
    links: Array<{ url: string }>;
    documents: string[] | null;
    status: string;
    created_at: Date | string;
  }>(
    ctx.database,
    sql`SELECT c.name, p.body, p.links, p.status, p.created_at,
               (SELECT array_agg(d.name ORDER BY d.id) FROM committee_post_documents d
                 WHERE d.campaign_id = p.campaign_id AND d.post_id = p.id) AS documents
          FROM committee_posts p
          JOIN committees c ON c.campaign_id = p.campaign_id AND c.id = p.committee_id
         WHERE p.campaign_id = ${ctx.campaignId} AND p.author_id = ${personId}
         ORDER BY p.id`,
  );
  const comments = await runSql<{
    name: string;
    body: string;
    status: string;
    created_at: Date | string;
  }>(
    ctx.database,
    sql`SELECT c.name, m.body, m.status, m.created_at FROM committee_post_comments m
          JOIN committee_posts p ON p.campaign_id = m.campaign_id AND p.id = m.post_id
          JOIN committees c ON c.campaign_id = p.campaign_id AND c.id = p.committee_id
         WHERE m.campaign_id = ${ctx.campaignId} AND m.author_id = ${personId}
         ORDER BY m.id`,
  );
  return {
    posts: posts.map((row) => ({
      committee: row.name,
      text: row.body,
      links: row.links.map((link) => link.url),
      documents: row.documents ?? [],
      status: row.status,
      at: new Date(row.created_at).toISOString(),
    })),
    comments: comments.map((row) => ({
      committee: row.name,
      text: row.body,
      status: row.status,
      at: new Date(row.created_at).toISOString(),
    })),
  };
}

/** What committees hold about people (see core/personal-data). */
export const committeesPersonalData: PersonalData = {
  feature: 'committees',
  processing: {
    name: 'Local committees',
    purpose: 'Run local committees: members, messages from organisers, the committee board.',
    legalBasis: ['consent', 'legitimate_interests'],
    people: 'Committee members, followers and organisers.',
    data: 'Membership and rank, what members share, posts, comments and documents on the board.',
    recipients:
      "The committee's organisers and members (what each chose to share); national staff.",
    retention:
      'As long as the membership; posts and comments deleted with their author on erasure; unattached documents purged.',
    fr: {
      name: 'Comités locaux',
      purpose:
        'Faire vivre les comités locaux : membres, messages des animateurs, tableau d’affichage du comité.',
      people: 'Membres, abonnés et animateurs des comités.',
      data: 'Appartenance et rang, ce que les membres partagent, messages, commentaires et documents publiés sur le tableau d’affichage.',
      recipients:
        'Les animateurs et les membres du comité (ce que chacun a choisi de partager) ; l’équipe nationale.',
      retention:
        'Aussi longtemps que l’appartenance au comité ; messages et commentaires supprimés avec leur auteur lors de son effacement ; documents non rattachés purgés.',
    },
  },
  tables: [
    {
      table: 'committee_members',
      holds: 'The committees a person joined or follows, their rank and what they share.',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'committees',
      holds: 'Committees: who created each, and the contact its organisers published.',
      personColumns: { created_by: 'move' },
      erase: {
        keep: 'A committee belongs to its members; its creator id is that of an erased person.',
      },
    },
    {
      table: 'committee_messages',
      holds: 'Messages an organiser wrote to the members: their author.',
      personColumns: { author_id: 'move' },
      erase: {
        keep: 'A message belongs to the committee that received it; its author id is that of an erased person.',
      },
    },
    {
      table: 'committee_posts',
      holds: "What a member posted on a committee's board (text, links), and who wrote it.",
      personColumns: { author_id: 'move' },
      // Their words go; others' comments under them stay, under an empty, authorless post.
      erase: { run: (query, campaignId, people) => erasePosts(query, campaignId, people) },
    },
    {
      table: 'committee_post_comments',
      holds: "Comments a member wrote under the board's posts.",
      personColumns: { author_id: 'move' },
      otherIds: { post_id: 'the post it is under' },
      erase: { deleteWhere: 'author_id' },
    },
    {
      table: 'committee_post_documents',
      holds: 'Documents a member attached to their posts (or uploaded for one), and who did.',
      personColumns: { uploaded_by: 'move' },
      otherIds: { post_id: 'the post it is attached to (none until then)' },
      erase: { deleteWhere: 'uploaded_by' },
    },
  ],
  purges: [{ name: 'unattachedBoardDocuments', run: purgeUnattachedDocuments }],
  dataFile: [
    {
      key: 'committees',
      schema: membershipFileSchema,
      async read(ctx, personId) {
        const rows = await runSql<{
          name: string;
          rank: z.infer<typeof rankSchema>;
          share_contact: boolean;
          subscribed: boolean;
          joined_at: Date | string;
        }>(
          ctx.database,
          sql`SELECT c.name, m.rank, m.share_contact, m.subscribed, m.joined_at
                FROM committee_members m
                JOIN committees c ON c.campaign_id = m.campaign_id AND c.id = m.committee_id
               WHERE m.campaign_id = ${ctx.campaignId} AND m.person_id = ${personId}
               ORDER BY m.joined_at`,
        );
        return rows.map((row) => ({
          committee: row.name,
          rank: row.rank,
          shareContact: row.share_contact,
          subscribed: row.subscribed,
          joinedAt: new Date(row.joined_at).toISOString(),
        }));
      },
    },
    { key: 'committeeBoard', schema: boardFileSchema, read: boardFile },
  ],
  keepsProspect: [
    {
      key: 'membership',
      reason: 'a committee membership',
      holds: (campaignId, person) =>
        sql`EXISTS (SELECT 1 FROM committee_members k WHERE k.campaign_id = ${campaignId} AND k.person_id = ${person})`,
    },
  ],
};
