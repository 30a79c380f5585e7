import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Who holds an embedded data folder. PGlite is PostgreSQL in single-user mode: two processes
 * opening one folder both write to it and leave it unreadable ("Aborted()" at every later
 * start), and PGlite's own postmaster.pid always says pid -42, so it cannot tell them apart.
 */
export interface LockHolder {
  pid: number;
  host: string;
  /** Linux boot id: a lock from before a reboot is stale whatever its pid. */
  bootId?: string;
  /** Linux start time of the process (clock ticks since boot): a reused pid is not the holder. */
  processStart?: string;
  startedAt: string;
  /** What the holder runs ("serve", "seed-demo"…), for the message a second process prints. */
  command: string;
}

export const LOCK_FILE = 'levier.lock';

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Levier is already running on ${dataDir} (pid ${holder.pid}${
        holder.host === hostname() ? '' : ` on ${holder.host}`
      }, "${holder.command}", since ${holder.startedAt}). The embedded database lets one process open its folder at a time.`,
    );
    this.name = 'DataDirBusyError';
  }
}

export interface DataDirLock {
  holder: LockHolder;
  release(): void;
}

const heldHere = new Set<string>();

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function processStartOf(pid: number): string | undefined {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Field 22 (starttime) counted after the command name, which may hold spaces and parentheses.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function currentHolder(command: string): LockHolder {
  return {
    pid: process.pid,
    host: hostname(),
    bootId: readOptional('/proc/sys/kernel/random/boot_id'),
    processStart: processStartOf(process.pid),
    startedAt: new Date().toISOString(),
    command,
  };
}

/** Whether the process that wrote `holder` still runs (true when this machine cannot tell). */
export function holderIsAlive(holder: LockHolder, path: string): boolean {
  if (holder.host !== hostname()) return true;
  const bootId = readOptional('/proc/sys/kernel/random/boot_id');
  if (holder.bootId && bootId && holder.bootId !== bootId) return false;
  // In a container the server is often pid 1 at every start: our own pid in the file is a
  // previous life of this pid unless this process holds the lock already.
  if (holder.pid === process.pid) return heldHere.has(path);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStartOf(holder.pid);
  if (holder.processStart && start && start !== holder.processStart) return false;
  return true;
}

function parseHolder(text: string | undefined): LockHolder | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as LockHolder;
    return typeof value.pid === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The live holder of `dataDir`'s lock, if any. */
export function lockHolder(dataDir: string): LockHolder | undefined {
  const path = resolve(dataDir, LOCK_FILE);
  const holder = parseHolder(readOptional(path));
  return holder && holderIsAlive(holder, path) ? holder : undefined;
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Removes a stale lock under a second, exclusive file, so that two processes finding the
 * same stale lock cannot remove the fresh one the other has just written.
 */
function removeStale(path: string, seen: string | undefined) {
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A takeover lasts microseconds: a guard older than 10 s belongs to a process that died.
    if (ageMs(guard) > 10_000) unlinkSync(guard);
    return;
  }
  try {
    if (readOptional(path) === seen) unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    closeSync(fd);
    unlinkSync(guard);
  }
}

/**
 * Takes `dataDir`'s lock (created with O_EXCL, so two processes cannot both succeed), taking
 * over one left by a process that no longer runs (kill -9, a crash, a reboot). Throws
 * DataDirBusyError when a live process holds it. Released by `release()` and at exit.
 */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  const path = resolve(dataDir, LOCK_FILE);
  const holder = currentHolder(command);
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(holder, null, 2) + '\n');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      heldHere.add(path);
      const onExit = () => release();
      const release = () => {
        if (!heldHere.delete(path)) return;
        process.off('exit', onExit);
        if (parseHolder(readOptional(path))?.startedAt === holder.startedAt) {
          try {
            unlinkSync(path);
          } catch {
            // already gone: nothing to release
          }
        }
      };
      process.on('exit', onExit);
      return { holder, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = readOptional(path);
    const existing = parseHolder(text);
    if (existing && holderIsAlive(existing, path)) throw new DataDirBusyError(dataDir, existing);
    // An empty or half-written file is a process between its open and its write: wait for
    // it, unless it is too old for that.
    if (!existing && ageMs(path) < 5_000) {
      sleep(100);
      continue;
    }
    removeStale(path, text);
    sleep(10);
  }
  throw new Error(`Could not take the lock ${join(dataDir, LOCK_FILE)}: it keeps changing.`);
}
