import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './win-ansi.ts';

describe('text for the standard PDF fonts', () => {
  it('keeps French, Latin-1 and the WinAnsi signs as they are', () => {
    const text = 'Œuvre « Élodie Françoise Müller-Ñúñez » – 4\u00a0600,00\u00a0€… l’été ÿ ß';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('writes letters beyond WinAnsi without their marks', () => {
    expect(toWinAnsi('Łukasz Wałęsa')).toBe('Lukasz Walesa');
    expect(toWinAnsi('Nguyễn Thị Đào')).toBe('Nguyen Thi Dào');
    expect(toWinAnsi('Ştefan Ţiriac, Čapek, Dvořák')).toBe('Stefan Tiriac, Capek, Dvorák');
  });

  it('joins decomposed accents before judging them', () => {
    expect(toWinAnsi('He\u0301le\u0300ne')).toBe('Hélène');
  });

  it('turns narrow and other spaces into spaces the fonts draw', () => {
    expect(toWinAnsi('4\u202f600,00\u00a0€')).toBe('4\u00a0600,00\u00a0€');
    expect(toWinAnsi('a\u2009b\tc\nd')).toBe('a b c d');
    expect(toWinAnsi('a\u2011b\u200bc')).toBe('a-bc');
  });

  it('writes a question mark for what has no Latin form, once a character', () => {
    expect(toWinAnsi('李小龙')).toBe('???');
    expect(toWinAnsi('Merci 😀')).toBe('Merci ?');
    expect(toWinAnsi('\u0085x\u0007')).toBe('?x?');
  });
});
