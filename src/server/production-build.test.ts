import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript build script, without type declarations
import { buildServer, serverBuildIsCurrent } from '../../scripts/build-server.mjs';

const root = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

// The compiled server, as production runs it: plain Node, no TypeScript loader, and only the
// packages a production install has.
describe('the production build of the server', () => {
  // Two folders below the root, as dist/server is, and beside its node_modules.
  const outdir = join(root, 'dist', `test-build-${randomBytes(4).toString('hex')}`);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('runs with plain Node, finds its migrations, and is stale once a source changes', async () => {
    await buildServer({ quiet: true, outdir });
    expect(serverBuildIsCurrent(outdir)).toBe(true);
    const main = join(outdir, 'main.js');
    const usage = await run(process.execPath, [main]);
    expect(usage.stdout).toContain('levier <command>');
    // Migrations are found next to the sources, as from src/: the bundle resolves them alike.
    const env = { ...process.env, DATA_DIR: 'memory://', LOG_LEVEL: 'silent' };
    const migrated = await run(process.execPath, [main, 'migrate'], { env });
    expect(migrated.stdout).toMatch(/Migrations applied/);

    const inputsFile = join(outdir, 'inputs.json');
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as string[];
    expect(inputs).toContain('src/server/main.ts');
    // A source newer than the build makes it stale (bin/levier.mjs then runs the sources);
    // one that went away too.
    const edited = join(outdir, 'edited.ts');
    writeFileSync(edited, '');
    const later = new Date(Date.now() + 60_000);
    utimesSync(edited, later, later);
    writeFileSync(inputsFile, JSON.stringify([...inputs, relative(root, edited)]));
    expect(serverBuildIsCurrent(outdir)).toBe(false);
    writeFileSync(inputsFile, JSON.stringify([...inputs, 'src/server/gone.ts']));
    expect(serverBuildIsCurrent(outdir)).toBe(false);
  }, 120_000);

  it('leaves tsx, esbuild and pino-pretty to development', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const tool of ['tsx', 'esbuild', 'pino-pretty']) {
      expect(pkg.dependencies[tool]).toBeUndefined();
      expect(pkg.devDependencies[tool]).toBeDefined();
    }
  });
});
