/**
 * A small Stripe for tests: a real HTTP server on loopback that speaks the part of Stripe's REST
 * API the Stripe adapter calls (form-encoded requests, Stripe-shaped objects, lists, errors and
 * idempotency keys), so that tests drive the real `stripe` library without the network. What a
 * donor or a bank would do (pay, abandon, decline, pay out) is done through the control methods,
 * which return the events Stripe would send; `signedWebhook` signs one as Stripe does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

type Params = { [key: string]: string | Params | Array<string | Params> };

export interface ReceivedRequest {
  method: string;
  path: string;
  params: Params;
  idempotencyKey: string | null;
}

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  created: number;
  mode: 'payment' | 'setup';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  amount_total: number | null;
  currency: string | null;
  customer: string | null;
  customer_email: string | null;
  client_reference_id: string | null;
  expires_at: number;
  locale: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  setup_intent: string | null;
  success_url: string | null;
  cancel_url: string | null;
  submit_type: string | null;
  url: string | null;
  livemode: false;
}

export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  created: number;
  amount: number;
  amount_received: number;
  currency: string;
  customer: string | null;
  description: string | null;
  latest_charge: string | null;
  last_payment_error: CardFailure | null;
  metadata: Record<string, string>;
  payment_method: string | null;
  setup_future_usage: string | null;
  status: 'succeeded' | 'requires_payment_method';
  livemode: false;
}

interface CardFailure {
  type: 'card_error';
  code: string;
  decline_code?: string;
  message: string;
}

interface FakeCharge {
  id: string;
  object: 'charge';
  created: number;
  amount: number;
  amount_refunded: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  refunded: boolean;
  status: 'succeeded';
  livemode: false;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  created: number;
  amount: number;
  charge: string;
  currency: string;
  payment_intent: string;
  status: 'succeeded';
}

interface FakeSetupIntent {
  id: string;
  object: 'setup_intent';
  created: number;
  customer: string | null;
  metadata: Record<string, string>;
  payment_method: string;
  status: 'succeeded';
  usage: 'off_session';
}

export interface FakeCustomer {
  id: string;
  object: 'customer';
  created: number;
  email: string | null;
  metadata: Record<string, string>;
}

interface FakePaymentMethod {
  id: string;
  object: 'payment_method';
  created: number;
  customer: string | null;
  type: 'card';
}

export interface FakePayout {
  id: string;
  object: 'payout';
  created: number;
  amount: number;
  arrival_date: number;
  automatic: true;
  currency: string;
  metadata: Record<string, string>;
  status: string;
  type: 'bank_account';
}

interface FakeBalanceTransaction {
  id: string;
  object: 'balance_transaction';
  created: number;
  amount: number;
  fee: number;
  net: number;
  currency: string;
  reporting_category: string;
  source: string;
  status: 'available';
  type: 'charge' | 'refund' | 'payout';
}

type StripeObject = { id: string; object: string; created: number };

export interface FakeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: unknown };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
}

class StripeFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; code?: string; decline_code?: string; param?: string } & {
      message: string;
      payment_intent?: unknown;
    },
  ) {
    super(body.message);
  }
}

function missing(kind: string, id: string, param = 'id'): StripeFailure {
  return new StripeFailure(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
  });
}

function invalid(param: string, message: string): StripeFailure {
  return new StripeFailure(400, {
    type: 'invalid_request_error',
    code: 'parameter_invalid',
    param,
    message,
  });
}

/** `a[b][0]=x` form fields into nested objects and arrays, as Stripe reads them. */
export function parseStripeParams(query: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Params = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = value;
        return;
      }
      if (typeof node[segment] !== 'object') node[segment] = {};
      node = node[segment] as Params;
    });
  }
  return arraysOf(root) as Params;
}

function arraysOf(value: Params | string): Params | string | Array<Params | string> {
  if (typeof value === 'string') return value;
  const keys = Object.keys(value);
  const converted = Object.fromEntries(
    keys.map((key) => [key, arraysOf(value[key] as Params | string)]),
  );
  if (keys.length > 0 && keys.every((key, index) => key === String(index))) {
    return keys.map((key) => converted[key] as Params | string);
  }
  return converted as Params;
}

function text(params: Params, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
}
function record(params: Params, key: string): Params {
  const value = params[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function stringRecord(params: Params): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
function integer(params: Params, key: string): number | undefined {
  const value = text(params, key);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw invalid(key, `Invalid integer: ${value}`);
  return Number(value);
}

const snapshot = <T>(value: T): T => structuredClone(value);

export interface FakeStripeOptions {
  secretKey?: string;
}

export async function startFakeStripe(options: FakeStripeOptions = {}) {
  const secretKey = options.secretKey ?? 'sk_test_levier_fake';
  let sequence = 0;
  let clockOffsetMs = 0;
  let maxPageSize = 100;
  let failuresToSimulate = 0;
  const nextId = (prefix: string) => `${prefix}_fake${String(++sequence).padStart(6, '0')}`;
  const now = () => Math.floor((Date.now() + clockOffsetMs) / 1000);

  const requests: ReceivedRequest[] = [];
  const events: FakeEvent[] = [];
  const sessions = new Map<string, FakeSession>();
  const sessionOptions = new Map<
    string,
    {
      setupFutureUsage: string | null;
      intentMetadata: Record<string, string>;
      description: string | null;
    }
  >();
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const charges = new Map<string, FakeCharge>();
  const refunds = new Map<string, FakeRefund>();
  const setupIntents = new Map<string, FakeSetupIntent>();
  const customers = new Map<string, FakeCustomer>();
  const paymentMethods = new Map<string, FakePaymentMethod>();
  const payouts = new Map<string, FakePayout>();
  const balanceTransactions = new Map<string, FakeBalanceTransaction & { payout: string }>();
  const declines = new Map<string, CardFailure>();
  const idempotent = new Map<string, { fingerprint: string; status: number; body: string }>();

  function emit(type: string, object: unknown): FakeEvent {
    const event: FakeEvent = {
      id: nextId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: now(),
      data: { object: snapshot(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    events.push(event);
    return event;
  }

  function newPaymentMethod(customer: string | null): FakePaymentMethod {
    const method: FakePaymentMethod = {
      id: nextId('pm'),
      object: 'payment_method',
      created: now(),
      customer,
      type: 'card',
    };
    paymentMethods.set(method.id, method);
    return method;
  }

  function succeededIntent(fields: {
    amount: number;
    customer: string | null;
    description: string | null;
    metadata: Record<string, string>;
    paymentMethod: string;
    setupFutureUsage: string | null;
  }): FakePaymentIntent {
    const intent: FakePaymentIntent = {
      id: nextId('pi'),
      object: 'payment_intent',
      created: now(),
      amount: fields.amount,
      amount_received: fields.amount,
      currency: 'eur',
      customer: fields.customer,
      description: fields.description,
      latest_charge: null,
      last_payment_error: null,
      metadata: fields.metadata,
      payment_method: fields.paymentMethod,
      setup_future_usage: fields.setupFutureUsage,
      status: 'succeeded',
      livemode: false,
    };
    const charge: FakeCharge = {
      id: nextId('ch'),
      object: 'charge',
      created: intent.created,
      amount: intent.amount,
      amount_refunded: 0,
      currency: 'eur',
      // Stripe copies the PaymentIntent's metadata to its charge.
      metadata: { ...intent.metadata },
      payment_intent: intent.id,
      refunded: false,
      status: 'succeeded',
      livemode: false,
    };
    intent.latest_charge = charge.id;
    paymentIntents.set(intent.id, intent);
    charges.set(charge.id, charge);
    return intent;
  }

  // --- the REST API -------------------------------------------------------------------------

  function createCustomer(params: Params): FakeCustomer {
    const customer: FakeCustomer = {
      id: nextId('cus'),
      object: 'customer',
      created: now(),
      email: text(params, 'email') ?? null,
      metadata: stringRecord(record(params, 'metadata')),
    };
    customers.set(customer.id, customer);
    return customer;
  }

  function createSession(params: Params, baseUrl: string): FakeSession {
    const mode = text(params, 'mode');
    if (mode !== 'payment' && mode !== 'setup')
      throw invalid('mode', 'mode must be payment or setup');
    const customer = text(params, 'customer') ?? null;
    const customerEmail = text(params, 'customer_email') ?? null;
    if (customer && customerEmail) {
      throw invalid(
        'customer_email',
        'You may only specify one of these parameters: customer, customer_email.',
      );
    }
    if (customer && !customers.has(customer)) throw missing('customer', customer, 'customer');
    if (!text(params, 'success_url'))
      throw invalid('success_url', 'Missing required param: success_url.');
    const created = now();
    const expiresAt = integer(params, 'expires_at') ?? created + 24 * 3600;
    if (expiresAt < created + 30 * 60 || expiresAt > created + 24 * 3600) {
      throw invalid(
        'expires_at',
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
      );
    }
    let amountTotal: number | null = null;
    let currency: string | null = text(params, 'currency') ?? null;
    if (mode === 'payment') {
      const items = params.line_items;
      if (!Array.isArray(items) || items.length === 0) {
        throw invalid('line_items', 'line_items is required in payment mode.');
      }
      amountTotal = 0;
      items.forEach((item, index) => {
        if (typeof item === 'string') throw invalid(`line_items[${index}]`, 'Invalid line item');
        const priceData = record(item, 'price_data');
        const unitAmount = integer(priceData, 'unit_amount');
        if (unitAmount === undefined || unitAmount < 50) {
          throw invalid(
            `line_items[${index}][price_data][unit_amount]`,
            'Amount must be at least 0.50 eur',
          );
        }
        currency = text(priceData, 'currency') ?? null;
        amountTotal = (amountTotal ?? 0) + unitAmount * (integer(item, 'quantity') ?? 1);
      });
    } else if (!currency && !Array.isArray(params.allowed_payment_method_types)) {
      throw invalid('currency', 'currency is required in setup mode.');
    }
    const intentData = record(
      params,
      mode === 'payment' ? 'payment_intent_data' : 'setup_intent_data',
    );
    const session: FakeSession = {
      id: nextId('cs_test'),
      object: 'checkout.session',
      created,
      mode,
      status: 'open',
      payment_status: mode === 'payment' ? 'unpaid' : 'no_payment_required',
      amount_total: amountTotal,
      currency,
      customer,
      customer_email: customerEmail,
      client_reference_id: text(params, 'client_reference_id') ?? null,
      expires_at: expiresAt,
      locale: text(params, 'locale') ?? null,
      metadata: stringRecord(record(params, 'metadata')),
      payment_intent: null,
      setup_intent: null,
      success_url: text(params, 'success_url') ?? null,
      cancel_url: text(params, 'cancel_url') ?? null,
      submit_type: text(params, 'submit_type') ?? null,
      url: '',
      livemode: false,
    };
    session.url = `${baseUrl}/pay/${session.id}`;
    sessions.set(session.id, session);
    sessionOptions.set(session.id, {
      setupFutureUsage: text(intentData, 'setup_future_usage') ?? null,
      intentMetadata: stringRecord(record(intentData, 'metadata')),
      description: text(intentData, 'description') ?? null,
    });
    return session;
  }

  function createPaymentIntent(params: Params): FakePaymentIntent {
    const amount = integer(params, 'amount');
    if (amount === undefined || amount < 50)
      throw invalid('amount', 'Amount must be at least 50 cents');
    if (text(params, 'currency') !== 'eur') throw invalid('currency', 'This fake takes eur only');
    if (text(params, 'confirm') !== 'true' || text(params, 'off_session') !== 'true') {
      throw invalid('confirm', 'This fake takes confirmed off-session PaymentIntents only');
    }
    const customer = text(params, 'customer') ?? '';
    if (!customers.has(customer)) throw missing('customer', customer, 'customer');
    const methodId = text(params, 'payment_method') ?? '';
    const method = paymentMethods.get(methodId);
    if (!method) throw missing('payment_method', methodId, 'payment_method');
    if (method.customer !== customer) {
      throw invalid(
        'payment_method',
        `The PaymentMethod ${methodId} does not belong to ${customer}.`,
      );
    }
    const metadata = stringRecord(record(params, 'metadata'));
    const description = text(params, 'description') ?? null;
    const failure = declines.get(methodId);
    if (!failure) {
      const intent = succeededIntent({
        amount,
        customer,
        description,
        metadata,
        paymentMethod: methodId,
        setupFutureUsage: null,
      });
      emit('payment_intent.succeeded', intent);
      return intent;
    }
    const intent: FakePaymentIntent = {
      id: nextId('pi'),
      object: 'payment_intent',
      created: now(),
      amount,
      amount_received: 0,
      currency: 'eur',
      customer,
      description,
      latest_charge: null,
      last_payment_error: failure,
      metadata,
      payment_method: null,
      setup_future_usage: null,
      status: 'requires_payment_method',
      livemode: false,
    };
    paymentIntents.set(intent.id, intent);
    emit('payment_intent.payment_failed', intent);
    throw new StripeFailure(402, { ...failure, payment_intent: snapshot(intent) });
  }

  function createRefund(params: Params): FakeRefund {
    const intentId = text(params, 'payment_intent') ?? '';
    const intent = paymentIntents.get(intentId);
    if (!intent) throw missing('payment_intent', intentId, 'payment_intent');
    const charge = intent.latest_charge ? charges.get(intent.latest_charge) : undefined;
    if (intent.status !== 'succeeded' || !charge) {
      throw invalid(
        'payment_intent',
        `PaymentIntent ${intentId} has no successful charge to refund.`,
      );
    }
    const amount = integer(params, 'amount') ?? charge.amount - charge.amount_refunded;
    if (amount <= 0 || amount > charge.amount - charge.amount_refunded) {
      throw new StripeFailure(400, {
        type: 'invalid_request_error',
        code: 'amount_too_large',
        param: 'amount',
        message: `Refund amount (${amount}) is greater than unrefunded amount on charge.`,
      });
    }
    const refund: FakeRefund = {
      id: nextId('re'),
      object: 'refund',
      created: now(),
      amount,
      charge: charge.id,
      currency: 'eur',
      payment_intent: intent.id,
      status: 'succeeded',
    };
    refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    emit('charge.refunded', charge);
    return refund;
  }

  function list<T extends StripeObject>(
    items: Iterable<T>,
    params: Params,
    url: string,
    expand: (item: T) => unknown = (item) => item,
  ) {
    const created = record(params, 'created');
    const bound = (key: string) => integer(created, key);
    const [gte, gt, lte, lt] = [bound('gte'), bound('gt'), bound('lte'), bound('lt')];
    // Newest first, as Stripe lists; among equals, the later created first.
    let all = [...items]
      .map((item, index) => ({ item, index }))
      .filter(
        ({ item }) =>
          (gte === undefined || item.created >= gte) &&
          (gt === undefined || item.created > gt) &&
          (lte === undefined || item.created <= lte) &&
          (lt === undefined || item.created < lt),
      )
      .sort((a, b) => b.item.created - a.item.created || b.index - a.index)
      .map(({ item }) => item);
    const after = text(params, 'starting_after');
    if (after !== undefined) {
      const position = all.findIndex((item) => item.id === after);
      if (position < 0) throw missing('object', after, 'starting_after');
      all = all.slice(position + 1);
    }
    const limit = Math.min(integer(params, 'limit') ?? 10, maxPageSize);
    return {
      object: 'list',
      data: all.slice(0, limit).map(expand),
      has_more: all.length > limit,
      url,
    };
  }

  function route(method: string, path: string, params: Params, baseUrl: string): unknown {
    const [, , resource, id, ...rest] = path.split('/');
    const get = <T>(map: Map<string, T>, kind: string, key: string | undefined) => {
      const found = key === undefined ? undefined : map.get(key);
      if (!found) throw missing(kind, key ?? '');
      return found;
    };
    if (rest.length === 0) {
      if (method === 'POST' && path === '/v1/customers') return createCustomer(params);
      if (method === 'GET' && resource === 'customers' && id) return get(customers, 'customer', id);
      if (method === 'POST' && path === '/v1/payment_intents') return createPaymentIntent(params);
      if (method === 'GET' && path === '/v1/payment_intents') {
        return list(paymentIntents.values(), params, path);
      }
      if (method === 'GET' && resource === 'payment_intents') {
        return get(paymentIntents, 'payment_intent', id);
      }
      if (method === 'GET' && resource === 'setup_intents')
        return get(setupIntents, 'setup_intent', id);
      if (method === 'POST' && path === '/v1/refunds') return createRefund(params);
      if (method === 'GET' && path === '/v1/payouts') return list(payouts.values(), params, path);
      if (method === 'GET' && path === '/v1/balance_transactions') {
        const payout = text(params, 'payout');
        const expandSource = JSON.stringify(params.expand ?? []).includes('data.source');
        return list(
          [...balanceTransactions.values()].filter(
            (t) => payout === undefined || t.payout === payout,
          ),
          params,
          path,
          ({ payout: _payout, ...transaction }) =>
            expandSource ? { ...transaction, source: sourceOf(transaction.source) } : transaction,
        );
      }
    }
    if (resource === 'checkout' && id === 'sessions') {
      if (method === 'POST' && rest.length === 0) return createSession(params, baseUrl);
      if (method === 'GET' && rest.length === 1) return get(sessions, 'checkout.session', rest[0]);
    }
    throw new StripeFailure(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}).`,
    });
  }

  function sourceOf(id: string): unknown {
    return charges.get(id) ?? refunds.get(id) ?? payouts.get(id) ?? id;
  }

  async function handle(request: IncomingMessage, response: ServerResponse, baseUrl: string) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', baseUrl);
    const method = request.method ?? 'GET';
    const params = parseStripeParams(method === 'GET' ? url.search.slice(1) : body);
    const header = request.headers['idempotency-key'];
    const idempotencyKey = typeof header === 'string' ? header : null;
    requests.push({ method, path: url.pathname, params, idempotencyKey });

    const send = (status: number, json: string, replayed = false) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'request-id': `req_fake${sequence}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
      response.end(json);
    };
    if (failuresToSimulate > 0) {
      failuresToSimulate -= 1;
      send(500, JSON.stringify({ error: { type: 'api_error', message: 'Simulated failure' } }));
      return;
    }
    if (request.headers.authorization !== `Bearer ${secretKey}`) {
      send(
        401,
        JSON.stringify({
          error: { type: 'invalid_request_error', message: 'Invalid API Key provided' },
        }),
      );
      return;
    }
    const fingerprint = `${method} ${url.pathname} ${body}`;
    if (method === 'POST' && idempotencyKey) {
      const earlier = idempotent.get(idempotencyKey);
      if (earlier && earlier.fingerprint !== fingerprint) {
        send(
          400,
          JSON.stringify({
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
            },
          }),
        );
        return;
      }
      if (earlier) {
        send(earlier.status, earlier.body, true);
        return;
      }
    }
    let status = 200;
    let json: string;
    try {
      json = JSON.stringify(route(method, url.pathname, params, baseUrl));
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error;
      status = error.status;
      json = JSON.stringify({ error: error.body });
    }
    if (method === 'POST' && idempotencyKey) {
      idempotent.set(idempotencyKey, { fingerprint, status, body: json });
    }
    send(status, json);
  }

  const server = createServer((request, response) => {
    handle(request, response, baseUrl).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;

  // --- what donors and banks do -------------------------------------------------------------

  function openSession(sessionId: string): FakeSession {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`No Checkout Session ${sessionId}`);
    if (session.status !== 'open')
      throw new Error(`Checkout Session ${sessionId} is ${session.status}`);
    return session;
  }

  function customerOf(session: FakeSession): string {
    if (session.customer) return session.customer;
    const customer = createCustomer({ email: session.customer_email ?? '' });
    return customer.id;
  }

  return {
    apiBase: { host: '127.0.0.1', port, protocol: 'http' as const },
    secretKey,
    requests,
    events,
    sessions,
    paymentIntents,
    charges,
    refunds,
    customers,
    setupIntents,
    payouts,

    /** The requests received on one method and path, oldest first. */
    requestsTo(method: string, path: string): ReceivedRequest[] {
      return requests.filter((r) => r.method === method && r.path === path);
    },

    /**
     * The donor finishes the Checkout page. `paid`: the card pays (and is kept when the session
     * asked for it); `failed`: an asynchronous payment that the bank refuses afterwards. A setup
     * session saves a new card. Returns the event Stripe sends last for it.
     */
    completeCheckout(sessionId: string, outcome: 'paid' | 'failed' = 'paid'): FakeEvent {
      const session = openSession(sessionId);
      const stored = sessionOptions.get(sessionId);
      session.status = 'complete';
      if (session.mode === 'setup') {
        const customer = customerOf(session);
        const method = newPaymentMethod(customer);
        const setupIntent: FakeSetupIntent = {
          id: nextId('seti'),
          object: 'setup_intent',
          created: now(),
          customer,
          metadata: stored?.intentMetadata ?? {},
          payment_method: method.id,
          status: 'succeeded',
          usage: 'off_session',
        };
        setupIntents.set(setupIntent.id, setupIntent);
        session.setup_intent = setupIntent.id;
        session.customer = customer;
        emit('setup_intent.succeeded', setupIntent);
        return emit('checkout.session.completed', session);
      }
      if (outcome === 'failed') {
        emit('checkout.session.completed', session);
        return emit('checkout.session.async_payment_failed', session);
      }
      const keepsCard = stored?.setupFutureUsage === 'off_session';
      const customer = keepsCard ? customerOf(session) : session.customer;
      const method = newPaymentMethod(keepsCard ? customer : null);
      const intent = succeededIntent({
        amount: session.amount_total ?? 0,
        customer,
        description: stored?.description ?? null,
        metadata: stored?.intentMetadata ?? {},
        paymentMethod: method.id,
        setupFutureUsage: stored?.setupFutureUsage ?? null,
      });
      session.payment_intent = intent.id;
      session.payment_status = 'paid';
      session.customer = customer;
      emit('payment_intent.succeeded', intent);
      return emit('checkout.session.completed', session);
    },

    /** The session's time runs out before the donor pays. */
    expireCheckout(sessionId: string): FakeEvent {
      const session = openSession(sessionId);
      session.status = 'expired';
      return emit('checkout.session.expired', session);
    },

    /** A saved card the bank refuses from now on (`authentication_required`: it wants the donor). */
    declineCard(
      paymentMethodId: string,
      code: 'card_declined' | 'authentication_required' = 'card_declined',
      declineCode = 'insufficient_funds',
    ): void {
      declines.set(paymentMethodId, {
        type: 'card_error',
        code,
        ...(code === 'card_declined' ? { decline_code: declineCode } : {}),
        message:
          code === 'card_declined'
            ? 'Your card was declined.'
            : 'Your card was declined. This transaction requires authentication.',
      });
    },

    /**
     * Stripe pays these PaymentIntents out to the bank, less its fee (1.5% + 0.25 EUR each),
     * and takes these refunds from it.
     */
    createPayout(input: {
      paymentIntents: string[];
      refunds?: string[];
      arrivalOn: string;
      status?: 'paid' | 'pending' | 'in_transit' | 'failed' | 'canceled';
    }): FakePayout {
      const payout: FakePayout = {
        id: nextId('po'),
        object: 'payout',
        created: now(),
        amount: 0,
        arrival_date: Date.parse(`${input.arrivalOn}T00:00:00Z`) / 1000,
        automatic: true,
        currency: 'eur',
        metadata: {},
        status: input.status ?? 'paid',
        type: 'bank_account',
      };
      const add = (
        type: FakeBalanceTransaction['type'],
        source: string,
        amount: number,
        fee: number,
      ) => {
        const transaction = {
          id: nextId('txn'),
          object: 'balance_transaction' as const,
          created: now(),
          amount,
          fee,
          net: amount - fee,
          currency: 'eur',
          reporting_category: type,
          source,
          status: 'available' as const,
          type,
          payout: payout.id,
        };
        balanceTransactions.set(transaction.id, transaction);
        return transaction.net;
      };
      let net = 0;
      for (const intentId of input.paymentIntents) {
        const chargeId = paymentIntents.get(intentId)?.latest_charge;
        const charge = chargeId ? charges.get(chargeId) : undefined;
        if (!charge) throw new Error(`PaymentIntent ${intentId} has no charge`);
        net += add('charge', charge.id, charge.amount, Math.round(charge.amount * 0.015) + 25);
      }
      for (const refundId of input.refunds ?? []) {
        const refund = refunds.get(refundId);
        if (!refund) throw new Error(`No refund ${refundId}`);
        net += add('refund', refund.id, -refund.amount, 0);
      }
      payout.amount = net;
      add('payout', payout.id, -net, 0);
      payouts.set(payout.id, payout);
      return payout;
    },

    /** Any event, for the kinds no control method makes. */
    event(type: string, object: StripeObject & Record<string, unknown>): FakeEvent {
      return emit(type, object);
    },

    /** Moves the fake's clock (objects' `created`), leaving the real one alone. */
    setNow(date: Date): void {
      clockOffsetMs = date.getTime() - Date.now();
    },

    /** Caps every list page, so that a few objects take several pages. */
    setMaxPageSize(size: number): void {
      maxPageSize = size;
    },

    /** The next requests are answered 500 before they are read, as a Stripe outage would. */
    failNextRequests(count: number): void {
      failuresToSimulate = count;
    },

    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;

/**
 * A webhook as Stripe delivers it: the event's JSON and its Stripe-Signature header, signed with
 * the library's own test helper. `timestamp` (Unix seconds) makes an old delivery.
 */
export function signedWebhook(
  event: unknown,
  secret: string,
  options: { timestamp?: number } = {},
): { rawBody: Buffer; headers: Record<string, string> } {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
  return {
    rawBody: Buffer.from(payload, 'utf8'),
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
  };
}
