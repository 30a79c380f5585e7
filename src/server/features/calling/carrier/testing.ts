/**
 * For the carrier's tests: a Levier stand-in on loopback (fastify) that receives what a carrier
 * sends — answer URL, opt-out keypress, status and AMD callbacks — checks each signature with the
 * adapter, and keeps them.
 */
import Fastify, { type FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { AnsweredScript, PlaceCallRequest, VoiceCarrier } from './port.ts';

export const TEST_ACCOUNT_SID = `AC${'5'.repeat(32)}`;
export const TEST_AUTH_TOKEN = 'levier-simulator-test-token';
export const CALLER_ID = '+33170000000';

export type HookKind = 'answer' | 'optout' | 'status' | 'amd';

export interface ReceivedHook {
  kind: HookKind;
  attemptId: number;
  params: Record<string, string>;
  signatureValid: boolean;
}

export interface CallbackReceiver {
  baseUrl: string;
  received: ReceivedHook[];
  of(kind: HookKind, attemptId?: number): ReceivedHook[];
  /** The URLs of one attempt, as the dialler would put them in its PlaceCallRequest. */
  callRequest(attemptId: number, to: string, detectMachines?: boolean): PlaceCallRequest;
  close(): Promise<void>;
}

export const OPT_OUT_CONFIRMATION = {
  text: 'Vous ne recevrez plus nos appels. Au revoir.',
  language: 'fr-FR',
};

export async function startCallbackReceiver(
  carrier: VoiceCarrier,
  script: (attemptId: number) => AnsweredScript,
): Promise<CallbackReceiver> {
  const app = Fastify();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const received: ReceivedHook[] = [];
  let baseUrl = '';

  const receive = (kind: HookKind, request: FastifyRequest): ReceivedHook => {
    const params = (request.body ?? {}) as Record<string, string>;
    const attemptId = Number(new URL(request.url, baseUrl).searchParams.get('attempt'));
    const signatureValid = carrier.verifyCallback({
      url: `${baseUrl}${request.url}`,
      params,
      signature: request.headers['x-twilio-signature'] as string | undefined,
    });
    const hook = { kind, attemptId, params, signatureValid };
    received.push(hook);
    return hook;
  };

  app.post('/answer', async (request, reply) => {
    const { attemptId } = receive('answer', request);
    return reply.type('text/xml').send(carrier.answerDocument(script(attemptId)));
  });
  app.post('/optout', async (request, reply) => {
    receive('optout', request);
    return reply.type('text/xml').send(carrier.optOutConfirmationDocument(OPT_OUT_CONFIRMATION));
  });
  app.post('/status', async (request, reply) => {
    receive('status', request);
    return reply.code(204).send();
  });
  app.post('/amd', async (request, reply) => {
    receive('amd', request);
    return reply.code(204).send();
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    received,
    of: (kind, attemptId) =>
      received.filter(
        (hook) => hook.kind === kind && (attemptId === undefined || hook.attemptId === attemptId),
      ),
    callRequest: (attemptId, to, detectMachines = true) => ({
      attemptId,
      to,
      from: CALLER_ID,
      answerUrl: `${baseUrl}/answer?attempt=${attemptId}`,
      statusCallbackUrl: `${baseUrl}/status?attempt=${attemptId}`,
      machineDetectionUrl: `${baseUrl}/amd?attempt=${attemptId}`,
      ringSeconds: 30,
      detectMachines,
    }),
    close: () => app.close(),
  };
}

/** An attempt's opt-out URL on the receiver. */
export function optOutUrl(receiver: CallbackReceiver, attemptId: number): string {
  return `${receiver.baseUrl}/optout?attempt=${attemptId}`;
}

/** French mobile numbers, one per index. */
export function testNumber(index: number): string {
  return `+336${String(10_000_000 + index).padStart(8, '0')}`;
}
