// `npm run test:e2e`: build the web app and the server, then run the Playwright specs in Debian's Chromium.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const run = (args) =>
  spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
// The specs run the compiled server (bin/levier.mjs picks it), as production does.
if (run(['scripts/build-server.mjs']) !== 0) process.exit(1);
process.exit(
  run([
    'node_modules/@playwright/test/cli.js',
    'test',
    '-c',
    'e2e/playwright.config.ts',
    ...process.argv.slice(2),
  ]),
);
