// The embedded database against what people do to a laptop, with the real `levier` binary in
// separate processes on a temporary DATA_DIR: CLI commands while the server runs, a second
// start, kill -9 during writes, a damaged folder, a full disk (a size-limited tmpfs).
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from './index.ts';
import { pgliteFolder } from './data-dir.ts';
import { writeAutomaticCopy } from '../backup/automatic.ts';
import { createPostgresDatabase, engines } from '../../testing/harness.ts';
import {
  freePort,
  levier,
  levierEnv,
  signUp,
  startServer,
  type RunningServer,
} from './levier-process.ts';

const work = mkdtempSync(join(tmpdir(), 'levier-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Reads the folder as the next process would (taking the lock); the server must be stopped. */
async function inFolder<T>(
  dataDir: string,
  read: (query: <R>(sql: string, params?: unknown[]) => Promise<R[]>) => Promise<T>,
) {
  const database = await openDatabase({ dataDir });
  try {
    return await read((sql, params) => database.query(sql, params));
  } finally {
    await database.close();
  }
}

const emailsIn = (dataDir: string) =>
  inFolder(
    dataDir,
    async (query) =>
      new Set((await query<{ email: string }>('SELECT email FROM people')).map((row) => row.email)),
  );

/** Logs in with a one-time link on a real server, as the browser's page does. */
async function loginWithLink(url: string, token: string) {
  const first = await fetch(`${url}/api/session`);
  const cookie = first.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const login = await fetch(`${url}/api/auth/login/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
    body: JSON.stringify({ token }),
  });
  const cookies = [cookie, ...login.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  const session = await fetch(`${url}/api/session`, { headers: { cookie: cookies } });
  return {
    status: login.status,
    session: (await session.json()) as { me: { email: string } | null },
  };
}

interface Outcome {
  acknowledged: string[];
  refused: string[];
}

/** Sign-ups from `lanes` concurrent loops until `until` (10,000 at most). */
async function signUps(
  url: string,
  prefix: string,
  lanes: number,
  until: (so: Outcome) => boolean,
): Promise<Outcome> {
  const acknowledged: string[] = [];
  const refused: string[] = [];
  let n = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (!until({ acknowledged, refused }) && n < 10_000) {
        const email = `${prefix}${n++}@example.org`;
        if (await signUp(url, email)) acknowledged.push(email);
        else refused.push(email);
      }
    }),
  );
  return { acknowledged, refused };
}

describe('CLI commands while the server runs on the embedded database', () => {
  const dataDir = join(work, 'cli', 'data');
  let env: NodeJS.ProcessEnv;
  let server: RunningServer;
  beforeAll(async () => {
    env = levierEnv(dataDir, await freePort());
    server = await startServer(env);
  }, 240_000);
  afterAll(async () => {
    await server?.kill9();
  });

  it('says so at start', () => {
    expect(server.output()).toContain('npx levier admin create --email you@example.org');
    expect(server.output()).toContain('while this server runs');
  });

  it(
    'does every command through the server, and the login link works',
    { timeout: 300_000 },
    async () => {
      const seeded = await levier(['seed-demo', '--people', '200'], env);
      expect(seeded.stdout).toContain(`(done by the running server, pid ${server.process.pid})`);
      expect(seeded.stdout).toContain('Demo campaign ready: 200 supporters');

      const admin = await levier(['admin', 'create', '--email', 'chef@example.org'], env);
      expect(admin.code).toBe(0);
      const link = new RegExp(`${server.url}/login/link\\?token=(\\S+)`).exec(admin.stdout);
      expect(link, admin.stdout + admin.stderr).not.toBeNull();
      const login = await loginWithLink(server.url, link![1]);
      expect(login.status).toBe(200);
      expect(login.session.me?.email).toBe('chef@example.org');

      const created = await levier(['campaign', 'create', '--name', 'Lyon 2026'], env);
      expect(created.stdout).toMatch(/Campaign 2 "Lyon 2026" created\./);
      const listed = await levier(['campaign', 'list'], env);
      expect(listed.stdout).toContain('1\tLevier\n2\tLyon 2026');
      const migrated = await levier(['migrate'], env);
      expect(migrated.stdout).toContain('The running server applied every migration at its start');

      const file = join(work, 'cli', 'campaign-1.levier.gz');
      const backup = await levier(['backup', '--out', file], env);
      expect(backup.code, backup.stderr).toBe(0);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
      // 200 supporters, the admin, and residents the demo met at the door.
      expect(lines.find((l) => l.startsWith('{"tableEnd":"people"'))).toMatch(/"rows":2\d\d,/);
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true });

      const restore = await levier(['restore', file], env);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain(
        `Levier is already running on ${dataDir} (pid ${server.process.pid}, "serve"`,
      );
      expect(restore.stderr).toContain(
        `stop it (Ctrl+C in its terminal, or kill ${server.process.pid})`,
      );
    },
  );

  it(
    'refuses a second server and a worker, saying which process holds the folder',
    { timeout: 300_000 },
    async () => {
      for (const command of ['serve', 'worker']) {
        const second = await levier([command], { ...env, PORT: String(await freePort()) });
        expect(second.code).toBe(1);
        expect(second.stderr).toContain(
          `Levier is already running on ${dataDir} (pid ${server.process.pid}, "serve", since`,
        );
        expect(second.stderr).toContain('Stop it first');
      }
      expect((await fetch(`${server.url}/api/session`)).ok).toBe(true);
    },
  );

  it('keeps everything across a stop and a start', { timeout: 300_000 }, async () => {
    expect(await server.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'levier.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'levier.control'))).toBe(false);
    server = await startServer(env);
    expect(await server.stop()).toBe(0);
    const counts = await inFolder(dataDir, async (query) => {
      const [row] = await query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM people WHERE campaign_id = 1 AND source <> 'door_to_door') AS people,
                (SELECT count(*)::int FROM accounts WHERE campaign_id = 1) AS accounts,
                (SELECT count(*)::int FROM campaigns) AS campaigns,
                (SELECT count(*)::int FROM audit_log WHERE action = 'campaign.backup') AS backups`,
      );
      return row;
    });
    expect(counts).toEqual({ people: 201, accounts: 1, campaigns: 2, backups: 1 });
  });

  it.each(engines)(
    'restores the backup with the server stopped, on %s',
    { timeout: 300_000 },
    async (engine) => {
      const file = join(work, 'cli', 'campaign-1.levier.gz');
      let target = env;
      let drop: () => Promise<void> = async () => undefined;
      if (engine === 'postgres') {
        const scratch = await createPostgresDatabase();
        target = { ...env, DATABASE_URL: scratch.url, DATABASE_POOL_SIZE: '2' };
        drop = scratch.drop;
      }
      try {
        const args = engine === 'pglite' ? ['restore', file, '--new-campaign'] : ['restore', file];
        const restored = await levier(args, target);
        expect(restored.code, restored.stderr).toBe(0);
        const id = engine === 'pglite' ? 3 : 1;
        expect(restored.stdout).toMatch(
          new RegExp(
            `Campaign "Levier" restored as campaign ${id} \\(\\d+ rows, from campaign 1\\)`,
          ),
        );
        const listed = await levier(['campaign', 'list'], target);
        expect(listed.stdout).toContain(`${id}\tLevier`);
      } finally {
        await drop();
      }
    },
  );
});

describe('a command run while the server is still starting', () => {
  it(
    'waits for the server to open its channel, then is done by it',
    { timeout: 300_000 },
    async () => {
      const dataDir = join(work, 'starting', 'data');
      const env = levierEnv(dataDir, await freePort());
      const starting = startServer(env);
      // The lock is taken before migrations and the channel opens after them.
      while (!existsSync(join(dataDir, 'levier.lock'))) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const listed = await levier(['campaign', 'list'], env);
      const server = await starting;
      try {
        expect(listed.code, listed.stderr).toBe(0);
        expect(listed.stdout).toContain(`(done by the running server, pid ${server.process.pid})`);
        expect(listed.stdout).toContain('1\tLevier');
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
  );
});

describe('Ctrl+C', () => {
  it(
    'reaching the server several times (terminal, npm, start script) still closes it cleanly',
    { timeout: 300_000 },
    async () => {
      const dataDir = join(work, 'ctrl-c', 'data');
      const env = levierEnv(dataDir, await freePort());
      const server = await startServer(env);
      expect(await signUp(server.url, 'before-ctrl-c@example.org')).toBe(true);
      const exited = new Promise<[number | null, string | null]>((resolve) =>
        server.process.once('exit', (code, signal) => resolve([code, signal])),
      );
      for (const signal of ['SIGINT', 'SIGINT', 'SIGTERM'] as const) server.process.kill(signal);
      expect(await exited).toEqual([0, null]);
      expect(server.output()).not.toContain('Aborted');
      expect(existsSync(join(dataDir, 'levier.lock'))).toBe(false);
      expect((await emailsIn(dataDir)).has('before-ctrl-c@example.org')).toBe(true);
    },
  );
});

describe('kill -9 of the server during writes', () => {
  it(
    'loses no acknowledged sign-up, and the next start takes over its lock',
    { timeout: 300_000 },
    async () => {
      const dataDir = join(work, 'kill', 'data');
      const env = levierEnv(dataDir, await freePort());
      const server = await startServer(env);
      // Killed while requests are in flight, once 30 have been acknowledged.
      let killing: Promise<void> | undefined;
      const { acknowledged, refused } = await signUps(server.url, 'k', 6, (so) => {
        if (so.acknowledged.length >= 30) killing ??= server.kill9();
        return server.process.signalCode !== null;
      });
      await killing;
      expect(acknowledged.length).toBeGreaterThanOrEqual(30);
      expect(refused.length).toBeGreaterThan(0); // some were cut off by the kill
      expect(existsSync(join(dataDir, 'levier.lock'))).toBe(true);
      expect(existsSync(join(dataDir, 'levier.control'))).toBe(true);

      // A command finds the lock stale and the folder free: it runs on its own.
      const listed = await levier(['campaign', 'list'], env);
      expect(listed.stdout).not.toContain('done by the running server');
      expect(listed.stdout).toContain('1\tLevier');
      expect(existsSync(join(dataDir, 'levier.control'))).toBe(false);

      const again = await startServer(env);
      expect(await signUp(again.url, 'after@example.org')).toBe(true);
      expect(await again.stop()).toBe(0);
      const stored = await emailsIn(dataDir);
      expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
      expect(stored.has('after@example.org')).toBe(true);
    },
  );
});

describe('a damaged embedded folder', () => {
  it(
    'is refused at start with the cause, and restore --last brings back the automatic copy',
    { timeout: 300_000 },
    async () => {
      const dataDir = join(work, 'damaged', 'data');
      const env = levierEnv(dataDir, await freePort());
      const database = await openDatabase({ dataDir });
      await runMigrations(database);
      await database.query(`INSERT INTO tags (campaign_id, name) VALUES (1, 'kept in the copy')`);
      const copy = await writeAutomaticCopy(database, join(dataDir, 'backups'), 'before-0099_test');
      await database.close();
      expect(copy.files.map((f) => f.slice(copy.folder.length + 1))).toEqual([
        'campaign-1.levier.gz',
        'data-dir.tar.gz',
      ]);

      // What a disk failure or two writers leave: a control file that is no longer one.
      writeFileSync(join(pgliteFolder(dataDir), 'global', 'pg_control'), Buffer.alloc(8192, 7));
      const refused = await levier(['serve'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`The embedded database in ${dataDir} could not be opened`);
      expect(refused.stderr).toContain('npx levier restore --last');

      const restored = await levier(['restore', '--last'], env);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain(`is now the copy ${join(copy.folder, 'data-dir.tar.gz')}`);
      expect(restored.stdout).toMatch(/The folder it replaced is kept as .*pgdata\.replaced-/);
      const server = await startServer(env);
      expect(await server.stop()).toBe(0);
      const tags = await inFolder(dataDir, (query) =>
        query<{ name: string }>('SELECT name FROM tags'),
      );
      expect(tags.map((t) => t.name)).toContain('kept in the copy');
    },
  );
});

describe('a full disk', () => {
  const mount = join(work, 'small-disk');
  beforeAll(() => {
    mkdirSync(mount, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=100m', 'tmpfs', mount], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(
        `This test needs a size-limited filesystem: mounting a 100 MB tmpfs failed (run the tests as root, as CI does): ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
      );
    }
  });
  afterAll(() => {
    execFileSync('umount', ['-l', mount]);
  });

  it(
    'answers errors while full, then starts again with every acknowledged write',
    { timeout: 300_000 },
    async () => {
      const dataDir = join(mount, 'data');
      const env = levierEnv(dataDir, await freePort());
      const server = await startServer(env);
      const { bavail, bsize } = statfsSync(mount);
      // Leave about 1 MB: a few hundred sign-ups, then the disk is full.
      writeFileSync(join(mount, 'filler'), Buffer.alloc(bavail * bsize - 1_000_000));
      const { acknowledged, refused } = await signUps(
        server.url,
        'f',
        2,
        (so) => so.refused.length >= 20,
      );
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);
      // Still answering, with a problem document, while the disk is full.
      const answer = await fetch(`${server.url}/api/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          firstName: 'A',
          lastName: 'B',
          email: 'full@example.org',
          postalCode: '69001',
          consents: { email: true, sms: false, phone: false },
        }),
      });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(((await answer.json()) as { code: string }).code).toBe('storage_full');
      expect(server.process.exitCode).toBeNull();

      rmSync(join(mount, 'filler'));
      expect(await server.stop()).toBe(0);
      const again = await startServer(env);
      expect(await signUp(again.url, 'after-full@example.org')).toBe(true);
      expect(await again.stop()).toBe(0);
      const stored = await emailsIn(dataDir);
      expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
    },
  );
});
