// Test helpers: the real `levier` binary as separate processes on a temporary DATA_DIR.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = 'bin/levier.mjs';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A port nobody listens on, below the kernel's ephemeral range (32768 and up on Linux): a port
 * from that range, once released, could be taken by any outgoing connection (a test's database
 * client) before the server binds it.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = createServer();
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (!bound) continue;
    server.close();
    await once(server, 'close');
    return port;
  }
}

/** Environment of a test process: the embedded database in `dataDir`, no PostgreSQL. */
export function levierEnv(dataDir: string, port: number, extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    SIGNUP_RATE_LIMIT: '100000',
    LOGIN_RATE_LIMIT: '100000',
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  return env;
}

/** Runs `levier …args` to its end. */
export async function levier(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

export interface RunningServer {
  process: ChildProcess;
  url: string;
  output(): string;
  /** SIGINT, as Ctrl+C would; resolves with the exit code. */
  stop(): Promise<number | null>;
  kill9(): Promise<void>;
}

export async function startServer(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const url = `http://127.0.0.1:${env.PORT}`;
  const child = spawn(process.execPath, [bin, 'serve'], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`levier serve exited (${child.exitCode}):\n${output}`);
    }
    const answered = await fetch(`${url}/api/session`).then(
      (response) => response.ok,
      () => false,
    );
    // Listening happens before the control channel opens: wait for the banner too.
    if (answered && output.includes('Levier is running')) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`levier serve did not answer within 180 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    process: child,
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGINT');
      const [code] = await exited;
      return code;
    },
    async kill9() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A public sign-up; true when the server acknowledged it (200). */
export async function signUp(url: string, email: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        firstName: 'Camille',
        lastName: 'Durand',
        email,
        postalCode: '69001',
        consents: { email: true, sms: false, phone: false },
      }),
    });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}
