import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../../contracts/person-records.ts';
import { contactRequest } from './personRecordRequests.ts';

describe('contactRequest', () => {
  const values = { channel: 'phone', outcome: 'reached', note: 'ok' } as const;

  it('sends the local time typed as an instant the schema accepts', () => {
    const request = contactRequest({ ...values, at: '2026-03-04T09:30' });
    expect(request.contactedAt).toBe(new Date('2026-03-04T09:30').toISOString());
    expect(contactInputSchema.safeParse(request).success).toBe(true);
  });

  it('leaves an empty or unreadable time for the schema to refuse', () => {
    for (const at of ['', 'not a time']) {
      const request = contactRequest({ ...values, at });
      expect(request.contactedAt).toBe(at);
      expect(contactInputSchema.safeParse(request).success).toBe(false);
    }
  });
});
