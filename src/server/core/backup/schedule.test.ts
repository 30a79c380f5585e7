import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, staffBrowser, type TestApp } from '../../testing/harness.ts';
import { scheduledBackupJob, backupDrillJob } from '../../features/maintenance-jobs.ts';
import { runCommand } from '../../commands.ts';
import { scheduledBackups, scheduledDir, writeScheduledBackup } from './schedule.ts';
import { drillBackup } from './drill.ts';

describe.each(engines)('scheduled backups and restore drills (%s)', (engine) => {
  const backupDir = mkdtempSync(join(tmpdir(), 'levier-scheduled-'));
  let t: TestApp;
  const databaseUrl = () => (engine === 'postgres' ? process.env.TEST_DATABASE_URL : undefined);
  const auditActions = async () =>
    (
      await t.ctx.database.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE campaign_id = 1 AND action LIKE 'backup.%' ORDER BY id`,
      )
    ).map((row) => row.action);

  beforeAll(async () => {
    t = await createTestApp(engine, { BACKUP_DIR: backupDir, BACKUP_KEEP: '2' });
    await t.ctx.database.query(`INSERT INTO tags (campaign_id, name) VALUES (1, 'drilled é "q"')`);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('writes each campaign on schedule, 0600, keeps the newest BACKUP_KEEP, audits each run', async () => {
    for (let run = 0; run < 3; run++) {
      await scheduledBackupJob.run(t.ctx, {}, { id: 'test', retryCount: 0 });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const files = scheduledBackups(backupDir, 1);
    expect(files).toHaveLength(2);
    expect(readdirSync(scheduledDir(backupDir)).sort()).toEqual(files.map((f) => f.name).sort());
    for (const file of files) expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(files[0].createdAt > files[1].createdAt).toBe(true);
    expect(await auditActions()).toEqual([
      'backup.scheduled',
      'backup.scheduled',
      'backup.scheduled',
    ]);
  });

  it('leaves no file when a write fails, and keeps the newest good one', async () => {
    const before = scheduledBackups(backupDir, 1).map((f) => f.name);
    await expect(writeScheduledBackup(t.ctx.database, backupDir, 999, 1)).rejects.toThrow(
      /No campaign 999/,
    );
    expect(readdirSync(scheduledDir(backupDir)).sort()).toEqual([...before].sort());
    // Keep 1: only the one just written stays.
    const written = await writeScheduledBackup(t.ctx.database, backupDir, 1, 1);
    expect(scheduledBackups(backupDir, 1).map((f) => f.name)).toEqual([written.file.name]);
  });

  it('drills the newest backup into a scratch database: every table identical', async () => {
    const result = await drillBackup(scheduledBackups(backupDir, 1)[0].path, {
      databaseUrl: databaseUrl(),
    });
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ ok: true, target: engine, campaignId: 1 });
    expect(result.tables.length).toBeGreaterThan(20);
    expect(result.tables.every((table) => table.ok)).toBe(true);
    const tags = result.tables.find((table) => table.table === 'tags')!;
    expect(tags.fileRows).toBeGreaterThanOrEqual(1);
    expect(tags.restoredChecksum).toBe(tags.fileChecksum);
    const audit = result.tables.find((table) => table.table === 'audit_log')!;
    expect(audit.restoredRows).toBe(audit.fileRows);
  });

  it('fails a drill of a damaged backup, with the reason', async () => {
    const good = scheduledBackups(backupDir, 1)[0].path;
    const damaged = join(backupDir, 'damaged.levier.gz');
    const text = gunzipSync(readFileSync(good)).toString('utf8');
    writeFileSync(damaged, gzipSync(text.replace('drilled é', 'drilled è')));
    const result = await drillBackup(damaged, { databaseUrl: databaseUrl() });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(
      /The restore failed: .*tags does not match its count and checksum/,
    );
    rmSync(damaged);
  });

  it('runs the drill from the CLI command and the schedule, audited; a failure is an error', async () => {
    const lines = await runCommand(t.ctx, { name: 'backup-drill', campaignId: 1 });
    expect(lines[0]).toMatch(/Restore drill of .*campaign-1-.*: OK/);
    expect(lines[1]).toMatch(/tables, \d+ rows compared .*all identical/);
    await backupDrillJob.run(t.ctx, {}, { id: 'test', retryCount: 0 });
    const missing = join(backupDir, 'missing.levier.gz');
    await expect(
      runCommand(t.ctx, { name: 'backup-drill', campaignId: 1, file: missing }),
    ).rejects.toThrow(/FAILED/);
    expect((await auditActions()).slice(-3)).toEqual([
      'backup.drill',
      'backup.drill',
      'backup.drill_failed',
    ]);
  });

  it('shows the schedule, the files kept and the latest runs to administrators', async () => {
    const admin = await staffBrowser(t, 'backups-admin@example.org', ['admin']);
    const response = await admin.get('/api/admin/backups');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      schedule: '30 2 * * *',
      drillSchedule: '30 4 * * 0',
      keep: 2,
      files: [{ name: expect.stringMatching(/^campaign-1-.*\.levier\.gz$/) }],
    });
    expect(body.runs[0]).toMatchObject({ action: 'backup.drill_failed' });
    expect(JSON.stringify(body)).not.toContain(backupDir);
    const staff = await staffBrowser(t, 'backups-staff@example.org', ['staff']);
    expect((await staff.get('/api/admin/backups')).statusCode).toBe(403);
  });
});
