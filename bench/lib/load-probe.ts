/**
 * Preloaded (`node --import tsx --import bench/lib/load-probe.ts …`) into a Levier process a
 * benchmark spawns with an IPC channel (bench/lib/worker-process.ts): measures that process's
 * event-loop delay and CPU between a `load:start` and a `load:read` message, without touching
 * the code it runs.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProcessLoad {
  cpuSeconds: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

export type ProbeRequest = 'load:start' | 'load:read';
export type ProbeReply = { type: 'load:started' } | { type: 'load'; load: ProcessLoad };

const ms = (nanoseconds: number) => Number((nanoseconds / 1e6).toFixed(1));

if (process.send) {
  const send = process.send.bind(process);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let cpuFrom = process.cpuUsage();
  process.on('message', (request: ProbeRequest) => {
    if (request === 'load:start') {
      delay.reset();
      delay.enable();
      cpuFrom = process.cpuUsage();
      send({ type: 'load:started' } satisfies ProbeReply);
    } else if (request === 'load:read') {
      const cpu = process.cpuUsage(cpuFrom);
      delay.disable();
      const load: ProcessLoad = {
        cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
        eventLoopDelayMs: {
          p50: ms(delay.percentile(50)),
          p99: ms(delay.percentile(99)),
          max: ms(delay.max),
        },
      };
      send({ type: 'load', load } satisfies ProbeReply);
    }
  });
  // The channel must not keep the process alive, and a benchmark that dies leaves no worker
  // dialling behind it: the process stops as on Ctrl+C.
  process.channel?.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
