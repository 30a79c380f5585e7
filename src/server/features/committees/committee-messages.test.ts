import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import { mailBeforeSend } from '../compliance/mail-gate.ts';
import {
  Browser,
  createTestApp,
  engines,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';

const NAMES = ['Aurore', 'Bastien', 'Céleste', 'Denis', 'Elsa', 'Fanny'];

describe.each(engines)('committee messages on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  const supporter = () => {
    n += 1;
    return supporterBrowser(t, `member-${n}@messages.example`, {
      firstName: NAMES[n % NAMES.length],
    });
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('mails the subscribed members from a rank up, each with their own one-click unsubscribe', async () => {
    const organiser = await supporter();
    const committee = (
      await organiser.browser.post('/api/committees', {
        name: 'Comité Gerland',
        place: { postalCode: '69007' },
      })
    ).json() as Committee;
    const url = `/api/committees/${committee.id}`;
    const member = await supporter();
    const follower = await supporter();
    await member.browser.put(`${url}/membership`, { as: 'member' });
    await follower.browser.put(`${url}/membership`, { as: 'follower' });

    const since = t.smtp.received.length;
    const sent = await organiser.browser.post(`${url}/messages`, {
      subject: 'Tractage samedi',
      body: 'Rendez-vous **place Jean Jaurès** à 10 h. <script>alert(1)</script>',
      lowestRank: 'member',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ recipients: 2 });
    const mail = await t.smtp.waitFor(
      member.email,
      (m) => m.subject === '[Comité Gerland] Tractage samedi',
      10_000,
      since,
    );
    expect(mail.html).toContain('<strong>place Jean Jaurès</strong>');
    expect(mail.html).not.toContain('<script');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const link = /<(http[^>]+)>/.exec(mail.headers['list-unsubscribe']!)![1]!;
    expect(mail.text).toContain(link);
    await t.smtp.waitFor(
      organiser.email,
      (m) => m.subject.startsWith('[Comité Gerland]'),
      10_000,
      since,
    );
    expect(t.smtp.received.slice(since).some((m) => m.to === follower.email)).toBe(false);

    const history = (await member.browser.get(`${url}/messages`)).json() as Array<{
      subject: string;
      bodyHtml: string;
    }>;
    expect(history[0]).toMatchObject({ subject: 'Tractage samedi' });
    expect((await follower.browser.get(`${url}/messages`)).statusCode).toBe(403);

    // The mail client's one-click unsubscribe (RFC 8058): a POST to the link, no session.
    const path = new URL(link).pathname + new URL(link).search;
    const oneClick = await new Browser(t.app, '10.50.0.1').request(
      'POST',
      path,
      'List-Unsubscribe=One-Click',
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(oneClick.statusCode).toBe(204);
    const again = await organiser.browser.post(`${url}/messages`, {
      subject: 'Encore',
      body: 'Deuxième message',
      lowestRank: 'member',
    });
    expect(again.json()).toMatchObject({ recipients: 1 });
    // Still a member: only the messages stop.
    expect((await member.browser.get(url)).json().myMembership).toMatchObject({
      rank: 'member',
      subscribed: false,
    });

    // A mail queued before an unsubscribe is not sent: the gate reads the subscription when sending.
    const [queued] = await t.ctx.database.query<{ id: number }>(
      "SELECT id FROM mail_outbox WHERE campaign_id = $1 AND person_id = $2 AND kind = 'committee_message' ORDER BY id DESC LIMIT 1",
      [t.ctx.campaignId, organiser.personId],
    );
    const gate = async () =>
      (
        await mailBeforeSend(
          t.ctx.database,
          t.ctx.campaignId,
          [
            {
              id: queued!.id,
              personId: organiser.personId,
              to: 'organiser@example.org',
              purpose: 'committee_message',
              subscription: `committee:${committee.id}`,
            },
          ],
          new Date(),
        )
      ).get(queued!.id);
    expect(await gate()).toBe('send');
    await organiser.browser.put(`${url}/subscription`, { subscribed: false });
    expect(await gate()).toEqual({ suppress: 'opted_out' });
  });

  it('shows a page with a button for the footer link, and refuses a forged token', async () => {
    const visitor = new Browser(t.app, '10.50.0.2');
    const page = await visitor.get('/committees/unsubscribe?token=1.2.abc');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/committees/unsubscribe?page=1&amp;token=1.2.abc"');
    const forged = await visitor.request(
      'POST',
      '/committees/unsubscribe?token=1.2.abcdefghijkl',
      '',
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expect(forged.statusCode).toBe(400);
    const api = await visitor.post('/api/committees/unsubscribe', { token: '1.2.abcdefghijkl' });
    expect(api.json().code).toBeDefined();
  });

  it('keeps a member below manager from writing to the committee', async () => {
    const organiser = await supporter();
    const committee = (
      await organiser.browser.post('/api/committees', {
        name: 'Comité Vaise',
        place: { postalCode: '69009' },
      })
    ).json() as Committee;
    const member = await supporter();
    await member.browser.put(`/api/committees/${committee.id}/membership`, { as: 'member' });
    const refused = await member.browser.post(`/api/committees/${committee.id}/messages`, {
      subject: 'x',
      body: 'y',
    });
    expect(refused.statusCode).toBe(403);
  });
});
