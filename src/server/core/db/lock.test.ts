import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirBusyError, LOCK_FILE, type LockHolder } from './lock.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'levier-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => join(dir, LOCK_FILE);
const readLock = () => JSON.parse(readFileSync(lockFile(), 'utf8')) as LockHolder;

/** A process that runs until killed, and is not this one. */
async function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  await once(child, 'spawn');
  return child;
}

describe('the embedded folder lock', () => {
  it('records who holds it and is released', () => {
    const lock = acquireDataDirLock(dir, 'serve');
    expect(readLock()).toMatchObject({ pid: process.pid, host: hostname(), command: 'serve' });
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('refuses a second holder in the same process', () => {
    const lock = acquireDataDirLock(dir, 'serve');
    try {
      expect(() => acquireDataDirLock(dir, 'seed-demo')).toThrow(DataDirBusyError);
    } finally {
      lock.release();
    }
  });

  it('refuses while another live process holds it, naming it', async () => {
    const child = await otherProcess();
    try {
      const holder: LockHolder = {
        pid: child.pid!,
        host: hostname(),
        startedAt: '2026-12-02T06:00:00.000Z',
        command: 'serve',
      };
      writeFileSync(lockFile(), JSON.stringify(holder));
      let error: unknown;
      try {
        acquireDataDirLock(dir, 'serve');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DataDirBusyError);
      expect((error as Error).message).toContain(
        `Levier is already running on ${dir} (pid ${child.pid}`,
      );
      expect((error as Error).message).toContain('since 2026-12-02T06:00:00.000Z');
      expect(readLock().pid).toBe(child.pid);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over the lock of a process killed with -9', async () => {
    const child = await otherProcess();
    writeFileSync(
      lockFile(),
      JSON.stringify({ pid: child.pid, host: hostname(), startedAt: 'x', command: 'serve' }),
    );
    child.kill('SIGKILL');
    await once(child, 'exit');
    const lock = acquireDataDirLock(dir, 'serve');
    expect(readLock().pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid was reused by another program, or from before a reboot', async () => {
    const child = await otherProcess();
    try {
      const base = { pid: child.pid!, host: hostname(), startedAt: 'x', command: 'serve' };
      writeFileSync(lockFile(), JSON.stringify({ ...base, processStart: '1' }));
      acquireDataDirLock(dir, 'serve').release();
      writeFileSync(lockFile(), JSON.stringify({ ...base, bootId: 'another-boot' }));
      acquireDataDirLock(dir, 'serve').release();
      // Our own pid, written by an earlier life of it (a container's pid 1), is stale too.
      writeFileSync(lockFile(), JSON.stringify({ ...base, pid: process.pid }));
      acquireDataDirLock(dir, 'serve').release();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('lets exactly one of several processes racing for a stale lock win', async () => {
    writeFileSync(
      lockFile(),
      JSON.stringify({ pid: 999_999_999, host: hostname(), startedAt: 'x', command: 'serve' }),
    );
    // The winner keeps the lock until the test ends, whenever the others start.
    const script = `
      import { acquireDataDirLock } from ${JSON.stringify(new URL('./lock.ts', import.meta.url).pathname)};
      try { acquireDataDirLock(process.argv[1], 'race'); console.log('won'); setInterval(() => {}, 1000); }
      catch (error) { console.log(error.name); }`;
    const racers = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir]),
    );
    const results = await Promise.all(
      racers.map(
        (child) =>
          new Promise<string>((resolve) => {
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => {
              out += chunk.toString();
              if (out.includes('\n')) resolve(out.trim());
            });
            child.on('exit', () => resolve(out.trim()));
          }),
      ),
    );
    for (const child of racers) child.kill('SIGKILL');
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'DataDirBusyError')).toHaveLength(5);
  });
});
