import { describe, expect, it } from 'vitest';
import { campaignToday, emptyManualGift, manualGiftRequest } from './manualGiftForm.ts';

describe('the record-a-gift form', () => {
  it('sends only the chosen means’ details and a null civility when none is chosen', () => {
    const values = {
      ...emptyManualGift('2026-03-01'),
      means: 'transfer' as const,
      bank: 'Banque',
      chequeNumber: '123',
      reference: 'VIR-42',
    };
    const request = manualGiftRequest(values);
    expect(request.donor.civility).toBeNull();
    expect(request).toMatchObject({ bank: '', chequeNumber: '', reference: 'VIR-42' });
  });

  it('keeps the cheque’s bank and number for a cheque', () => {
    const values = { ...emptyManualGift('2026-03-01'), bank: 'Banque', chequeNumber: '0012' };
    expect(manualGiftRequest(values)).toMatchObject({ bank: 'Banque', chequeNumber: '0012' });
  });

  it('dates a gift in the campaign’s time zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(campaignToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
