/**
 * Where a V8 CPU profile (`node --cpu-prof`) spent its time, as text:
 *   node --import tsx bench/lib/profile-summary.ts <file.cpuprofile> [--top 40] [--match text]
 *        [--from seconds] [--to seconds]
 * Self time by function, time by package or source folder, and total time (the function or
 * anything it called) by function; `--match` keeps the total-time lines whose name or file
 * holds the text; `--from`/`--to` keep the samples of that window (seconds since the profile
 * began: `--seconds` of a run, after start-up). Idle time (the event loop waiting) is left out
 * of the percentages. Time in `writev` is mostly the thread waiting for the processor after
 * handing PostgreSQL a statement (on a loaded machine): a count of round trips, not of work.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '40' },
    match: { type: 'string' },
    from: { type: 'string', default: '0' },
    to: { type: 'string', default: 'Infinity' },
  },
});
const top = Number(values.top);
const profile = JSON.parse(readFileSync(positionals[0], 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

const cwd = `file://${process.cwd()}/`;
const shortUrl = (url: string) => url.replace(cwd, '').replace(/^.*node_modules\//, 'npm:');
const label = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
};
const area = (node: ProfileNode) => {
  const url = shortUrl(node.callFrame.url);
  if (url.startsWith('npm:')) {
    const parts = url.slice(4).split('/');
    return `npm:${parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  if (url.startsWith('node:')) return url.split('/')[0];
  if (!url) return node.callFrame.functionName || '(native)';
  return url.split('/').slice(0, -1).join('/') || url;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
const areas = new Map<string, number>();
let busy = 0;
let idle = 0;
let clock = 0;
const [from, to] = [Number(values.from) * 1e6, Number(values.to) * 1e6];
profile.samples.forEach((id, i) => {
  const time = profile.timeDeltas[i] ?? 0;
  clock += time;
  if (clock < from || clock > to) return;
  const node = byId.get(id)!;
  const name = node.callFrame.functionName;
  if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
    if (name === '(idle)') idle += time;
    else {
      busy += time;
      self.set(name, (self.get(name) ?? 0) + time);
      areas.set(name, (areas.get(name) ?? 0) + time);
    }
    return;
  }
  busy += time;
  self.set(label(node), (self.get(label(node)) ?? 0) + time);
  areas.set(area(node), (areas.get(area(node)) ?? 0) + time);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = label(byId.get(at)!);
    if (seen.has(key)) continue;
    seen.add(key);
    total.set(key, (total.get(key) ?? 0) + time);
  }
});

const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
const print = (title: string, map: Map<string, number>, filter = (_: string) => true) => {
  console.log(`\n${title}`);
  [...map]
    .filter(([key]) => filter(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([key, us]) => console.log(`${ms(us)} ${pct(us)}  ${key}`));
};

console.log(`busy ${ms(busy)}, idle ${ms(idle)}`);
print('Self time by function', self);
print('Self time by package or folder', areas);
print(
  'Total time by function (itself and what it called)',
  total,
  values.match ? (key) => key.includes(values.match!) : undefined,
);
