import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/** How a CLI process reaches the server holding the embedded folder; readable by its owner only. */
export interface ControlFile {
  pid: number;
  port: number;
  token: string;
}

export const CONTROL_FILE = 'levier.control';

export function writeControlFile(dataDir: string, control: ControlFile): void {
  const path = join(dataDir, CONTROL_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  // Created 0600 from the start (never readable by others, even for a moment), then renamed.
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(control) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

export function readControlFile(dataDir: string): ControlFile | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, CONTROL_FILE), 'utf8')) as ControlFile;
  } catch {
    return undefined;
  }
}

export function removeControlFile(dataDir: string, pid = process.pid): void {
  if (readControlFile(dataDir)?.pid !== pid) return;
  try {
    unlinkSync(join(dataDir, CONTROL_FILE));
  } catch {
    // already gone
  }
}
