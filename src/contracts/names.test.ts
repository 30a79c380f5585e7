import { describe, expect, it } from 'vitest';
import { nameProblem } from './names.ts';

describe('nameProblem', () => {
  it('accepts names as people write them, in any script', () => {
    for (const name of [
      'Jean-Pierre',
      "N'Diaye",
      'd’Arc',
      'Ĺudovít',
      'Nguyễn',
      'Nguye\u0302\u0303n',
      'J.-P.',
      "O'Neil-St.Clair",
      'Jo.Ann',
      'Mc Donald',
      'Ørsted',
      'Awwwards',
      'محمد',
      '王小明',
    ]) {
      expect(nameProblem(name), name).toBeNull();
    }
  });

  it('refuses what reads as a link', () => {
    for (const name of [
      'bit.ly/abc',
      'evil.de/pay',
      'exemple.fr',
      'Evil.COM',
      'jean.online/x',
      'www',
      'Jean www',
      'https://x',
    ]) {
      expect(nameProblem(name), name).toBe('no_links');
    }
  });

  it('refuses line breaks, digits and symbols', () => {
    for (const name of [
      'Jean\nVotre',
      'Jean\tX',
      '08 99',
      'Jean, Paul',
      'A&B',
      '-Jean',
      'Jean\u2028X',
    ]) {
      expect(nameProblem(name), name).toBe('invalid_name');
    }
  });
});
