// `npm run bench -- <name>`: runs bench/<name>.ts (see bench/README.md for each benchmark).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const name = process.argv[2];
const dir = new URL('../bench/', import.meta.url).pathname;
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !existsSync(`${dir}${name}.ts`)) {
  console.log(`usage: npm run bench -- <name>\navailable: ${available.join(', ')}`);
  process.exit(name ? 1 : 0);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', `${dir}${name}.ts`, ...process.argv.slice(3)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
