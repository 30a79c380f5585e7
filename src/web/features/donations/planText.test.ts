import { describe, expect, it } from 'vitest';
import { stoppedReasonText } from './planText.ts';

describe('stoppedReasonText', () => {
  const t = (key: string) => key;

  it('says the known codes in the donor’s words', () => {
    expect(stoppedReasonText({ stoppedReason: 'donor' }, t)).toBe('myPlans.reason.donor');
    expect(stoppedReasonText({ stoppedReason: 'card_declined' }, t)).toBe(
      'myPlans.reason.card_declined',
    );
  });

  it('says other card codes generally and keeps the law’s sentence as it is', () => {
    expect(stoppedReasonText({ stoppedReason: 'expired_card' }, t)).toBe(
      'myPlans.reason.card_other',
    );
    const law = 'Ce don porterait votre total pour cette élection à 4 650 €.';
    expect(stoppedReasonText({ stoppedReason: law }, t)).toBe(law);
  });

  it('is null for a plan that did not stop', () => {
    expect(stoppedReasonText({ stoppedReason: null }, t)).toBeNull();
  });
});
