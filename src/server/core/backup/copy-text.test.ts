import { describe, expect, it } from 'vitest';
import { copyLines, countLines } from './copy-text.ts';

const escaped = Buffer.from('{"a":"x\\\\"y"}\n{"b":"tab\\there\\nline\\\\n"}\n{"c":"é\\\\\\\\"}\n');
const plain = '{"a":"x\\"y"}\n{"b":"tab\there\nline\\n"}\n{"c":"é\\\\"}\n';

describe('COPY text lines', () => {
  it('undoes the escapes of a whole stream', () => {
    expect(copyLines()(escaped).toString()).toBe(plain);
    expect(countLines(escaped)).toBe(3);
  });

  it('gives the same text whatever the cut between chunks', () => {
    for (let cut = 0; cut <= escaped.length; cut++) {
      for (let second = cut; second <= escaped.length; second += 3) {
        const unescape = copyLines();
        const parts = [
          escaped.subarray(0, cut),
          escaped.subarray(cut, second),
          escaped.subarray(second),
        ];
        const text = Buffer.concat(parts.map(unescape)).toString();
        expect(text).toBe(plain);
        expect(parts.map(countLines).reduce((a, b) => a + b)).toBe(3);
      }
    }
  });

  it('returns a chunk without a backslash unchanged', () => {
    const chunk = Buffer.from('{"a":1}\n');
    expect(copyLines()(chunk)).toBe(chunk);
  });
});
