import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { LockHolder } from '../db/lock.ts';
import type { Command } from './commands.ts';
import { readControlFile, type ControlFile } from './control-file.ts';

/** The control channel of the server holding `dataDir`, if that server is the lock's holder. */
export function controlOf(dataDir: string, holder: LockHolder): ControlFile | undefined {
  const control = readControlFile(dataDir);
  return control && control.pid === holder.pid ? control : undefined;
}

async function post(control: ControlFile, path: string, body: unknown): Promise<Response> {
  const response = await fetch(`http://127.0.0.1:${control.port}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${control.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? `The running server answered ${response.status}.`);
  }
  return response;
}

export async function sendCommand(control: ControlFile, command: Command): Promise<string[]> {
  const response = await post(control, '/commands', command);
  return ((await response.json()) as { lines: string[] }).lines;
}

export async function fetchBackup(
  control: ControlFile,
  campaignId: number,
  file: string,
): Promise<void> {
  const response = await post(control, '/backup', { campaignId, file });
  await pipeline(
    Readable.fromWeb(response.body as WebReadableStream),
    createWriteStream(file, { mode: 0o600 }),
  );
}
