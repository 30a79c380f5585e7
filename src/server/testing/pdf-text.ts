import { inflateSync } from 'node:zlib';

/** WinAnsi's 0x80–0x9F codes (the rest is Latin-1), as pdfkit's standard fonts write them. */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x96: '–',
  0x97: '—',
  0x8c: 'Œ',
  0x9c: 'œ',
};

/**
 * A PDF's content as text: its streams inflated where they are compressed (FlateDecode, as
 * pdfkit writes them by default), the rest as it is.
 */
function pdfContent(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  return text.replace(/stream\r?\n([\s\S]*?)endstream/g, (whole, body: string) => {
    try {
      return `stream\n${inflateSync(Buffer.from(body, 'latin1')).toString('latin1')}\nendstream`;
    } catch {
      return whole;
    }
  });
}

/**
 * The text lines of a pdfkit document: pdfkit writes each line of standard-font text as
 * `[<hex> kerning <hex> …] TJ`, the hex being WinAnsi codes, two digits each.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const lines: string[] = [];
  for (const line of pdfContent(pdf).split('\n')) {
    if (!line.endsWith('] TJ')) continue;
    let text = '';
    for (const [, hex] of line.matchAll(/<([0-9a-f]*)>/g)) {
      if (hex!.length % 2 !== 0) throw new Error(`Odd hex string in a TJ line: ${line}`);
      for (let i = 0; i < hex!.length; i += 2) {
        const code = parseInt(hex!.slice(i, i + 2), 16);
        if (code < 0x20) throw new Error(`Control code ${code} in a TJ line: ${line}`);
        text += WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
      }
    }
    lines.push(text);
  }
  return lines;
}
