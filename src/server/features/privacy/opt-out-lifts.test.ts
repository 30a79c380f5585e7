import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, signupAndConfirm, type TestApp } from '../../testing/harness.ts';
import {
  addMailSuppression,
  keepUnsubscribedAddresses,
  suppressedAddresses,
} from '../compliance/mail-suppressions.ts';
import { addPhoneOptOuts, optedOutNumbers } from '../compliance/phone-opt-outs.ts';
import { recordConsent } from '../people/consent-record.ts';
import { personMetAtDoor } from '../people/met-at-door.ts';

describe.each(engines)('a new explicit consent lifts kept refusals on %s', (engine) => {
  let t: TestApp;
  const campaign = () => t.ctx.campaignId;
  const suppressed = async (addresses: string[]) =>
    Object.fromEntries(await suppressedAddresses(t.ctx.database.query, campaign(), addresses));
  const refused = async (numbers: string[]) =>
    [...(await optedOutNumbers(t.ctx.database.query, campaign(), numbers))].sort();
  const withProof = (channel: 'sms' | 'phone' | 'email') => ({
    channel,
    granted: true,
    source: 'letter' as const,
    receivedOn: new Date().toISOString().slice(0, 10),
    note: 'Formulaire papier signé, classé au siège.',
    wordingVersion: 'v1',
  });
  const atDoor = (email: string | null, phone: string | null, visitId: string) =>
    t.ctx.database.transaction((query) =>
      personMetAtDoor(
        query,
        campaign(),
        {
          firstName: 'Revenu',
          lastName: 'Lift',
          email,
          phone,
          consents: { email: true, sms: true, phone: true },
        },
        { source: 'door_to_door', wordingVersion: 'v1', volunteerId: 1, visitId },
      ),
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
    // Refusals kept as hashes after earlier people were erased or purged, or as they happened.
    await t.ctx.database.transaction(async (query) => {
      await keepUnsubscribedAddresses(query, campaign(), ['back@lift.example']);
      await addMailSuppression(query, campaign(), 'complained@lift.example', 'complaint');
      await addMailSuppression(query, campaign(), 'bounced@lift.example', 'hard_bounce');
      await addPhoneOptOuts(query, campaign(), ['+33622220001'], 'withdrawn');
      await addPhoneOptOuts(query, campaign(), ['+33622220002'], 'sms_stop');
      await addPhoneOptOuts(query, campaign(), ['+33622220003'], 'do_not_contact');
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a consent given at a door does not lift them: only the owner’s own confirmed choice does', async () => {
    await atDoor('back@lift.example', '+33622220001', 'lift-1');
    expect(await suppressed(['back@lift.example'])).toEqual({
      'back@lift.example': 'unsubscribed',
    });
    expect(await refused(['+33622220001'])).toEqual(['+33622220001']);
  });

  it('a confirmed sign-up lifts a kept unsubscribe and a kept withdrawal, never a complaint', async () => {
    await signupAndConfirm(t, {
      email: 'back@lift.example',
      phone: '06 22 22 00 01',
      consents: { email: true, sms: true, phone: false },
    });
    await signupAndConfirm(t, { email: 'complained@lift.example' });
    expect(
      await suppressed(['back@lift.example', 'complained@lift.example', 'bounced@lift.example']),
    ).toEqual({ 'complained@lift.example': 'complaint', 'bounced@lift.example': 'hard_bounce' });
    expect(await refused(['+33622220001'])).toEqual([]);
  });

  it('a consent recorded with its proof lifts a STOP only for texts, never a bounce or a staff do-not-call', async () => {
    const stopped = await atDoor(null, '+33622220002', 'lift-2');
    const doNotCall = await atDoor(null, '+33622220003', 'lift-3');
    const bounced = await atDoor('bounced@lift.example', null, 'lift-4');
    // Calls agreed anew: the STOP was about texts, it stays.
    await recordConsent(t.ctx, stopped.id, withProof('phone'), 1);
    expect(await refused(['+33622220002'])).toEqual(['+33622220002']);
    await recordConsent(t.ctx, stopped.id, withProof('sms'), 1);
    await recordConsent(t.ctx, doNotCall.id, withProof('sms'), 1);
    await recordConsent(t.ctx, bounced.id, withProof('email'), 1);
    expect(await refused(['+33622220002', '+33622220003'])).toEqual(['+33622220003']);
    expect(await suppressed(['bounced@lift.example'])).toEqual({
      'bounced@lift.example': 'hard_bounce',
    });
  });
});
