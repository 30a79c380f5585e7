import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinanceGift } from '../../../contracts/donations-finance.ts';
import type {
  ApiToken,
  WebhookDelivery,
  WebhookEndpoint,
} from '../../../contracts/integrations.ts';
import { sha256 } from '../../core/crypto.ts';
import { eventually } from '../../testing/captured-log.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { openCandidateDonations } from '../donations/test-fixtures.ts';
import { visitsStoredListeners } from '../field/canvass/sync.ts';
import type { AppContext } from '../../core/context.ts';
import { webhookSender } from './channel.ts';
import { createEndpoint } from './endpoints.ts';
import { signatureHeader, verifySignature } from './signature.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on loopback that keeps what it receives and answers `status`. */
async function receiver() {
  const received: Received[] = [];
  const state = { status: 200 };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(state.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/levier`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('webhook endpoints in production', () => {
  it('refuses an address that is not https, before writing anything', async () => {
    const production = { config: { production: true } } as unknown as AppContext;
    await expect(
      createEndpoint(
        production,
        { url: 'http://crm.example/hook', events: ['signup'], enabled: true },
        { personId: 1, permissions: ['people.read'], ip: '127.0.0.1' },
      ),
    ).rejects.toMatchObject({ status: 400, code: 'https_required' });
  });
});

describe.each(engines)('integrations on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;
  let hook: Awaited<ReturnType<typeof receiver>>;
  const inCampaign = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.ctx.database.query<T>(text, [t.ctx.campaignId, ...params]);
  /** A request carrying only the token: no cookie, no CSRF token. */
  const withToken = (secret: string, method: string, url: string, body?: unknown) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: bearer(secret),
      ...(body !== undefined ? { payload: body as string } : {}),
    });
  const makeToken = async (browser: Browser, body: Record<string, unknown>) => {
    const response = await browser.post('/api/integrations/tokens', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { token: ApiToken; secret: string };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'admin@integrations.example', ['admin']);
    hook = await receiver();
  });
  afterAll(async () => {
    await hook?.close();
    await t?.close();
  });

  it('makes a token shown once, keeps only its hash, and acts with exactly its scopes', async () => {
    const { token, secret } = await makeToken(admin, {
      name: 'CRM sync',
      scopes: ['people.read', 'integrations.manage'],
    });
    expect(secret).toMatch(/^lvr_[\w-]{43}$/);
    expect(token).toMatchObject({ name: 'CRM sync', revokedAt: null, lastUsedAt: null });
    expect(token.prefix).toBe(secret.slice(0, 10));
    const stored = await inCampaign<Record<string, unknown>>(
      'SELECT * FROM api_tokens WHERE campaign_id = $1 AND id = $2',
      [token.id],
    );
    expect(stored[0]!.secret_hash).toBe(sha256(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = (await admin.get('/api/integrations/tokens')).json() as ApiToken[];
    expect(JSON.stringify(listed)).not.toContain(secret);

    // In scope: 200, with no cookie and no CSRF token, even for a write.
    const people = await withToken(secret, 'GET', '/api/people');
    expect(people.statusCode, people.body).toBe(200);
    const endpoint = await withToken(secret, 'POST', '/api/integrations/webhooks', {
      url: 'https://crm.example/hook',
      events: ['signup'],
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);

    // Out of scope: 403 problem+json, audited.
    const segments = await withToken(secret, 'POST', '/api/segments', { name: 'x', filter: {} });
    expect(segments.statusCode).toBe(403);
    expect(segments.headers['content-type']).toContain('application/problem+json');
    expect(segments.json()).toMatchObject({ code: 'forbidden' });
    // A person's own space, and making tokens, need a person.
    const mine = await withToken(secret, 'GET', '/api/me/committees');
    expect(mine.statusCode).toBe(403);
    const again = await withToken(secret, 'POST', '/api/integrations/tokens', {
      name: 'x',
      scopes: ['people.read'],
    });
    expect(again.statusCode).toBe(403);
    expect(again.json()).toMatchObject({ code: 'person_required' });
    // A public route answers a token as a visitor.
    expect((await withToken(secret, 'GET', '/api/session')).json()).toMatchObject({ me: null });

    const [used] = await inCampaign<{ last_used_at: Date | null }>(
      'SELECT last_used_at FROM api_tokens WHERE campaign_id = $1 AND id = $2',
      [token.id],
    );
    expect(used!.last_used_at).not.toBeNull();
    const audited = await inCampaign<{
      action: string;
      target: string;
      details: { reason?: string };
    }>(
      `SELECT action, target, details FROM audit_log WHERE campaign_id = $1 AND target = $2 ORDER BY id`,
      [`api_token:${token.id}`],
    );
    expect(audited.map((a) => [a.action, a.details.reason ?? null])).toEqual([
      ['api_token.created', null],
      ['api_token.refused', 'scope'],
      ['api_token.refused', 'scope'],
    ]);
  });

  it('refuses a revoked, expired or unknown token with 401, and audits it', async () => {
    const { token, secret } = await makeToken(admin, { name: 'old', scopes: ['people.read'] });
    expect((await admin.delete(`/api/integrations/tokens/${token.id}`)).statusCode).toBe(200);
    expect((await admin.delete(`/api/integrations/tokens/${token.id}`)).statusCode).toBe(404);
    const revoked = await withToken(secret, 'GET', '/api/people');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ code: 'unauthenticated' });

    const expired = await makeToken(admin, {
      name: 'expired',
      scopes: ['people.read'],
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await inCampaign(
      `UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE campaign_id = $1 AND id = $2`,
      [expired.token.id],
    );
    expect((await withToken(expired.secret, 'GET', '/api/people')).statusCode).toBe(401);
    expect((await withToken('lvr_nothing', 'GET', '/api/people')).statusCode).toBe(401);

    const reasons = await inCampaign<{ target: string; reason: string }>(
      `SELECT target, details->>'reason' AS reason FROM audit_log
        WHERE campaign_id = $1 AND action = 'api_token.refused' AND details->>'reason' <> 'scope'
        ORDER BY id`,
    );
    expect(reasons).toEqual([
      { target: `api_token:${token.id}`, reason: 'revoked' },
      { target: `api_token:${expired.token.id}`, reason: 'expired' },
      { target: 'api_token', reason: 'unknown' },
    ]);
    const actions = await inCampaign<{ action: string }>(
      `SELECT action FROM audit_log WHERE campaign_id = $1 AND target = $2 ORDER BY id`,
      [`api_token:${token.id}`],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'api_token.created',
      'api_token.revoked',
      'api_token.refused',
    ]);
  });

  it('limits a token’s requests a minute (429 problem+json)', async () => {
    const { secret } = await makeToken(admin, {
      name: 'slow',
      scopes: ['people.read'],
      ratePerMinute: 2,
    });
    expect((await withToken(secret, 'GET', '/api/people')).statusCode).toBe(200);
    expect((await withToken(secret, 'GET', '/api/people')).statusCode).toBe(200);
    const third = await withToken(secret, 'GET', '/api/people');
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ code: 'rate_limited' });
  });

  it('gives a token only scopes its maker holds, and takes them when the maker loses them', async () => {
    const staff = await staffBrowser(
      t,
      'staff@integrations.example',
      ['staff'],
      ['integrations.manage'],
    );
    const refused = await staff.post('/api/integrations/tokens', {
      name: 'too much',
      scopes: ['people.read', 'donations.manage'],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'scope_not_held' });
    const bad = await staff.post('/api/integrations/tokens', { name: '', scopes: [] });
    expect(bad.statusCode).toBe(400);
    const count = await inCampaign<{ n: number }>(
      'SELECT count(*)::int AS n FROM api_tokens WHERE campaign_id = $1 AND name = $2',
      ['too much'],
    );
    expect(count[0]!.n).toBe(0);

    const { secret } = await makeToken(staff, { name: 'staff', scopes: ['people.read'] });
    expect((await withToken(secret, 'GET', '/api/people')).statusCode).toBe(200);
    await staffBrowser(t, 'staff@integrations.example', [], ['integrations.manage']);
    expect((await withToken(secret, 'GET', '/api/people')).statusCode).toBe(403);

    const supporter = new Browser(t.app, '10.7.0.1');
    await signupAndConfirm(t, { email: 'nobody@integrations.example' });
    await supporter.login(t, 'nobody@integrations.example');
    expect((await supporter.get('/api/integrations/tokens')).statusCode).toBe(403);
  });

  it('lets each event type be chosen only by whom may read it (donations: finance)', async () => {
    const staff = await staffBrowser(
      t,
      'staff2@integrations.example',
      ['staff'],
      ['integrations.manage'],
    );
    const finance = await staffBrowser(
      t,
      'finance@integrations.example',
      ['finance'],
      ['integrations.manage'],
    );
    const donation = { url: 'https://crm.example/gifts', events: ['donation'] };
    const byStaff = await staff.post('/api/integrations/webhooks', donation);
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json()).toMatchObject({ code: 'event_not_allowed' });
    expect((await finance.post('/api/integrations/webhooks', donation)).statusCode).toBe(201);
    const visits = await finance.post('/api/integrations/webhooks', {
      url: 'https://crm.example/visits',
      events: ['visit'],
    });
    expect(visits.statusCode).toBe(403);
    expect(
      (await staff.post('/api/integrations/webhooks', { ...donation, events: ['visit', 'rsvp'] }))
        .statusCode,
    ).toBe(201);
    // A token of staff's cannot choose donations either.
    const { secret } = await makeToken(staff, {
      name: 'hooks',
      scopes: ['integrations.manage', 'people.read'],
    });
    expect(
      (await withToken(secret, 'POST', '/api/integrations/webhooks', donation)).statusCode,
    ).toBe(403);
  });

  it('delivers a signed sign-up to a loopback endpoint, retries a failure, and logs deliveries', async () => {
    const created = await admin.post('/api/integrations/webhooks', {
      url: hook.url,
      events: ['signup'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { endpoint, secret } = created.json() as { endpoint: WebhookEndpoint; secret: string };
    expect(secret).toMatch(/^whsec_/);

    const personId = await signupAndConfirm(t, { email: 'hooked@integrations.example' });
    await webhookSender(t.ctx).drain();
    const delivery = await eventually('the sign-up delivered', () =>
      hook.received.find((r) => r.body.includes(`"personId":${personId}`)),
    );
    const body = JSON.parse(delivery.body) as { id: string; type: string; data: object };
    expect(body).toMatchObject({ type: 'signup', data: { personId } });
    // Ids only: no name, address or email.
    expect(delivery.body).not.toContain('hooked@');
    expect(delivery.body).not.toContain('Camille');
    expect(delivery.headers['levier-event']).toBe(body.id);
    expect(delivery.headers['levier-delivery']).toMatch(/^\d+$/);
    const header = delivery.headers['levier-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, delivery.body, header)).toBe(true);
    // A tampered body, another secret or an old timestamp fail.
    expect(verifySignature(secret, delivery.body.replace(String(personId), '1'), header)).toBe(
      false,
    );
    expect(verifySignature('whsec_other', delivery.body, header)).toBe(false);
    const old = Math.floor(Date.now() / 1000) - 600;
    expect(
      verifySignature(secret, delivery.body, signatureHeader(secret, delivery.body, old)),
    ).toBe(false);

    const log = (
      await admin.get(`/api/integrations/webhooks/${endpoint.id}/deliveries`)
    ).json() as { items: WebhookDelivery[] };
    expect(log.items[0]).toMatchObject({ event: 'signup', status: 'sent', lastStatus: 200 });

    // The endpoint fails: the delivery waits with its error, and goes once it answers.
    hook.state.status = 500;
    const second = await signupAndConfirm(t, { email: 'hooked2@integrations.example' });
    const failed = await eventually('a failed try', async () => {
      await webhookSender(t.ctx).drain();
      const page = (
        await admin.get(`/api/integrations/webhooks/${endpoint.id}/deliveries`)
      ).json() as { items: WebhookDelivery[] };
      return page.items.find((d) => d.attempts >= 1 && d.lastStatus === 500);
    });
    expect(failed).toMatchObject({
      status: 'pending',
      lastError: 'The endpoint answered HTTP 500.',
    });
    hook.state.status = 204;
    await inCampaign(
      'UPDATE webhook_deliveries SET next_attempt_at = now() WHERE campaign_id = $1 AND id = $2',
      [failed.id],
    );
    await webhookSender(t.ctx).drain();
    await eventually('the retry delivered', async () => {
      const page = (
        await admin.get(`/api/integrations/webhooks/${endpoint.id}/deliveries`)
      ).json() as { items: WebhookDelivery[] };
      return page.items.find((d) => d.id === failed.id && d.status === 'sent');
    });
    expect(hook.received.filter((r) => r.body.includes(`"personId":${second}`)).length).toBe(2);

    // Disabled: nothing more is queued for it.
    const off = await admin.put(`/api/integrations/webhooks/${endpoint.id}`, {
      url: hook.url,
      events: ['signup'],
      enabled: false,
    });
    expect(off.json()).toMatchObject({ enabled: false });
    await signupAndConfirm(t, { email: 'hooked3@integrations.example' });
    const queued = await inCampaign<{ n: number }>(
      'SELECT count(*)::int AS n FROM webhook_deliveries WHERE campaign_id = $1 AND endpoint_id = $2',
      [endpoint.id],
    );
    expect(queued[0]!.n).toBe(2);
  });

  it('tells an RSVP, a paid gift (with its amount) and a stored visit, by ids, to the endpoints asking', async () => {
    const created = await admin.post('/api/integrations/webhooks', {
      url: hook.url,
      events: ['rsvp', 'donation', 'visit'],
    });
    const { endpoint, secret } = created.json() as { endpoint: WebhookEndpoint; secret: string };
    const since = hook.received.length;
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    const event = await admin.post('/api/events', {
      type: 'meeting',
      title: 'Réunion publique',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      place: { postalCode: '69001' },
    });
    expect(event.statusCode, event.body).toBe(201);
    const eventId = (event.json() as { id: number }).id;
    const guest = await supporterBrowser(t, 'rsvp@integrations.example');
    expect((await guest.browser.put(`/api/events/${eventId}/rsvp`, {})).statusCode).toBe(200);
    // A cheque the finance officer records (received as recorded: a paid gift), and a visit
    // stored, as its feature tells it.
    await openCandidateDonations(t, admin);
    const cheque = await admin.post('/api/donations/manual', {
      donor: {
        civility: 'Mme',
        firstName: 'Rosa',
        lastName: 'Guest',
        addressLine1: '3 rue Victor Hugo',
        postalCode: '69001',
        commune: 'Lyon',
        email: 'rsvp@integrations.example',
      },
      amount: '120,50',
      means: 'cheque',
      givenOn: '2026-11-20',
      bank: 'Banque Populaire',
      chequeNumber: '1234567',
      naturalPerson: true,
      frenchOrResident: true,
    });
    expect(cheque.statusCode, cheque.body).toBe(200);
    const gift = cheque.json() as FinanceGift;
    expect(gift).toMatchObject({ personId: guest.personId, amountCents: 12_050 });
    for (const listener of visitsStoredListeners) {
      await listener(t.ctx, [
        {
          id: '0e9c1c51-7b7e-4d3c-9d84-3a0c4f4b2a11',
          turfId: 5,
          addressId: 9,
          volunteerId: guest.personId,
          outcome: 'talked',
          mode: 'door',
          building: null,
          floor: null,
          door: null,
          notes: 'private words',
          visitedAt: new Date().toISOString(),
          versionId: null,
          answers: null,
          supportLevel: null,
          tally: null,
          doNotVisit: false,
          granted: false,
          write: true,
        },
      ]);
    }
    await webhookSender(t.ctx).drain();
    const bodies = await eventually('three deliveries', () => {
      const got = hook.received
        .slice(since)
        .filter((r) => verifySignature(secret, r.body, r.headers['levier-signature'] as string));
      return (
        got.length >= 3 &&
        got.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> })
      );
    });
    expect(Object.fromEntries(bodies.map((b) => [b.type, b.data]))).toEqual({
      rsvp: { personId: guest.personId, eventId, status: 'going' },
      donation: {
        donationId: gift.id,
        personId: guest.personId,
        kind: 'gift',
        amountCents: 12_050,
        currency: 'EUR',
        means: 'cheque',
      },
      visit: {
        visitId: '0e9c1c51-7b7e-4d3c-9d84-3a0c4f4b2a11',
        turfId: 5,
        addressId: 9,
        volunteerId: guest.personId,
        outcome: 'talked',
        mode: 'door',
        visitedAt: expect.any(String),
      },
    });
    const log = (
      await admin.get(`/api/integrations/webhooks/${endpoint.id}/deliveries?limit=2`)
    ).json() as { items: WebhookDelivery[]; next: number | null };
    expect(log.items).toHaveLength(2);
    expect(log.next).toBe(log.items[1]!.id);
    const rest = (
      await admin.get(
        `/api/integrations/webhooks/${endpoint.id}/deliveries?limit=2&before=${log.next}`,
      )
    ).json() as { items: WebhookDelivery[]; next: number | null };
    expect(rest).toMatchObject({ items: [expect.objectContaining({ event: 'rsvp' })], next: null });
    expect((await admin.delete(`/api/integrations/webhooks/${endpoint.id}`)).statusCode).toBe(200);
  });
});
