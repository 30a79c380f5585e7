import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { CarrierError } from '../calling/carrier/port.ts';
import { createTwilioSms } from './twilio.ts';

const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a-production-secret-of-at-least-32-characters',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  CARRIER: 'twilio',
  TWILIO_ACCOUNT_SID: 'ACproductiontest',
  TWILIO_AUTH_TOKEN: 'production-test-token',
};

describe('SMS configuration', () => {
  it('sends through Twilio when its account is set, else keeps texts (dev) outside production', () => {
    expect(loadConfig(production).smsProvider).toBe('twilio');
    expect(loadConfig({ NODE_ENV: 'test' }).smsProvider).toBe('dev');
  });

  it('refuses the development adapter in production unless explicitly allowed', () => {
    expect(() => loadConfig({ ...production, SMS_PROVIDER: 'dev' })).toThrow(
      /development SMS adapter/,
    );
    expect(
      loadConfig({ ...production, SMS_PROVIDER: 'dev', ALLOW_DEV_ADAPTERS: 'true' }).smsProvider,
    ).toBe('dev');
    expect(() => loadConfig({ ...production, SMS_CLOCK: '2026-12-08T10:00:00+01:00' })).toThrow(
      /SMS_CLOCK is for tests/,
    );
  });

  it('refuses Twilio without its credentials, and a STOP number that is not a short number', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', SMS_PROVIDER: 'twilio' })).toThrow(
      /SMS_PROVIDER=twilio needs/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', SMS_STOP_NUMBER: 'STOP' })).toThrow(
      /SMS_STOP_NUMBER/,
    );
  });
});

describe('the Twilio SMS adapter', () => {
  const received: Array<{ url: string; auth: string; form: URLSearchParams }> = [];
  let answer: { status: number; body: unknown } = { status: 201, body: { sid: 'SM123' } };
  const server = createServer((request: IncomingMessage, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      received.push({
        url: request.url ?? '',
        auth: request.headers.authorization ?? '',
        form: new URLSearchParams(text),
      });
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  let baseUrl: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the text to the Messages API with its sender, validity period and status callback', async () => {
    const sms = createTwilioSms({ accountSid: 'AC1', authToken: 'secret', baseUrl });
    const sent = await sms.send({
      to: '+33611000002',
      from: 'Levier',
      body: 'Bonjour\nSTOP au 36111',
      validitySeconds: 3600,
      statusCallbackUrl: 'https://levier.example/api/sms/webhooks/1/status',
    });
    expect(sent).toEqual({ providerId: 'SM123' });
    const [request] = received;
    expect(request!.url).toBe('/2010-04-01/Accounts/AC1/Messages.json');
    expect(request!.auth).toBe(`Basic ${Buffer.from('AC1:secret').toString('base64')}`);
    expect(Object.fromEntries(request!.form)).toEqual({
      To: '+33611000002',
      From: 'Levier',
      Body: 'Bonjour\nSTOP au 36111',
      ValidityPeriod: '3600',
      StatusCallback: 'https://levier.example/api/sms/webhooks/1/status',
    });
  });

  it('tells a refusal from an answer lost (which may have been sent)', async () => {
    const sms = createTwilioSms({ accountSid: 'AC1', authToken: 'secret', baseUrl });
    const text = {
      to: '+33611000002',
      from: 'Levier',
      body: 'x',
      validitySeconds: 60,
      statusCallbackUrl: null,
    };
    answer = { status: 400, body: { code: 21211, message: 'Invalid To' } };
    await expect(sms.send(text)).rejects.toMatchObject({ kind: 'rejected' });
    answer = { status: 502, body: {} };
    const lost = await sms.send(text).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(CarrierError);
    expect(lost).toMatchObject({ kind: 'unknown' });
  });
});
