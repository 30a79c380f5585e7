import { spawn, type ChildProcess } from 'node:child_process';

export interface StartOptions {
  /**
   * A folder where the server writes a V8 CPU profile (`node --cpu-prof`) when it stops
   * cleanly (stopServer's SIGTERM): open it in Chrome's DevTools or read it with
   * `node bench/lib/profile-summary.ts <file>`.
   */
  cpuProfileDir?: string;
}

const profiled = new WeakSet<ChildProcess>();

/** Starts a server process and resolves once `url` answers. */
export async function startServer(
  args: string[],
  env: Record<string, string>,
  url: string,
  options: StartOptions = {},
): Promise<ChildProcess> {
  const profiling = options.cpuProfileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`]
    : [];
  const child = spawn(process.execPath, [...profiling, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (profiling.length) profiled.add(child);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`server did not start: ${args.join(' ')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  // A profiled server writes its profile as it exits: that can take a few seconds.
  const grace = profiled.has(child) ? 30_000 : 5000;
  await Promise.race([exited, new Promise((r) => setTimeout(r, grace))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
