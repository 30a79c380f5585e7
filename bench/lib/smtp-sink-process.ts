import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The SMTP sink (smtp-sink.ts) in its own process; `url` is its SMTP URL. */
export async function startSmtpSink(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/smtp-sink.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    new Promise<string>((resolve) => lines.once('line', resolve)),
    exited.then(() => {
      throw new Error('the SMTP sink exited before printing its port');
    }),
  ]);
  const { port } = JSON.parse(first) as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
