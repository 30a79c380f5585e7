/**
 * Text the PDF's standard fonts can draw. Helvetica without an embedded font file speaks
 * WinAnsi (Latin-1 plus a few signs such as € – — ’ œ): pdfkit writes any other character
 * as its code in hex, which corrupts the line. A donor named "Łukasz Wałęsa" or "Nguyễn"
 * is written "Lukasz Walesa", "Nguyen"; what has no Latin form becomes "?".
 */

/** Unicode characters WinAnsi holds beyond Latin-1 (its 0x80–0x9F range). */
const WIN_ANSI_EXTRAS = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜');

/** Letters with no decomposition to a base letter, and spaces and dashes of other widths. */
const FALLBACKS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ĸ: 'k',
  Ŀ: 'L',
  ŀ: 'l',
  ŉ: "'n",
  ʼ: "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2060': '',
  '\u200b': '',
};

const drawable = (char: string) => {
  const code = char.codePointAt(0)!;
  return (
    (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)
  );
};

function fallback(char: string): string {
  if (char in FALLBACKS) return FALLBACKS[char]!;
  if (/\s/u.test(char)) return ' ';
  const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
  return bare !== '' && [...bare].every(drawable) ? bare : '?';
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) out += drawable(char) ? char : fallback(char);
  return out;
}
