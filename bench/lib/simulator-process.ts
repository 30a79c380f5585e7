/**
 * The carrier simulator in its own process (src/server/features/calling/carrier/simulator/
 * main.ts), as load runs use it: started with its options, read through its control URL.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type {
  SimulatorOptions,
  SimulatorStats,
} from '../../src/server/features/calling/carrier/simulator/index.ts';

export interface SimulatorProcess {
  url: string;
  controlUrl: string;
  stats(): Promise<SimulatorStats>;
  stop(): Promise<void>;
}

const MAIN = 'src/server/features/calling/carrier/simulator/main.ts';

export async function startSimulatorProcess(
  options: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'accountSid' | 'authToken'>,
): Promise<SimulatorProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, '--options', JSON.stringify(options)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    new Promise<string>((resolve) => lines.once('line', resolve)),
    exited.then(() => {
      throw new Error('the carrier simulator exited before printing its URL');
    }),
  ]);
  const { url, controlUrl } = JSON.parse(first) as { url: string; controlUrl: string };
  return {
    url,
    controlUrl,
    async stats() {
      const response = await fetch(`${controlUrl}/simulator/stats`);
      return (await response.json()) as SimulatorStats;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
