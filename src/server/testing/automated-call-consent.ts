import { expect } from 'vitest';
import type { Browser } from './harness.ts';

/** Staff record a person's consent to automated calls on weekdays 09:00–19:00 (a paper coupon). */
export async function agreeToAutomatedCalls(staff: Browser, personId: number): Promise<void> {
  const recorded = await staff.post(`/api/people/${personId}/consents`, {
    channel: 'automated_call',
    granted: true,
    source: 'letter',
    receivedOn: '2026-11-02',
    note: 'Coupon-réponse, classeur 3',
    wordingVersion: 'coupon-2026',
    slot: { weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '19:00' },
  });
  expect(recorded.statusCode, recorded.body).toBe(200);
}
