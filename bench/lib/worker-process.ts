/**
 * `levier worker` in its own process, as production runs the dialler (src/server/main.ts
 * worker): started with its environment, ready once it says so; its warnings and errors
 * counted by message; its event-loop delay and CPU measured by bench/lib/load-probe.ts.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ProbeReply, ProbeRequest, ProcessLoad } from './load-probe.ts';

const MAIN = new URL('../../src/server/main.ts', import.meta.url).pathname;
const PROBE = new URL('./load-probe.ts', import.meta.url).pathname;
const READY = 'Levier worker running.';
/** A pino-pretty entry's first line (NODE_ENV is not production: the logger is pretty). */
const ENTRY = /^\[[\d:.]+\] (WARN|ERROR|FATAL): (.*)$/;
/** The error's message, in the entry's `err: {…}` lines. */
const MESSAGE = /^\s+"message": (".*"),?$/;

export interface LoggedEntry {
  count: number;
  /** The error message of the first entry (empty when it carried none). */
  first: string;
}

export interface WorkerProcess {
  /** Warnings and errors the worker logged, by message. */
  logged: Map<string, LoggedEntry>;
  /** Starts measuring its event loop and CPU afresh. */
  startMeasuring(): Promise<void>;
  /** Its event-loop delay and CPU since `startMeasuring`. */
  measure(): Promise<ProcessLoad>;
  /** SIGTERM, then waits for it to close its database cleanly (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL (a failed run), waiting for the exit. */
  kill(): Promise<void>;
}

export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, MAIN, 'worker'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const logged = new Map<string, LoggedEntry>();
  let current: LoggedEntry | null = null;
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (ready = resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line === READY) return ready();
    const entry = ENTRY.exec(line);
    if (entry) {
      current = logged.get(entry[2]) ?? { count: 0, first: '' };
      current.count++;
      logged.set(entry[2], current);
      return;
    }
    const message = MESSAGE.exec(line);
    if (message && current?.count === 1 && !current.first) {
      current.first = JSON.parse(message[1]) as string;
    }
  });

  const ask = <T extends ProbeReply['type']>(request: ProbeRequest, answer: T) =>
    new Promise<Extract<ProbeReply, { type: T }>>((resolve, reject) => {
      const onMessage = (reply: ProbeReply) => {
        if (reply.type !== answer) return;
        child.off('message', onMessage);
        resolve(reply as Extract<ProbeReply, { type: T }>);
      };
      child.on('message', onMessage);
      child.send(request, (error) => {
        if (error) {
          child.off('message', onMessage);
          reject(error);
        }
      });
    });

  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    started,
    exited.then(() => {
      throw new Error('levier worker exited before it was running');
    }),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('levier worker not running after 60 s')), 60_000);
    }),
  ])
    .catch(async (error: unknown) => {
      await kill();
      throw error;
    })
    .finally(() => clearTimeout(timer));
  return {
    logged,
    async startMeasuring() {
      await ask('load:start', 'load:started');
    },
    async measure() {
      return (await ask('load:read', 'load')).load;
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([exited, grace]);
      clearTimeout(timer);
      await kill();
    },
    kill,
  };
}
