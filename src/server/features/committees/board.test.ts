import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardComment, BoardDocument, BoardPost } from '../../../contracts/committee-board.ts';
import type { Committee } from '../../../contracts/committees.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';
import { erasePerson } from '../people/service.ts';
import { sniffDocument } from './board-documents.ts';

interface Page {
  items: BoardPost[];
  next: string | null;
  mayPin: boolean;
}
type Member = Awaited<ReturnType<typeof supporterBrowser>>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

/** A ZIP archive (stored, uncompressed) holding these entries, as Office and LibreOffice write. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const docx = (extra: Record<string, string> = {}) =>
  zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>', ...extra });

describe('what a document is, from its bytes', () => {
  it('reads PDF, images, Office and OpenDocument files, text and CSV', () => {
    expect(sniffDocument(PDF, 'tract.pdf')).toEqual({ type: 'application/pdf', name: 'tract.pdf' });
    expect(sniffDocument(docx(), 'compte rendu.docx').type).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const odt = zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' });
    expect(sniffDocument(odt, 'notes.odt').type).toBe('application/vnd.oasis.opendocument.text');
    expect(sniffDocument(Buffer.from('nom;rue\nA;B\n'), 'liste.csv').type).toBe('text/csv');
    expect(sniffDocument(Buffer.from('Réunion à 19 h'), 'note').name).toBe('note.txt');
  });

  it('refuses macros, old Office files, unknown bytes and a name that lies', () => {
    const code = (bytes: Buffer, name: string) => {
      try {
        sniffDocument(bytes, name);
        return 'accepted';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(code(docx({ 'word/vbaProject.bin': 'x' }), 'macro.docx')).toBe('document_type_refused');
    expect(code(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'a.doc')).toBe(
      'document_type_refused',
    );
    expect(code(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'setup.pdf')).toBe(
      'document_type_refused',
    );
    expect(code(zip({ 'a.txt': 'a' }), 'archive.docx')).toBe('document_type_refused');
    expect(code(Buffer.from('<script>alert(1)</script>'), 'photo.png')).toBe(
      'document_type_mismatch',
    );
    expect(code(PDF, 'tract.docx')).toBe('document_type_mismatch');
    expect(code(Buffer.from('<html></html>'), 'page.html')).toBe('document_type_mismatch');
  });

  it('keeps a safe name: no folder, no quote or control character', () => {
    expect(sniffDocument(PDF, '../../etc/"pass\r\nwd".pdf').name).toBe('passwd.pdf');
    expect(sniffDocument(PDF, 'C:\\Users\\x\\Tract été.pdf').name).toBe('Tract été.pdf');
  });
});

describe.each(engines)('the committee board on %s', (engine) => {
  let t: TestApp;
  let organiser: Member;
  let alice: Member;
  let basile: Member;
  let follower: Member;
  let outsider: Member;
  let otherOrganiser: Member;
  let committee: Committee;
  let other: Committee;
  let n = 0;

  const person = (name: string) => {
    n += 1;
    return supporterBrowser(t, `board-${n}@committees.example`, { firstName: name });
  };
  const join = async (who: Member, id: number, as: 'member' | 'follower') => {
    const response = await who.browser.put(`/api/committees/${id}/membership`, { as });
    expect(response.statusCode, response.body).toBe(200);
  };
  const base = (id = committee.id) => `/api/committees/${id}`;
  const upload = (who: Member, file: Buffer, fileName: string, id = committee.id) => {
    const { body, headers } = multipart(file, undefined, { fileName });
    return who.browser.request('POST', `${base(id)}/documents`, body, headers);
  };
  const post = async (who: Member, body: Record<string, unknown>, id = committee.id) =>
    who.browser.post(`${base(id)}/posts`, body);
  const board = async (who: Member, after?: string) =>
    (await who.browser.get(`${base()}/posts${after ? `?after=${after}` : ''}`)).json() as Page;
  const count = async (table: string) =>
    (await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp(engine);
    organiser = await person('Olivia');
    alice = await person('Alice');
    basile = await person('Basile');
    follower = await person('Félix');
    outsider = await person('Xavier');
    otherOrganiser = await person('Ophélie');
    committee = (
      await organiser.browser.post('/api/committees', {
        name: 'Comité du tableau',
        place: { postalCode: '69001' },
      })
    ).json() as Committee;
    other = (
      await otherOrganiser.browser.post('/api/committees', {
        name: 'Autre comité',
        place: { postalCode: '75001' },
      })
    ).json() as Committee;
    await join(alice, committee.id, 'member');
    await join(basile, committee.id, 'member');
    await join(follower, committee.id, 'follower');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a member posts Markdown, a link and a document; another comments and downloads it', async () => {
    const uploaded = await upload(alice, PDF, 'Tract du marché.pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const document = uploaded.json() as BoardDocument;
    expect(document).toMatchObject({ name: 'Tract du marché.pdf', type: 'application/pdf' });

    const created = await post(alice, {
      body: '**Marché samedi** <script>alert(1)</script> <img src=x onerror=alert(1)> [piège](javascript:alert(1))',
      links: ['https://exemple.fr/tract?x=1'],
      documentIds: [document.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const made = created.json() as BoardPost;
    expect(made.bodyHtml).toContain('<strong>Marché samedi</strong>');
    expect(made.bodyHtml).not.toMatch(/<script|onerror|<img|javascript:/i);
    expect(made.links).toEqual([{ url: 'https://exemple.fr/tract?x=1', host: 'exemple.fr' }]);
    expect(made).toMatchObject({ author: 'Alice Durand', mine: true, erased: false, comments: 0 });

    const seen = await board(basile);
    expect(seen.items[0]).toMatchObject({ id: made.id, mine: false, may: { delete: false } });
    expect(seen.mayPin).toBe(false);
    expect(seen.items[0]!.documents).toEqual([document]);

    const comment = await basile.browser.post(`${base()}/posts/${made.id}/comments`, {
      body: 'Je viens, *avec des tracts*.',
    });
    expect(comment.statusCode, comment.body).toBe(201);
    expect((comment.json() as BoardComment).bodyHtml).toContain('<em>avec des tracts</em>');
    expect((await board(alice)).items[0]!.comments).toBe(1);

    const file = await basile.browser.get(`${base()}/documents/${document.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Tract du marche.pdf"; filename*=UTF-8''Tract%20du%20march%C3%A9.pdf`,
    );
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses bad input with its code and changes nothing', async () => {
    const posts = await count('committee_posts');
    const documents = await count('committee_post_documents');
    const script = await post(alice, { body: 'Lien', links: ['javascript:alert(1)'] });
    expect(script.statusCode).toBe(400);
    expect(script.json().errors).toEqual([
      expect.objectContaining({ field: 'links.0', code: 'invalid_url' }),
    ]);
    expect((await post(alice, { body: 'x', links: ['data:text/html,<b>'] })).statusCode).toBe(400);
    expect((await post(alice, { body: '   ' })).json().errors[0].code).toBe('required');

    const lying = await upload(
      alice,
      Buffer.from('<html><script>alert(1)</script></html>'),
      'a.pdf',
    );
    expect(lying.statusCode).toBe(400);
    expect(lying.json().code).toBe('document_type_mismatch');
    expect(lying.json().detail).toContain('plain text');
    const empty = await upload(alice, Buffer.alloc(0), 'vide.pdf');
    expect(empty.json().code).toBe('document_empty');
    const huge = await upload(
      alice,
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]),
      'gros.pdf',
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'document_too_large' });
    expect(huge.json().detail).toContain('10 MB');
    const macro = await upload(alice, docx({ 'word/vbaProject.bin': 'x' }), 'macro.docx');
    expect(macro.json().code).toBe('document_type_refused');

    // Someone else's document, or another committee's, cannot be attached: nothing is posted.
    const basiles = (await upload(basile, PDF, 'b.pdf')).json() as BoardDocument;
    const stolen = await post(alice, { body: 'Le document de Basile', documentIds: [basiles.id] });
    expect(stolen.statusCode).toBe(404);
    expect(await count('committee_posts')).toBe(posts);
    expect(await count('committee_post_documents')).toBe(documents + 1);
    // Unattached, it is nobody's to read.
    expect((await basile.browser.get(`${base()}/documents/${basiles.id}`)).statusCode).toBe(404);
  });

  it('refuses followers, non-members and another committee’s organiser', async () => {
    const { items } = await board(alice);
    const postId = items[0]!.id;
    const documentId = items[0]!.documents[0]!.id;
    for (const who of [follower, outsider, otherOrganiser]) {
      for (const [method, url, body] of [
        ['GET', `${base()}/posts`, undefined],
        ['POST', `${base()}/posts`, { body: 'Intrusion' }],
        ['GET', `${base()}/posts/${postId}/comments`, undefined],
        ['POST', `${base()}/posts/${postId}/comments`, { body: 'Intrusion' }],
        ['GET', `${base()}/documents/${documentId}`, undefined],
        ['DELETE', `${base()}/posts/${postId}`, undefined],
      ] as const) {
        const response = await who.browser.request(method, url, body);
        expect([url, response.statusCode, response.json().code]).toEqual([url, 403, 'forbidden']);
      }
    }
    const anonymous = new Browser(t.app, '10.44.0.1');
    await anonymous.session();
    expect((await anonymous.get(`${base()}/documents/${documentId}`)).statusCode).toBe(401);
  });

  it('answers 404 for another committee’s posts, comments and documents under this path', async () => {
    const theirDocument = (
      await upload(otherOrganiser, PDF, 'autre.pdf', other.id)
    ).json() as BoardDocument;
    const theirs = (
      await post(otherOrganiser, { body: 'Chez nous', documentIds: [theirDocument.id] }, other.id)
    ).json() as BoardPost;
    const theirComment = (
      await otherOrganiser.browser.post(`${base(other.id)}/posts/${theirs.id}/comments`, {
        body: 'Oui',
      })
    ).json() as BoardComment;
    // The organiser of this committee, under this committee's path, with the other's ids.
    const o = organiser.browser;
    expect((await o.get(`${base()}/documents/${theirDocument.id}`)).statusCode).toBe(404);
    expect((await o.get(`${base()}/posts/${theirs.id}/comments`)).statusCode).toBe(404);
    expect((await o.post(`${base()}/posts/${theirs.id}/comments`, { body: 'x' })).statusCode).toBe(
      404,
    );
    expect((await o.delete(`${base()}/posts/${theirs.id}`)).statusCode).toBe(404);
    expect((await o.put(`${base()}/posts/${theirs.id}/pin`, { pinned: true })).statusCode).toBe(
      404,
    );
    expect(
      (await o.delete(`${base()}/posts/${theirs.id}/comments/${theirComment.id}`)).statusCode,
    ).toBe(404);
    const ownPost = (await board(organiser)).items[0]!.id;
    expect(
      (await o.delete(`${base()}/posts/${ownPost}/comments/${theirComment.id}`)).statusCode,
    ).toBe(404);
    // And another committee's organiser cannot attach their upload here.
    expect(
      (await post(otherOrganiser, { body: 'x', documentIds: [theirDocument.id] })).statusCode,
    ).toBe(403);
    expect((await otherOrganiser.browser.get(`${base(other.id)}/posts`)).json().items).toHaveLength(
      1,
    );
  });

  it('authors edit and delete their comments; managers delete any and pin; others cannot', async () => {
    const target = (await post(basile, { body: 'Qui tracte dimanche ?' })).json() as BoardPost;
    const url = `${base()}/posts/${target.id}/comments`;
    const mine = (await alice.browser.post(url, { body: 'Moi' })).json() as BoardComment;
    expect(mine.may).toEqual({ edit: true, delete: true });
    const edited = await alice.browser.put(`${url}/${mine.id}`, { body: 'Moi, **le matin**' });
    expect(edited.statusCode).toBe(200);
    expect((edited.json() as BoardComment).editedAt).not.toBeNull();
    const notMine = await basile.browser.put(`${url}/${mine.id}`, { body: 'Changé' });
    expect([notMine.statusCode, notMine.json().code]).toEqual([403, 'not_author']);
    expect((await basile.browser.delete(`${url}/${mine.id}`)).json().code).toBe('not_author');
    expect((await organiser.browser.put(`${url}/${mine.id}`, { body: 'x' })).statusCode).toBe(403);
    const list = (await basile.browser.get(url)).json() as BoardComment[];
    expect(list.map((c) => c.body)).toEqual(['Moi, **le matin**']);
    expect(list[0]!.may).toEqual({ edit: false, delete: false });
    expect((await organiser.browser.delete(`${url}/${mine.id}`)).statusCode).toBe(200);
    expect((await basile.browser.get(url)).json()).toEqual([]);

    expect((await alice.browser.delete(`${base()}/posts/${target.id}`)).json().code).toBe(
      'not_author',
    );
    const pin = `${base()}/posts/${target.id}/pin`;
    expect((await alice.browser.put(pin, { pinned: true })).statusCode).toBe(403);
    expect((await organiser.browser.put(pin, { pinned: true })).statusCode).toBe(200);
    await post(alice, { body: 'Plus récent' });
    const page = await board(organiser);
    expect(page.mayPin).toBe(true);
    expect(page.items[0]).toMatchObject({ id: target.id, pinned: true, may: { delete: true } });
    expect(page.items[1]!.bodyHtml).toContain('Plus récent');
    expect((await basile.browser.delete(`${base()}/posts/${target.id}`)).statusCode).toBe(200);
    expect((await board(alice)).items.some((p) => p.id === target.id)).toBe(false);
    // The organiser removed Alice's comment: that is in the audit log; an author's own is not.
    const removals = await t.ctx.database.query<{ actor_id: string; details: unknown }>(
      `SELECT actor_id::text, details FROM audit_log WHERE action = 'committees.board.remove'
        AND target = 'committee:' || $1`,
      [String(committee.id)],
    );
    expect(removals).toEqual([
      {
        actor_id: String(organiser.personId),
        details: { postId: target.id, commentId: mine.id, authorId: alice.personId },
      },
    ]);
  });

  it('pages by keyset: pinned first, then newest, none twice', async () => {
    const writer = await person('Paginé');
    const small = (
      await writer.browser.post('/api/committees', {
        name: 'Comité paginé',
        place: { postalCode: '13001' },
      })
    ).json() as Committee;
    const ids: number[] = [];
    for (let i = 0; i < 23; i += 1) {
      ids.push(((await post(writer, { body: `Post ${i}` }, small.id)).json() as BoardPost).id);
    }
    await writer.browser.put(`${base(small.id)}/posts/${ids[3]}/pin`, { pinned: true });
    const first = (await writer.browser.get(`${base(small.id)}/posts`)).json() as Page;
    expect(first.items).toHaveLength(20);
    expect(first.next).not.toBeNull();
    const second = (
      await writer.browser.get(`${base(small.id)}/posts?after=${first.next}`)
    ).json() as Page;
    expect(second.next).toBeNull();
    const order = [...first.items, ...second.items].map((p) => p.id);
    expect(order).toEqual([ids[3], ...ids.filter((id) => id !== ids[3]).reverse()]);
    expect((await writer.browser.get(`${base(small.id)}/posts?after=1;DROP`)).json().code).toBe(
      'validation_failed',
    );
  });

  it('members report posts and comments; moderators unpublish; a ban hides all its author wrote', async () => {
    const moderator = await staffBrowser(t, 'moderator@board.example', ['moderator']);
    const troll = await person('Troll');
    await join(troll, committee.id, 'member');
    const alices = (await post(alice, { body: 'Post d’Alice' })).json() as BoardPost;
    const document = (await upload(troll, PDF, 'troll.pdf')).json() as BoardDocument;
    const bad = (
      await post(troll, { body: 'Message haineux', documentIds: [document.id] })
    ).json() as BoardPost;
    const second = (await post(troll, { body: 'Autre message' })).json() as BoardPost;
    const onOthers = (
      await troll.browser.post(`${base()}/posts/${alices.id}/comments`, {
        body: 'Commentaire haineux',
      })
    ).json() as BoardComment;

    const report = (who: Member, targetKind: string, targetId: number) =>
      who.browser.post('/api/reports', { targetKind, targetId, reason: 'hate' });
    expect((await report(alice, 'committee_post', bad.id)).statusCode).toBe(201);
    expect((await report(basile, 'committee_comment', onOthers.id)).statusCode).toBe(201);
    // Those who cannot see the board cannot report what is on it.
    expect((await report(outsider, 'committee_post', bad.id)).statusCode).toBe(404);
    expect((await report(follower, 'committee_post', bad.id)).statusCode).toBe(404);
    const visitor = new Browser(t.app, '10.44.0.2');
    await visitor.session();
    const anonymous = await visitor.post('/api/reports', {
      targetKind: 'committee_post',
      targetId: bad.id,
      reason: 'hate',
    });
    expect(anonymous.statusCode).toBe(404);

    const queue = (await moderator.get('/api/moderation/queue')).json() as {
      items: Array<{ target: { kind: string; id: number; title: string; url: string } }>;
    };
    expect(queue.items.map((i) => i.target)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'committee_post',
          id: bad.id,
          title: 'Message haineux',
          url: `/me/committees/${committee.id}/manage#post-${bad.id}`,
        }),
      ]),
    );
    const unpublished = await moderator.post('/api/moderation/decisions', {
      targetKind: 'committee_post',
      targetId: bad.id,
      action: 'unpublish',
      message: 'Propos haineux.',
    });
    expect(unpublished.statusCode, unpublished.body).toBe(201);
    expect((await board(alice)).items.some((p) => p.id === bad.id)).toBe(false);
    expect((await alice.browser.get(`${base()}/documents/${document.id}`)).statusCode).toBe(404);
    expect((await alice.browser.get(`${base()}/posts/${bad.id}/comments`)).statusCode).toBe(404);

    const banned = await moderator.post('/api/moderation/decisions', {
      targetKind: 'committee_comment',
      targetId: onOthers.id,
      action: 'ban',
      message: 'Récidive.',
    });
    expect(banned.statusCode, banned.body).toBe(201);
    const after = await board(alice);
    expect(after.items.some((p) => p.id === second.id)).toBe(false);
    const commentsLeft = (
      await alice.browser.get(`${base()}/posts/${alices.id}/comments`)
    ).json() as BoardComment[];
    expect(commentsLeft.some((c) => c.id === onOthers.id)).toBe(false);
    for (const refused of [
      await post(troll, { body: 'Encore' }),
      await troll.browser.post(`${base()}/posts/${alices.id}/comments`, { body: 'Encore' }),
      await upload(troll, PDF, 'encore.pdf'),
    ]) {
      expect([refused.statusCode, refused.json().code]).toEqual([403, 'posting_banned']);
    }
  });

  it('erasure removes the person’s words and documents, keeping others’ comments', async () => {
    const leaving = await person('Léa');
    await join(leaving, committee.id, 'member');
    const document = (await upload(leaving, PDF, 'lea.pdf')).json() as BoardDocument;
    const answered = (
      await post(leaving, { body: 'Texte de Léa', documentIds: [document.id] })
    ).json() as BoardPost;
    const alone = (await post(leaving, { body: 'Sans réponse' })).json() as BoardPost;
    await alice.browser.post(`${base()}/posts/${answered.id}/comments`, { body: 'Réponse' });
    await leaving.browser.post(`${base()}/posts/${answered.id}/comments`, { body: 'Merci' });

    const file = (await leaving.browser.get('/api/me/export')).json() as {
      committeeBoard: { posts: Array<{ text: string; documents: string[] }>; comments: unknown[] };
    };
    expect(file.committeeBoard.posts).toEqual([
      expect.objectContaining({ text: 'Texte de Léa', documents: ['lea.pdf'] }),
      expect.objectContaining({ text: 'Sans réponse' }),
    ]);
    expect(file.committeeBoard.comments).toHaveLength(1);

    await erasePerson(t.ctx, leaving.personId, null);
    const page = await board(alice);
    expect(page.items.some((p) => p.id === alone.id)).toBe(false);
    const kept = page.items.find((p) => p.id === answered.id)!;
    expect(kept).toMatchObject({
      erased: true,
      author: null,
      bodyHtml: '',
      links: [],
      documents: [],
    });
    const comments = (
      await alice.browser.get(`${base()}/posts/${answered.id}/comments`)
    ).json() as BoardComment[];
    expect(comments.map((c) => c.body)).toEqual(['Réponse']);
    const left = await t.ctx.database.query(
      `SELECT 1 FROM committee_post_documents WHERE uploaded_by = $1`,
      [leaving.personId],
    );
    expect(left).toEqual([]);
  });
});
