import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CarrierError, type VoiceCarrier } from './port.ts';
import { startCarrierSimulator, type CarrierSimulator } from './simulator/index.ts';
import type { RuntimeOptions } from './simulator/options.ts';
import { parseTwiml } from './simulator/twiml.ts';
import {
  CALLER_ID,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  optOutUrl,
  startCallbackReceiver,
  testNumber,
  type CallbackReceiver,
} from './testing.ts';
import { createTwilioCarrier } from './twilio.ts';

const PLAY_URL = 'https://levier.example/recordings/7.mp3?v=2&lang=fr';

/** Every call answered by a human who listens to the end, fast. */
const CALM: Partial<RuntimeOptions> = {
  timeScale: 0.001,
  callsPerSecond: 1000,
  maxConcurrentCalls: 10_000,
  outcomes: { answered: 1, busy: 0, noAnswer: 0, failed: 0 },
  machineShare: 0,
  faxShare: 0,
  listenToEndShare: 1,
  pressingShare: 0,
  pressingNumbers: [],
  queuedSeconds: 0.2,
  ringSeconds: { min: 3, max: 5 },
  serverErrorShare: 0,
  duplicateCallbackShare: 0,
  outOfOrderCallbackShare: 0,
  unreachable: false,
  blockedPrefixes: [],
  maxListPageSize: 1000,
};

let simulator: CarrierSimulator;
let carrier: VoiceCarrier;
let receiver: CallbackReceiver;
let nextAttempt = 1;
let nextNumber = 0;

beforeAll(async () => {
  simulator = await startCarrierSimulator({
    accountSid: TEST_ACCOUNT_SID,
    authToken: TEST_AUTH_TOKEN,
    ...CALM,
  });
  carrier = createTwilioCarrier({
    accountSid: TEST_ACCOUNT_SID,
    authToken: TEST_AUTH_TOKEN,
    baseUrl: simulator.url,
    requestTimeoutMs: 2000,
  });
  receiver = await startCallbackReceiver(carrier, (attemptId) => ({
    playUrl: PLAY_URL,
    optOutDigit: '9',
    optOutUrl: optOutUrl(receiver, attemptId),
  }));
});

afterEach(async () => {
  await simulator.configure(CALM);
});

afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

function newCall(detectMachines = true) {
  return receiver.callRequest(nextAttempt++, testNumber(nextNumber++), detectMachines);
}

async function carrierError(promise: Promise<unknown>): Promise<CarrierError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof CarrierError))
    throw new Error(`Expected a CarrierError, got ${String(error)}`);
  return error;
}

async function finalRecord(carrierCallId: string) {
  await expect
    .poll(async () => (await carrier.fetchCall(carrierCallId))?.status)
    .toMatch(/^(completed|busy|no-answer|failed|canceled)$/);
  const record = await carrier.fetchCall(carrierCallId);
  if (!record) throw new Error(`Call ${carrierCallId} vanished`);
  return record;
}

/** Twilio's hang-up of a call in progress, which the port does not offer (yet). */
async function hangUp(carrierCallId: string) {
  const credentials = Buffer.from(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`).toString('base64');
  const response = await fetch(
    `${simulator.url}/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Calls/${carrierCallId}.json`,
    {
      method: 'POST',
      headers: { authorization: `Basic ${credentials}` },
      body: new URLSearchParams({ Status: 'completed' }),
    },
  );
  expect(response.status).toBe(200);
}

/** A one-shot HTTP server for what the simulator cannot be made to do. */
async function oneOffServer(
  handle: (
    request: IncomingMessage,
    body: string,
    respond: (status: number, body: string) => void,
  ) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () =>
      handle(request, body, (status, text) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(text);
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('placing a call', () => {
  it("asks Twilio's Calls resource with the documented parameters and basic auth", async () => {
    const seen: Array<{ method?: string; path?: string; auth?: string; form: URLSearchParams }> =
      [];
    const { url, server } = await oneOffServer((request, body, respond) => {
      seen.push({
        method: request.method,
        path: request.url,
        auth: request.headers.authorization,
        form: new URLSearchParams(body),
      });
      respond(201, JSON.stringify({ sid: 'CA0123', status: 'queued' }));
    });
    try {
      const capturing = createTwilioCarrier({
        accountSid: TEST_ACCOUNT_SID,
        authToken: TEST_AUTH_TOKEN,
        baseUrl: url,
      });
      const request = newCall(true);
      await expect(capturing.placeCall(request)).resolves.toEqual({ carrierCallId: 'CA0123' });
      await capturing.placeCall({ ...request, detectMachines: false });

      const [withAmd, withoutAmd] = seen;
      expect(withAmd.method).toBe('POST');
      expect(withAmd.path).toBe(`/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Calls.json`);
      const credentials = Buffer.from(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`).toString('base64');
      expect(withAmd.auth).toBe(`Basic ${credentials}`);
      expect(Object.fromEntries(withAmd.form)).toEqual({
        To: request.to,
        From: CALLER_ID,
        Url: request.answerUrl,
        Method: 'POST',
        StatusCallback: request.statusCallbackUrl,
        StatusCallbackMethod: 'POST',
        StatusCallbackEvent: 'completed',
        Timeout: '30',
        MachineDetection: 'DetectMessageEnd',
        AsyncAmd: 'true',
        AsyncAmdStatusCallback: request.machineDetectionUrl,
        AsyncAmdStatusCallbackMethod: 'POST',
      });
      expect(withAmd.form.getAll('StatusCallbackEvent')).toEqual([
        'initiated',
        'ringing',
        'answered',
        'completed',
      ]);
      for (const key of ['MachineDetection', 'AsyncAmd', 'AsyncAmdStatusCallback']) {
        expect(withoutAmd.form.has(key)).toBe(false);
      }
    } finally {
      server.close();
    }
  });

  it('places a call at the simulator, then reads its record once it has ended', async () => {
    const request = newCall(true);
    const { carrierCallId } = await carrier.placeCall(request);
    expect(carrierCallId).toMatch(/^CA[0-9a-f]{32}$/);

    const record = await finalRecord(carrierCallId);
    expect(record).toMatchObject({
      carrierCallId,
      to: request.to,
      from: CALLER_ID,
      status: 'completed',
      answeredBy: 'human',
      // The message (30 s) and the Gather's 5 s wait; a started minute at 0.013 €.
      durationSeconds: 35,
      priceCents: 1,
    });
    expect(record.startedAt).toBeInstanceOf(Date);
    expect(record.endedAt!.getTime()).toBeGreaterThanOrEqual(record.startedAt!.getTime());
    // The simulator followed the request: its callbacks came to the attempt's URLs.
    await expect.poll(() => receiver.of('status', request.attemptId).length).toBe(4);
    const statuses = receiver.of('status', request.attemptId).map((hook) => hook.params.CallStatus);
    expect(statuses).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
    expect(receiver.of('amd', request.attemptId).map((hook) => hook.params.AnsweredBy)).toEqual([
      'human',
    ]);
    expect(receiver.of('answer', request.attemptId)).toHaveLength(1);
  });

  it('reads machines, busy lines and unanswered calls as they ended', async () => {
    await simulator.configure({ machineShare: 1 });
    const machine = await finalRecord((await carrier.placeCall(newCall(true))).carrierCallId);
    expect(machine).toMatchObject({ status: 'completed', answeredBy: 'machine' });

    await simulator.configure({ outcomes: { answered: 0, busy: 1, noAnswer: 0, failed: 0 } });
    const busy = await finalRecord((await carrier.placeCall(newCall(true))).carrierCallId);
    expect(busy).toMatchObject({ status: 'busy', answeredBy: null, priceCents: null });

    await simulator.configure({ outcomes: { answered: 0, busy: 0, noAnswer: 1, failed: 0 } });
    const unanswered = await finalRecord((await carrier.placeCall(newCall(true))).carrierCallId);
    expect(unanswered).toMatchObject({ status: 'no-answer', durationSeconds: null });
  });

  it('knows no call the carrier does not know', async () => {
    await expect(carrier.fetchCall(`CA${'0'.repeat(32)}`)).resolves.toBeNull();
  });
});

describe('finding the calls of a lost answer', () => {
  it('finds the calls to a number from the caller id since a time, through every page', async () => {
    await simulator.configure({ maxListPageSize: 2 });
    const to = testNumber(nextNumber++);
    const since = new Date();
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) {
      placed.push((await carrier.placeCall({ ...newCall(), to })).carrierCallId);
    }
    for (const carrierCallId of placed) await finalRecord(carrierCallId);

    const found = await carrier.findCalls({ to, from: CALLER_ID, since });
    expect(found.map((call) => call.carrierCallId).sort()).toEqual([...placed].sort());
    expect(found.every((call) => call.status === 'completed' && call.to === to)).toBe(true);

    const otherCaller = await carrier.findCalls({ to, from: '+33170000001', since });
    expect(otherCaller).toEqual([]);
    const later = await carrier.findCalls({
      to,
      from: CALLER_ID,
      since: new Date(Date.now() + 2000),
    });
    expect(later).toEqual([]);
  });

  it('finds a call still queued, which has no start time yet', async () => {
    await simulator.configure({ queuedSeconds: 600, timeScale: 1 });
    const request = newCall();
    const { carrierCallId } = await carrier.placeCall(request);
    const found = await carrier.findCalls({
      to: request.to,
      from: CALLER_ID,
      since: new Date(Date.now() - 1000),
    });
    expect(found).toEqual([
      expect.objectContaining({ carrierCallId, status: 'queued', startedAt: null }),
    ]);
    await carrier.cancelCall(carrierCallId);
  });
});

describe('cancelling', () => {
  it('cancels a ringing call, and takes a second cancel of an ended call calmly', async () => {
    await simulator.configure({
      timeScale: 1,
      queuedSeconds: 0,
      ringSeconds: { min: 20, max: 25 },
    });
    const request = newCall();
    const { carrierCallId } = await carrier.placeCall(request);
    await expect.poll(async () => (await carrier.fetchCall(carrierCallId))?.status).toBe('ringing');

    await carrier.cancelCall(carrierCallId);
    expect((await carrier.fetchCall(carrierCallId))?.status).toBe('canceled');
    await expect(carrier.cancelCall(carrierCallId)).resolves.toBeUndefined();
    await expect
      .poll(() => receiver.of('status', request.attemptId).map((hook) => hook.params.CallStatus))
      .toContain('canceled');
  });

  it('leaves a call in progress alone', async () => {
    await simulator.configure({
      timeScale: 1,
      queuedSeconds: 0,
      ringSeconds: { min: 0.1, max: 0.1 },
    });
    const { carrierCallId } = await carrier.placeCall(newCall(false));
    await expect
      .poll(async () => (await carrier.fetchCall(carrierCallId))?.status)
      .toBe('in-progress');

    await carrier.cancelCall(carrierCallId);
    expect((await carrier.fetchCall(carrierCallId))?.status).toBe('in-progress');
    await hangUp(carrierCallId);
    expect((await carrier.fetchCall(carrierCallId))?.status).toBe('completed');
  });
});

describe('failures, as the port names them', () => {
  it('rejects an invalid number with Twilio 21211 and a blocked destination with 21215', async () => {
    const invalid = await carrierError(carrier.placeCall({ ...newCall(), to: '0612345678' }));
    expect(invalid).toMatchObject({ kind: 'rejected', carrierCode: '21211' });

    await simulator.configure({ blockedPrefixes: ['+882'] });
    const blocked = await carrierError(carrier.placeCall({ ...newCall(), to: '+88212345678' }));
    expect(blocked).toMatchObject({ kind: 'rejected', carrierCode: '21215' });
  });

  it('is rate limited on 429 / 20429 over the calls-per-second cap', async () => {
    await simulator.configure({ callsPerSecond: 1 });
    await carrier.placeCall(newCall());
    const refused = await carrierError(carrier.placeCall(newCall()));
    expect(refused).toMatchObject({ kind: 'rate_limited', carrierCode: '20429' });
  });

  it('is unavailable when nothing listens, and when the credentials are refused', async () => {
    const { url, server } = await oneOffServer(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    const closed = createTwilioCarrier({
      accountSid: TEST_ACCOUNT_SID,
      authToken: TEST_AUTH_TOKEN,
      baseUrl: url,
    });
    expect(await carrierError(closed.placeCall(newCall()))).toMatchObject({ kind: 'unavailable' });

    const wrongToken = createTwilioCarrier({
      accountSid: TEST_ACCOUNT_SID,
      authToken: 'not-the-token',
      baseUrl: simulator.url,
    });
    expect(await carrierError(wrongToken.placeCall(newCall()))).toMatchObject({
      kind: 'unavailable',
      carrierCode: '20003',
    });
  });

  it('is unavailable while the simulator refuses connections, and places again after', async () => {
    const before = simulator.stats().callsCreated;
    await simulator.configure({ unreachable: 'refuse' });
    // Let the pooled keep-alive connection see its close: a request racing the close would be
    // `unknown`, rightly (it may have been read).
    await sleep(50);
    expect(await carrierError(carrier.placeCall(newCall()))).toMatchObject({ kind: 'unavailable' });
    await simulator.configure({ unreachable: false });
    await carrier.placeCall(newCall());
    expect(simulator.stats().callsCreated).toBe(before + 1);
  });

  it('is unknown on a 503, a 500, a timeout and a reset after sending', async () => {
    await simulator.configure({ unreachable: '503' });
    expect(await carrierError(carrier.placeCall(newCall()))).toMatchObject({
      kind: 'unknown',
      carrierCode: '20503',
    });
    await simulator.configure({ unreachable: false });

    const silent = await oneOffServer(() => undefined);
    const reset = await oneOffServer((request) => request.socket.destroy());
    try {
      const slow = createTwilioCarrier({
        accountSid: TEST_ACCOUNT_SID,
        authToken: TEST_AUTH_TOKEN,
        baseUrl: silent.url,
        requestTimeoutMs: 300,
      });
      const started = Date.now();
      expect(await carrierError(slow.placeCall(newCall()))).toMatchObject({ kind: 'unknown' });
      expect(Date.now() - started).toBeLessThan(2000);

      const cut = createTwilioCarrier({
        accountSid: TEST_ACCOUNT_SID,
        authToken: TEST_AUTH_TOKEN,
        baseUrl: reset.url,
      });
      expect(await carrierError(cut.placeCall(newCall()))).toMatchObject({ kind: 'unknown' });
    } finally {
      silent.server.closeAllConnections();
      silent.server.close();
      reset.server.close();
    }
  });

  it('is unknown on a 500 whether or not the call was created; reconciliation tells which', async () => {
    await simulator.configure({ serverErrorShare: 1, serverErrorAfterCreateShare: 0 });
    const notCreated = newCall();
    const since = new Date();
    expect(await carrierError(carrier.placeCall(notCreated))).toMatchObject({
      kind: 'unknown',
      carrierCode: '20500',
    });

    await simulator.configure({ serverErrorAfterCreateShare: 1 });
    const lostAnswer = newCall();
    expect(await carrierError(carrier.placeCall(lostAnswer))).toMatchObject({ kind: 'unknown' });

    const from = CALLER_ID;
    expect(await carrier.findCalls({ to: notCreated.to, from, since })).toEqual([]);
    const found = await carrier.findCalls({ to: lostAnswer.to, from, since });
    expect(found).toHaveLength(1);
    // The call went on at the carrier, callbacks and all.
    await expect
      .poll(() => receiver.of('status', lostAnswer.attemptId).map((hook) => hook.params.CallStatus))
      .toContain('completed');
  });
});

describe('callback signatures', () => {
  it("validates the simulator's signatures with the official library, and nothing forged", async () => {
    const request = newCall();
    await finalRecord((await carrier.placeCall(request)).carrierCallId);
    const hooks = receiver.received.filter((hook) => hook.attemptId === request.attemptId);
    expect(hooks.length).toBeGreaterThanOrEqual(6);
    expect(hooks.every((hook) => hook.signatureValid)).toBe(true);

    // Re-check one with the library itself, then forge and alter it.
    const hook = receiver.of('status', request.attemptId)[0];
    const url = `${receiver.baseUrl}/status?attempt=${request.attemptId}`;
    const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, hook.params);
    expect(twilio.validateRequest(TEST_AUTH_TOKEN, signature, url, hook.params)).toBe(true);
    const forged = twilio.getExpectedTwilioSignature('another-token', url, hook.params);
    const check = (
      changes: Partial<{ url: string; signature: string | undefined }>,
      params = hook.params,
    ) => carrier.verifyCallback({ url, signature, params, ...changes });
    expect(check({})).toBe(true);
    expect(check({ signature: forged })).toBe(false);
    expect(check({}, { ...hook.params, CallStatus: 'busy' })).toBe(false);
    expect(check({ url: `${url}0` })).toBe(false);
    expect(check({ signature: undefined })).toBe(false);
    expect(check({ signature: '' })).toBe(false);
    expect(check({ url: 'not a url' })).toBe(false);
  });
});

describe('TwiML', () => {
  it('plays the message inside a one-digit Gather that posts to the opt-out URL', () => {
    const document = parseTwiml(
      carrier.answerDocument({
        playUrl: PLAY_URL,
        optOutDigit: '9',
        optOutUrl: 'https://levier.example/calls/opt-out?attempt=4&x=1',
      }),
    );
    expect(document.name).toBe('Response');
    expect(document.children.map((verb) => verb.name)).toEqual(['Gather', 'Hangup']);
    const [gather] = document.children;
    expect(gather.attributes).toEqual({
      numDigits: '1',
      action: 'https://levier.example/calls/opt-out?attempt=4&x=1',
      method: 'POST',
    });
    expect(gather.children).toEqual([
      { name: 'Play', attributes: {}, children: [], text: PLAY_URL },
    ]);
  });

  it('plays without a Gather when there is no opt-out digit, and only hangs up when asked', () => {
    const plain = parseTwiml(carrier.answerDocument({ playUrl: PLAY_URL }));
    expect(plain.children.map((verb) => [verb.name, verb.text])).toEqual([
      ['Play', PLAY_URL],
      ['Hangup', ''],
    ]);
    const hangUp = parseTwiml(carrier.answerDocument({ playUrl: PLAY_URL, hangUp: true }));
    expect(hangUp.children.map((verb) => verb.name)).toEqual(['Hangup']);
    expect(() => carrier.answerDocument({ playUrl: PLAY_URL, optOutDigit: '9' })).toThrow();
  });

  it('says the opt-out confirmation in French, then hangs up', () => {
    const document = parseTwiml(
      carrier.optOutConfirmationDocument({ text: "C'est noté & merci <3", language: 'fr-FR' }),
    );
    expect(document.children).toEqual([
      {
        name: 'Say',
        attributes: { language: 'fr-FR' },
        children: [],
        text: "C'est noté & merci <3",
      },
      { name: 'Hangup', attributes: {}, children: [], text: '' },
    ]);
  });
});
