import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Files that still name another feature's table in their SQL, and which tables. Each is work
 * left: the owner should offer a function instead. The test fails when a file names a table it
 * does not own and is not listed here, and when a listed use is gone (shrink the list).
 */
const NOT_YET_MOVED: Record<string, string[]> = {
  // The demo's door-to-door backdates what it made and finds its canvassers directly.
  'features/demo/field-crew.ts': [
    'committee_members',
    'committees',
    'people',
    'person_tags',
    'tags',
  ],
  'features/demo/field-import.ts': ['field_import_files', 'field_imports'],
  'features/demo/field.ts': [
    'field_areas',
    'field_elections',
    'field_imports',
    'field_questionnaire_versions',
    'field_questionnaires',
    'field_targeting',
    'field_turf_addresses',
    'field_turf_assignees',
    'field_turfs',
    'field_visits',
    'operations',
    'people',
  ],
};

function sourceFiles(dir: string, pattern = /\.ts$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, pattern);
    return pattern.test(entry.name) && !entry.name.includes('.test.') ? [path] : [];
  });
}

/** A table's owner: the feature folder (`features/people`) or core module that defines it. */
const ownerOf = (file: string) => relative(root, file).split('/').slice(0, 2).join('/');

describe('each table is named only in its owner’s folder', () => {
  const files = sourceFiles(root);
  const owners = new Map<string, string>();
  for (const file of files.filter((f) => /tables\.ts$/.test(f))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/pgTable\(\s*'(\w+)'/g)) {
      owners.set(match[1], ownerOf(file));
    }
  }

  it('finds the tables and their owners', () => {
    expect(owners.get('people')).toBe('features/people');
    expect(owners.get('audit_log')).toBe('core/audit-tables.ts');
    expect(owners.size).toBeGreaterThan(25);
  });

  it('names no other feature’s table in SQL, but for the listed uses', () => {
    const found: Record<string, string[]> = {};
    for (const file of files) {
      const name = relative(root, file);
      if (name === 'schema.ts' || /tables\.ts$/.test(name)) continue;
      const text = readFileSync(file, 'utf8');
      const foreign = [...owners]
        .filter(([, owner]) => !name.startsWith(owner.replace(/-tables\.ts$/, '')))
        .filter(([table]) =>
          new RegExp(`\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+${table}\\b`).test(text),
        )
        .map(([table]) => table)
        .sort();
      if (foreign.length) found[name] = foreign;
    }
    expect(found).toEqual(NOT_YET_MOVED);
  });
});

describe('core knows no feature', () => {
  it('imports nothing outside itself in the web app’s core but contracts', () => {
    const webCore = fileURLToPath(new URL('../web/core', import.meta.url));
    const contracts = fileURLToPath(new URL('../contracts', import.meta.url));
    const importing = sourceFiles(webCore, /\.tsx?$/).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)]
        .map((match) => resolve(dirname(file), match[1]))
        .filter((target) => !target.startsWith(webCore) && !target.startsWith(contracts))
        .map((target) => `${relative(webCore, file)} → ${relative(webCore, target)}`),
    );
    expect(importing).toEqual([]);
  });

  it('imports nothing from features/ outside tests', () => {
    const importing = sourceFiles(join(root, 'core'))
      .filter((file) => /from '(\.\.\/)+features\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(importing).toEqual([]);
  });
});
