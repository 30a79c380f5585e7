/**
 * The simulator's HTTP surface: Twilio's REST paths for calls (basic auth, form bodies, JSON
 * answers) and the control endpoints under /simulator/ (no auth: loopback development only).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { twilioError, type ApiAnswer, type SimulatedCarrier } from './carrier.ts';

const MAX_BODY_BYTES = 1_000_000;
const CALLS = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\.json$/;
const CALL = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\/([^/]+)\.json$/;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, answer: ApiAnswer): void {
  const body = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

export interface ControlActions {
  /** Applies a configuration change; resolves once it is in effect (listener closed…). */
  configure(change: unknown): Promise<void>;
}

async function control(
  carrier: SimulatedCarrier,
  actions: ControlActions,
  request: IncomingMessage,
  url: URL,
): Promise<ApiAnswer> {
  if (request.method === 'GET' && url.pathname === '/simulator/stats') {
    const perNumber = ['1', 'true'].includes(url.searchParams.get('perNumber') ?? '');
    return { status: 200, body: carrier.stats(perNumber) };
  }
  if (request.method === 'POST' && url.pathname === '/simulator/configure') {
    let change: unknown;
    try {
      change = JSON.parse(await readBody(request));
    } catch {
      return { status: 400, body: { error: 'The body must be JSON' } };
    }
    try {
      await actions.configure(change);
    } catch (error) {
      return {
        status: 400,
        body: { error: error instanceof Error ? error.message : String(error) },
      };
    }
    const { authToken: _secret, ...options } = carrier.current;
    return { status: 200, body: options };
  }
  return { status: 404, body: { error: 'No such control endpoint' } };
}

async function api(
  carrier: SimulatedCarrier,
  request: IncomingMessage,
  url: URL,
): Promise<ApiAnswer> {
  const calls = CALLS.exec(url.pathname);
  const one = calls ? null : CALL.exec(url.pathname);
  const accountSid = calls?.[1] ?? one?.[1];
  if (!accountSid) return twilioError(404, 20404, 'The requested resource was not found');
  const isCreate = calls !== null && request.method === 'POST';
  const unreachable = carrier.unreachableAnswer(isCreate);
  if (unreachable) return unreachable;
  const refused = carrier.authorize(request.headers.authorization, decodeURIComponent(accountSid));
  if (refused) return refused;
  const form = () => readBody(request).then((body) => new URLSearchParams(body));
  if (calls && request.method === 'POST') return carrier.create(await form());
  if (calls && request.method === 'GET') return carrier.list(url.pathname, url.searchParams);
  if (one && request.method === 'GET') return carrier.fetch(decodeURIComponent(one[2]));
  if (one && request.method === 'POST') {
    return carrier.update(decodeURIComponent(one[2]), await form());
  }
  return twilioError(405, 20004, 'Method not allowed');
}

/** The handler of a listener: the API and the control endpoints, or the control ones only. */
export function simulatorHandler(
  carrier: SimulatedCarrier,
  actions: ControlActions,
  serves: 'api-and-control' | 'control',
) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    const answering = url.pathname.startsWith('/simulator/')
      ? control(carrier, actions, request, url)
      : serves === 'api-and-control'
        ? api(carrier, request, url)
        : Promise.resolve<ApiAnswer>({ status: 404, body: { error: 'Control endpoints only' } });
    answering.then(
      (answer) => send(response, answer),
      (error: unknown) =>
        send(
          response,
          twilioError(400, 20001, error instanceof Error ? error.message : 'Bad request'),
        ),
    );
  };
}
