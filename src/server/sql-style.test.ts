import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Statements are written with the `sql` template (core/db/statement.ts): parameters are never
 * numbered by hand, neither `$1` in a text nor `$${n}` computed in code. core/db itself turns
 * the template into numbered text.
 */

/** `$` and a digit is not a placeholder here. */
const NOT_SQL: Record<string, string> = {
  // A String.replace pattern: '$1' is the regular expression's first group.
  'core/log/request-serializer.ts': `'$1[redacted]'`,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [path] : [];
  });
}

/** The hand-numbered placeholders of a source, with their lines. */
function numberedPlaceholders(file: string, source: string): string[] {
  const allowed = NOT_SQL[file];
  return source.split('\n').flatMap((line, i) => {
    const text = allowed ? line.replaceAll(allowed, '') : line;
    return /\$\d|\$\$\{/.test(text) ? [`${file}:${i + 1}: ${line.trim()}`] : [];
  });
}

describe('SQL parameters', () => {
  const files = sourceFiles(root)
    .map((path) => relative(root, path).split('\\').join('/'))
    .filter((file) => !file.startsWith('core/db/'));
  const numbered = new Map(
    files.map((file) => [file, numberedPlaceholders(file, readFileSync(join(root, file), 'utf8'))]),
  );

  it('are written with the sql template, never numbered by hand', () => {
    expect([...numbered.values()].flat()).toEqual([]);
  });
});
