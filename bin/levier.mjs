#!/usr/bin/env node
// The levier CLI. Runs the compiled server (dist/server, `npm run build`) when it is there and
// newer than every source file; otherwise the TypeScript sources through tsx's loader, a
// development dependency: a production install (without them) runs what `npm run build` made.
import { existsSync } from 'node:fs';
import { serverBuildIsCurrent } from '../scripts/build-server.mjs';

const built = new URL('../dist/server/main.js', import.meta.url);

if (serverBuildIsCurrent()) {
  process.setSourceMapsEnabled(true); // stack traces name the TypeScript sources
  await import(built.href);
} else {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    console.error(
      existsSync(built)
        ? 'dist/server is older than the sources, and tsx is not installed: run `npm run build`.'
        : 'The server is not built, and tsx is not installed: run `npm run build`.',
    );
    process.exit(1);
  }
  tsx.register();
  await import('../src/server/main.ts');
}
