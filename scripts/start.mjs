// `npm start`: build the web app and the server when missing or older than their sources, then serve.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/web/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = [join(root, 'src/web'), join(root, 'src/contracts')];
if (!existsSync(built) || sources.some((dir) => newest(dir) > statSync(built).mtimeMs)) {
  console.log('Building the web app…');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
// The server too, so that `npm start` runs what production runs (dist/server/main.js).
const { buildServer, serverBuildIsCurrent } = await import('./build-server.mjs');
if (!serverBuildIsCurrent()) {
  console.log('Building the server…');
  await buildServer({ quiet: true });
}
const child = spawn(
  process.execPath,
  [join(root, 'bin/levier.mjs'), 'serve', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
