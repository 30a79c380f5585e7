import { describe, expect, it } from 'vitest';
import {
  answeredByFrom,
  carrierCallRecordFrom,
  priceCentsFrom,
  twilioCallSchema,
} from './twilio-call-record.ts';

describe("Twilio's call resource", () => {
  it('turns a negative price in euros into positive cents, to the nearest cent', () => {
    expect(priceCentsFrom('-0.01300', 'EUR')).toBe(1);
    expect(priceCentsFrom('-0.01500', 'EUR')).toBe(2);
    expect(priceCentsFrom('-0.01499', 'EUR')).toBe(1);
    expect(priceCentsFrom('-1.2', 'eur')).toBe(120);
    expect(priceCentsFrom('-12.34567', 'EUR')).toBe(1235);
    expect(priceCentsFrom('0', 'EUR')).toBe(0);
    expect(priceCentsFrom('-0.00400', 'EUR')).toBe(0);
  });

  it('gives no price when there is none yet, or in another currency than the euro', () => {
    expect(priceCentsFrom(null, 'EUR')).toBeNull();
    expect(priceCentsFrom(undefined, undefined)).toBeNull();
    expect(priceCentsFrom('', 'EUR')).toBeNull();
    expect(priceCentsFrom('-0.01300', 'USD')).toBeNull();
    expect(priceCentsFrom('a lot', 'EUR')).toBeNull();
  });

  it("folds AMD's detailed answers into human, machine, fax and unknown", () => {
    expect(answeredByFrom('human')).toBe('human');
    for (const machine of [
      'machine_start',
      'machine_end_beep',
      'machine_end_silence',
      'machine_end_other',
    ]) {
      expect(answeredByFrom(machine)).toBe('machine');
    }
    expect(answeredByFrom('fax')).toBe('fax');
    expect(answeredByFrom('unknown')).toBe('unknown');
    expect(answeredByFrom(null)).toBeNull();
    expect(answeredByFrom('')).toBeNull();
  });

  it('reads a completed call as Twilio documents it', () => {
    const call = twilioCallSchema.parse({
      sid: 'CAe1644a7eed5088b159577c5802d8be38',
      account_sid: 'AC00000000000000000000000000000000',
      to: '+33612345678',
      from: '+33170000000',
      status: 'completed',
      answered_by: 'machine_end_beep',
      duration: '42',
      start_time: 'Tue, 10 Aug 2021 08:02:17 +0000',
      end_time: 'Tue, 10 Aug 2021 08:02:59 +0000',
      date_created: 'Tue, 10 Aug 2021 08:02:16 +0000',
      price: '-0.02600',
      price_unit: 'EUR',
      direction: 'outbound-api',
    });
    expect(carrierCallRecordFrom(call)).toEqual({
      carrierCallId: 'CAe1644a7eed5088b159577c5802d8be38',
      to: '+33612345678',
      from: '+33170000000',
      status: 'completed',
      answeredBy: 'machine',
      durationSeconds: 42,
      startedAt: new Date('2021-08-10T08:02:17Z'),
      endedAt: new Date('2021-08-10T08:02:59Z'),
      priceCents: 3,
    });
  });

  it('reads a call not dialled yet, with its empty fields', () => {
    const call = twilioCallSchema.parse({
      sid: 'CA1',
      to: '+33612345678',
      from: '+33170000000',
      status: 'queued',
      answered_by: null,
      duration: null,
      start_time: null,
      end_time: null,
      price: null,
      price_unit: 'USD',
    });
    expect(carrierCallRecordFrom(call)).toMatchObject({
      status: 'queued',
      answeredBy: null,
      durationSeconds: null,
      startedAt: null,
      endedAt: null,
      priceCents: null,
    });
  });
});
