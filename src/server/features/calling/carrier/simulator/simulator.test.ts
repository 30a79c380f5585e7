import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CarrierError, type VoiceCarrier } from '../port.ts';
import {
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  optOutUrl,
  startCallbackReceiver,
  testNumber,
  type CallbackReceiver,
} from '../testing.ts';
import { createTwilioCarrier } from '../twilio.ts';
import { startCarrierSimulator, type CarrierSimulator } from './index.ts';
import { CallsPerSecondWindow } from './stats.ts';
import { parseTwiml } from './twiml.ts';

const FINAL = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];

async function simulatorWithCarrier(options: Parameters<typeof startCarrierSimulator>[0]) {
  const simulator = await startCarrierSimulator(options);
  const carrier = createTwilioCarrier({
    accountSid: TEST_ACCOUNT_SID,
    authToken: TEST_AUTH_TOKEN,
    baseUrl: simulator.url,
    // A loaded test machine, not the adapter, is what these tests must not time out on.
    requestTimeoutMs: 30_000,
  });
  return { simulator, carrier };
}

function rejectionOf(result: PromiseSettledResult<unknown>): CarrierError | null {
  return result.status === 'rejected' && result.reason instanceof CarrierError
    ? result.reason
    : null;
}

describe('a run of 200 calls', () => {
  const CALLS = 200;
  const pressing = [3, 17, 42, 99, 150, 188].map((index) => testNumber(index));
  let simulator: CarrierSimulator;
  let carrier: VoiceCarrier;
  let receiver: CallbackReceiver;
  const placed = new Map<number, { to: string; carrierCallId: string }>();

  beforeAll(async () => {
    ({ simulator, carrier } = await simulatorWithCarrier({
      accountSid: TEST_ACCOUNT_SID,
      authToken: TEST_AUTH_TOKEN,
      seed: 7,
      timeScale: 0.001,
      callsPerSecond: 1000,
      outcomes: { answered: 0.6, busy: 0.1, noAnswer: 0.2, failed: 0.1 },
      machineShare: 0.3,
      pressingNumbers: pressing,
      pressingShare: 0,
      listenToEndShare: 0.5,
      duplicateCallbackShare: 0.2,
      outOfOrderCallbackShare: 0.2,
    }));
    receiver = await startCallbackReceiver(carrier, (attemptId) => ({
      playUrl: 'https://levier.example/recordings/1.mp3',
      optOutDigit: '9',
      optOutUrl: optOutUrl(receiver, attemptId),
    }));
    // Twenty at a time, as a dialler paces itself: a busy test machine answers slowly.
    let next = 0;
    const dialler = async () => {
      while (next < CALLS) {
        const index = next++;
        const request = receiver.callRequest(index + 1, testNumber(index), true);
        const { carrierCallId } = await carrier.placeCall(request);
        placed.set(request.attemptId, { to: request.to, carrierCallId });
      }
    };
    await Promise.all(Array.from({ length: 20 }, dialler));
    expect(placed.size).toBe(CALLS);
    await simulator.settled();
  });

  afterAll(async () => {
    await simulator.close();
    await receiver.close();
  });

  it('brings every call to a final status, told by callback and by the record alike', async () => {
    for (const [attemptId, { carrierCallId }] of placed) {
      const record = await carrier.fetchCall(carrierCallId);
      expect(FINAL).toContain(record?.status);
      const finals = receiver
        .of('status', attemptId)
        .filter((hook) => FINAL.includes(hook.params.CallStatus));
      expect(finals.length).toBeGreaterThanOrEqual(1);
      expect(new Set(finals.map((hook) => hook.params.CallStatus))).toEqual(
        new Set([record?.status]),
      );
      expect(finals.every((hook) => hook.params.CallSid === carrierCallId)).toBe(true);
    }
    const stats = simulator.stats();
    expect(stats.callsCreated).toBe(CALLS);
    expect(stats.distinctNumbersCalled).toBe(CALLS);
    expect(stats.numbersCalledMoreThanOnce).toEqual({});
    expect(stats.activeCalls).toBe(0);
    const byStatus = stats.callsByFinalStatus;
    expect(Object.values(byStatus).reduce((sum, n) => sum + (n ?? 0), 0)).toBe(CALLS);
    for (const status of ['completed', 'busy', 'no-answer', 'failed'] as const) {
      expect(byStatus[status]).toBeGreaterThan(0);
    }
  });

  it('signs everything it sends, and Levier can check every signature', () => {
    expect(receiver.received.length).toBeGreaterThan(CALLS * 3);
    expect(receiver.received.filter((hook) => !hook.signatureValid)).toEqual([]);
  });

  it('sends some callbacks twice and some out of order, as configured', () => {
    const stats = simulator.stats();
    expect(stats.callbacks.duplicates).toBeGreaterThan(0);
    expect(stats.callbacks.outOfOrder).toBeGreaterThan(0);
    expect(stats.callbacks.failed).toBe(0);

    let duplicated = 0;
    let disordered = 0;
    for (const attemptId of placed.keys()) {
      const sequence = receiver
        .of('status', attemptId)
        .map((hook) => Number(hook.params.SequenceNumber));
      if (new Set(sequence).size < sequence.length) duplicated++;
      if (sequence.some((number, i) => i > 0 && number < sequence[i - 1])) disordered++;
    }
    expect(duplicated).toBeGreaterThan(0);
    expect(disordered).toBeGreaterThan(0);
    expect(stats.callbacks.sent).toBe(receiver.of('status').length + receiver.of('amd').length);
  });

  it('posts the "9" of the configured numbers to their opt-out URL, and only theirs', () => {
    const optOuts = receiver.of('optout');
    const pressedBy = optOuts.map((hook) => placed.get(hook.attemptId)?.to);
    expect(new Set(pressedBy)).toEqual(new Set(pressing));
    expect(optOuts).toHaveLength(pressing.length);
    for (const hook of optOuts) {
      expect(hook.params).toMatchObject({
        Digits: '9',
        CallSid: placed.get(hook.attemptId)?.carrierCallId,
        AccountSid: TEST_ACCOUNT_SID,
      });
    }
    expect(simulator.stats().digitsPressed).toBe(pressing.length);
  });

  it('fetches the answer URL of answered calls as Twilio does, and reports AMD apart', () => {
    const answers = receiver.of('answer');
    expect(answers.length).toBe(simulator.stats().answerFetches.sent);
    for (const hook of answers) {
      expect(hook.params).toMatchObject({
        AccountSid: TEST_ACCOUNT_SID,
        CallStatus: 'in-progress',
        Direction: 'outbound-api',
        To: placed.get(hook.attemptId)?.to,
      });
      // Asynchronous AMD: the message starts before the verdict, which goes to its own URL.
      expect(hook.params.AnsweredBy).toBeUndefined();
    }
    const verdicts = new Set(receiver.of('amd').map((hook) => hook.params.AnsweredBy));
    expect(verdicts.has('human')).toBe(true);
    expect([...verdicts].some((verdict) => verdict.startsWith('machine_end_'))).toBe(true);
  });
});

describe('caps', () => {
  it('refuses creates over the calls-per-second cap with 429 / 20429', async () => {
    const { simulator, carrier } = await simulatorWithCarrier({
      accountSid: TEST_ACCOUNT_SID,
      authToken: TEST_AUTH_TOKEN,
      timeScale: 0.001,
      callsPerSecond: 10,
    });
    try {
      const receiverUrl = 'http://127.0.0.1:9/unused';
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, index) =>
          carrier.placeCall({
            attemptId: index,
            to: testNumber(index),
            from: '+33170000000',
            answerUrl: receiverUrl,
            statusCallbackUrl: receiverUrl,
            machineDetectionUrl: receiverUrl,
            ringSeconds: 30,
            detectMachines: false,
          }),
        ),
      );
      const refused = results.map(rejectionOf).filter((error) => error !== null);
      const accepted = results.filter((result) => result.status === 'fulfilled');
      expect(accepted.length + refused.length).toBe(30);
      // A burst of 30 within a second or two (a loaded machine answers slowly): at least 10
      // refused, and never more than 10 accepted in any one second.
      expect(refused.length).toBeGreaterThanOrEqual(10);
      expect(refused.every((error) => error.kind === 'rate_limited')).toBe(true);
      expect(refused.every((error) => error.carrierCode === '20429')).toBe(true);
      const stats = simulator.stats();
      expect(stats.createsRefused.callsPerSecondCap).toBe(refused.length);
      expect(stats.maxCallsPerSecondObserved).toBe(10);
      expect(stats.callsCreated).toBe(accepted.length);
    } finally {
      await simulator.close();
    }
  });

  it('refuses creates over the concurrency cap, and takes them again once calls end', async () => {
    const { simulator, carrier } = await simulatorWithCarrier({
      accountSid: TEST_ACCOUNT_SID,
      authToken: TEST_AUTH_TOKEN,
      timeScale: 1,
      maxConcurrentCalls: 2,
      queuedSeconds: 600,
    });
    try {
      const url = 'http://127.0.0.1:9/unused';
      const place = (index: number) =>
        carrier.placeCall({
          attemptId: index,
          to: testNumber(index),
          from: '+33170000000',
          answerUrl: url,
          statusCallbackUrl: url,
          machineDetectionUrl: url,
          ringSeconds: 30,
          detectMachines: false,
        });
      const first = await place(1);
      await place(2);
      await expect(place(3)).rejects.toMatchObject({ kind: 'rate_limited', carrierCode: '20429' });
      await carrier.cancelCall(first.carrierCallId);
      await expect(place(3)).resolves.toMatchObject({ carrierCallId: expect.any(String) });
      expect(simulator.stats()).toMatchObject({
        maxConcurrentCallsObserved: 2,
        createsRefused: { concurrencyCap: 1 },
      });
    } finally {
      await simulator.close();
    }
  });
});

describe('the calls-per-second window', () => {
  it('takes the cap in any rolling second, and frees a place a second after it was taken', () => {
    const window = new CallsPerSecondWindow();
    const taken = [0, 100, 200].map((at) => window.tryTake(3, at));
    expect(taken).toEqual([true, true, true]);
    expect(window.tryTake(3, 999)).toBe(false);
    expect(window.tryTake(3, 1000)).toBe(true); // the place taken at 0 is free
    expect(window.tryTake(3, 1050)).toBe(false);
    expect(window.tryTake(3, 1100)).toBe(true);
    expect(window.maxObserved).toBe(3);
  });
});

describe('control endpoints', () => {
  it('serves stats and takes a configuration over HTTP, refusing a bad one', async () => {
    const simulator = await startCarrierSimulator({
      accountSid: TEST_ACCOUNT_SID,
      authToken: TEST_AUTH_TOKEN,
    });
    try {
      const configure = (body: unknown) =>
        fetch(`${simulator.controlUrl}/simulator/configure`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const applied = await configure({ callsPerSecond: 42, unreachable: 'refuse' });
      expect(applied.status).toBe(200);
      expect(await applied.json()).toMatchObject({ callsPerSecond: 42, unreachable: 'refuse' });
      expect(JSON.stringify(await (await configure({})).json())).not.toContain(TEST_AUTH_TOKEN);

      // The API refuses connections; the control URL still answers.
      await expect(fetch(`${simulator.url}/simulator/stats`)).rejects.toThrow();
      const stats = await fetch(`${simulator.controlUrl}/simulator/stats?perNumber=1`);
      expect(await stats.json()).toMatchObject({ callsCreated: 0, callsPerNumber: {} });

      const bad = await configure({ outcomes: { answered: 0.5, busy: 0, noAnswer: 0, failed: 0 } });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: expect.stringContaining('add up to 1') });
      expect((await configure({ callsPerSecnod: 1 })).status).toBe(400);

      await configure({ unreachable: false });
      const back = await fetch(`${simulator.url}/simulator/stats`);
      expect(back.status).toBe(200);
    } finally {
      await simulator.close();
    }
  });

  it('refuses to start with bad options', async () => {
    await expect(
      startCarrierSimulator({ accountSid: 'nope', authToken: TEST_AUTH_TOKEN }),
    ).rejects.toThrow(/account sid/);
  });
});

describe('TwiML reader', () => {
  it('reads nested verbs, attributes and entities, and refuses broken documents', () => {
    const document = parseTwiml(
      `<?xml version="1.0" encoding="UTF-8"?><!-- x --><Response><Gather action='/a?x=1&amp;y=2' numDigits="1"><Say language="fr-FR">Tapez&#160;9 &lt;ici&gt;</Say></Gather><Pause length="2"/></Response>`,
    );
    expect(document).toEqual({
      name: 'Response',
      attributes: {},
      text: '',
      children: [
        {
          name: 'Gather',
          attributes: { action: '/a?x=1&y=2', numDigits: '1' },
          text: '',
          children: [
            {
              name: 'Say',
              attributes: { language: 'fr-FR' },
              children: [],
              text: 'Tapez\u00a09 <ici>',
            },
          ],
        },
        { name: 'Pause', attributes: { length: '2' }, children: [], text: '' },
      ],
    });
    expect(() => parseTwiml('<Response><Play>x</Response>')).toThrow(/Malformed/);
    expect(() => parseTwiml('<Response><Play>x</Play>')).toThrow(/not closed/);
    expect(() => parseTwiml('<Response></Response><Response></Response>')).toThrow(/one root/);
  });
});
