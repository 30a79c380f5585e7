// `npm run dev`: the server from the TypeScript sources, restarted by tsx when one changes, and
// the web app rebuilt by Vite on every change (reload the page to see it). Same database and
// settings as `npm start`; arguments go to `levier serve`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (args) =>
  spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });

const children = [
  run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--watch', '--logLevel', 'warn']),
  run([
    join(root, 'node_modules/tsx/dist/cli.mjs'),
    'watch',
    '--clear-screen=false',
    join(root, 'src/server/main.ts'),
    'serve',
    ...process.argv.slice(2),
  ]),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && code !== 0 && stop());
