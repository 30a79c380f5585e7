import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../testing/harness.ts';
import {
  addMailSuppression,
  suppressedAddresses,
  suppressionVerdicts,
} from '../compliance/mail-suppressions.ts';
import { addPhoneOptOuts, optedOutNumbers } from '../compliance/phone-opt-outs.ts';
import { recordDecisions } from '../people/consents.ts';
import { personMetAtDoor } from '../people/met-at-door.ts';
import { erasePerson } from '../people/service.ts';

describe.each(engines)('opt-outs survive erasure on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  const campaign = () => t.ctx.campaignId;

  async function person(email: string | null, phone: string | null): Promise<number> {
    n += 1;
    const made = await t.ctx.database.transaction((query) =>
      personMetAtDoor(
        query,
        campaign(),
        {
          firstName: `Opt${n}`,
          lastName: 'Out',
          email,
          phone,
          consents: { email: true, sms: true, phone: true },
        },
        { source: 'door_to_door', wordingVersion: 'v1', volunteerId: 1, visitId: `opt-${n}` },
      ),
    );
    return made.id;
  }
  const withdraw = (personId: number, channels: Array<'email' | 'sms' | 'volunteer_call'>) =>
    t.ctx.database.transaction((query) =>
      recordDecisions(
        query,
        campaign(),
        personId,
        channels.map((channel) => ({ channel, granted: false, source: 'me', wordingVersion: '' })),
      ),
    );
  const refusedNumbers = async (numbers: string[]) =>
    [...(await optedOutNumbers(t.ctx.database.query, campaign(), numbers))].sort();

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps every channel’s refusal as a keyed hash that is still honoured after the person is erased', async () => {
    // Email: a newsletter's unsubscribe link (the consent withdrawn), a bounce, a complaint.
    const unsubscribed = await person('unsub@optout.example', null);
    await withdraw(unsubscribed, ['email']);
    const bounced = await person('bounced@optout.example', null);
    await t.ctx.database.transaction((query) =>
      addMailSuppression(query, campaign(), 'bounced@optout.example', 'hard_bounce'),
    );
    // Phone: a text's STOP, a phone bank's do-not-call, a broadcast's keypress "9" (already
    // hashed when they happen), and channels withdrawn from the person's own space.
    const stop = await person(null, '+33611110001');
    await t.ctx.database.transaction((query) =>
      addPhoneOptOuts(query, campaign(), ['+33611110001'], 'sms_stop'),
    );
    const doNotCall = await person(null, '+33611110002');
    await t.ctx.database.transaction((query) =>
      addPhoneOptOuts(query, campaign(), ['+33611110002'], 'do_not_contact'),
    );
    const keypress = await person(null, '+33611110003');
    await t.ctx.database.transaction((query) =>
      addPhoneOptOuts(query, campaign(), ['+33611110003'], 'keypress'),
    );
    const noTexts = await person(null, '+33611110004');
    await withdraw(noTexts, ['sms']);
    const noCalls = await person(null, '+33611110005');
    await withdraw(noCalls, ['volunteer_call']);
    // Consents still given: erasure leaves no refusal behind.
    const willing = await person('willing@optout.example', '+33611110006');

    for (const id of [
      unsubscribed,
      bounced,
      stop,
      doNotCall,
      keypress,
      noTexts,
      noCalls,
      willing,
    ]) {
      await erasePerson(t.ctx, id, null);
    }

    expect(
      await refusedNumbers([
        '+33611110001',
        '+33611110002',
        '+33611110003',
        '+33611110004',
        '+33611110005',
        '+33611110006',
      ]),
    ).toEqual(['+33611110001', '+33611110002', '+33611110003', '+33611110004', '+33611110005']);
    const addresses = await suppressedAddresses(t.ctx.database.query, campaign(), [
      'unsub@optout.example',
      'bounced@optout.example',
      'willing@optout.example',
    ]);
    expect(Object.fromEntries(addresses)).toEqual({
      'unsub@optout.example': 'unsubscribed',
      'bounced@optout.example': 'hard_bounce',
    });
    // The same address imported again: no campaign mail, a login code still goes.
    const verdicts = await suppressionVerdicts(t.ctx.database.query, campaign(), [
      {
        id: 1,
        personId: null,
        to: 'Unsub@optout.example',
        purpose: 'campaign',
        subscription: null,
      },
      {
        id: 2,
        personId: null,
        to: 'unsub@optout.example',
        purpose: 'transactional',
        subscription: null,
      },
    ]);
    expect(Object.fromEntries(verdicts)).toEqual({ 1: { suppress: 'opted_out' } });
    // Only hashes: no table keeps the address or number in clear.
    const clear = await t.ctx.database.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM people WHERE campaign_id = $1
                 AND (email_normalized = 'unsub@optout.example' OR phone = '+33611110004'))::int AS n`,
      [campaign()],
    );
    expect(clear[0]!.n).toBe(0);
  });
});
