import { sql } from 'drizzle-orm';
import type { Note } from '../../../contracts/person-records.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/http/errors.ts';
import type { AuthState } from '../../core/http/session.ts';
import { actorNameSql, assertPersonExists, isoDate } from './records.ts';

interface NoteRow {
  id: number;
  body: string;
  author_id: number | null;
  author_name: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Authors edit and delete their own notes; `notes.manage` (admins) anyone's. */
const mayEdit = (auth: AuthState, authorId: number | null) =>
  authorId === auth.personId || auth.permissions.includes('notes.manage');

const toNote = (row: NoteRow, auth: AuthState): Note => {
  const authorId = row.author_id === null ? null : Number(row.author_id);
  return {
    id: Number(row.id),
    body: row.body,
    authorId,
    authorName: row.author_name,
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
    editable: mayEdit(auth, authorId),
  };
};

/** A person's notes, newest first, a page at a time. */
export async function listNotes(
  ctx: AppContext,
  personId: number,
  page: { page: number; pageSize: number },
  auth: AuthState,
) {
  await assertPersonExists(ctx, personId);
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.query<NoteRow>(
      sql`SELECT n.id, n.body, n.author_id, n.created_at, n.updated_at, ${actorNameSql('a')} AS author_name
         FROM person_notes n LEFT JOIN people a ON a.campaign_id = n.campaign_id AND a.id = n.author_id
        WHERE n.campaign_id = ${ctx.campaignId} AND n.person_id = ${personId}
        ORDER BY n.created_at DESC, n.id DESC LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
    ),
    ctx.database.query<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM person_notes WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`,
    ),
  ]);
  return { items: rows.map((row) => toNote(row, auth)), total, ...page };
}

const noteAudit = (
  ctx: AppContext,
  auth: AuthState,
  action: string,
  personId: number,
  noteId: number,
  ip?: string,
) =>
  audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId: auth.personId,
    action,
    target: `person:${personId}`,
    // The note's id, never its text: the log outlives the person's data.
    details: { noteId },
    ip,
  });

export async function addNote(
  ctx: AppContext,
  personId: number,
  body: string,
  auth: AuthState,
  ip?: string,
): Promise<Note> {
  await assertPersonExists(ctx, personId);
  const [row] = await ctx.database.query<NoteRow>(
    sql`INSERT INTO person_notes (campaign_id, person_id, author_id, body) VALUES (${ctx.campaignId}, ${personId}, ${auth.personId}, ${body})
     RETURNING id, body, author_id, created_at, updated_at, NULL::text AS author_name`,
  );
  await noteAudit(ctx, auth, 'person.note_add', personId, Number(row.id), ip);
  const [named] = await ctx.database.query<{ name: string | null }>(
    sql`SELECT ${actorNameSql('a')} AS name FROM people a WHERE a.campaign_id = ${ctx.campaignId} AND a.id = ${auth.personId}`,
  );
  return toNote({ ...row, author_name: named?.name ?? null }, auth);
}

/** The note, checked to be this person's and editable by the viewer (else 404 / 403). */
async function editableNote(ctx: AppContext, personId: number, noteId: number, auth: AuthState) {
  await assertPersonExists(ctx, personId);
  const [note] = await ctx.database.query<{ author_id: number | null }>(
    sql`SELECT author_id FROM person_notes WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId} AND id = ${noteId}`,
  );
  if (!note) throw notFound('note');
  const authorId = note.author_id === null ? null : Number(note.author_id);
  if (!mayEdit(auth, authorId))
    throw forbidden('Only its author or an administrator may change a note.');
}

export async function updateNote(
  ctx: AppContext,
  personId: number,
  noteId: number,
  body: string,
  auth: AuthState,
  ip?: string,
): Promise<Note> {
  await editableNote(ctx, personId, noteId, auth);
  await ctx.database.query(
    sql`UPDATE person_notes SET body = ${body}, updated_at = now() WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId} AND id = ${noteId}`,
  );
  await noteAudit(ctx, auth, 'person.note_edit', personId, noteId, ip);
  const [row] = await ctx.database.query<NoteRow>(
    sql`SELECT n.id, n.body, n.author_id, n.created_at, n.updated_at, ${actorNameSql('a')} AS author_name
       FROM person_notes n LEFT JOIN people a ON a.campaign_id = n.campaign_id AND a.id = n.author_id
      WHERE n.campaign_id = ${ctx.campaignId} AND n.id = ${noteId}`,
  );
  return toNote(row, auth);
}

export async function deleteNote(
  ctx: AppContext,
  personId: number,
  noteId: number,
  auth: AuthState,
  ip?: string,
): Promise<void> {
  await editableNote(ctx, personId, noteId, auth);
  await ctx.database.query(
    sql`DELETE FROM person_notes WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId} AND id = ${noteId}`,
  );
  await noteAudit(ctx, auth, 'person.note_delete', personId, noteId, ip);
}
