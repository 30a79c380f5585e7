import { describe, expect, it } from 'vitest';
import { formatSlot } from './slot.ts';

describe('formatSlot', () => {
  it('says runs of days with a dash, then the hours', () => {
    const slot = { weekdays: [5, 1, 2, 3, 4], from: '10:00', to: '13:00' };
    expect(formatSlot(slot, 'fr')).toBe('lun.–ven., 10:00–13:00');
    expect(formatSlot(slot, 'en')).toBe('Mon–Fri, 10:00–13:00');
  });
  it('lists days apart or in pairs one by one', () => {
    expect(formatSlot({ weekdays: [1, 3, 6, 7], from: '09:00', to: '12:00' }, 'en')).toBe(
      'Mon, Wed, Sat, Sun, 09:00–12:00',
    );
  });
});
