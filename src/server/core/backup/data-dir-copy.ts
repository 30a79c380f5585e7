import { pgliteExtensions, queryOver } from '../db/index.ts';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { probeCampaigns } from '../campaigns/service.ts';
import { pgliteFolder, useDataDirLayout } from '../db/data-dir.ts';
import { acquireDataDirLock } from '../db/lock.ts';

/**
 * Puts a copy of the embedded folder (an automatic copy's data-dir.tar.gz, PGlite's
 * dumpDataDir format) in place of DATA_DIR/pgdata, which is kept beside it, renamed. For a
 * folder that no longer opens; the copy is opened once before this returns.
 */
export async function restoreDataDirCopy(
  dataDir: string,
  tarball: string,
): Promise<{ replaced?: string }> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir, 'restore');
  try {
    useDataDirLayout(dataDir);
    const target = pgliteFolder(dataDir);
    const replaced = existsSync(target)
      ? `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`
      : undefined;
    if (replaced) renameSync(target, replaced);
    try {
      const client = await PGlite.create({
        dataDir: target,
        loadDataDir: new Blob([readFileSync(tarball)]),
        extensions: pgliteExtensions,
      });
      await probeCampaigns(
        queryOver(async (text, params) => (await client.query(text, params)).rows),
      );
      await client.close();
    } catch (error) {
      rmSync(target, { recursive: true, force: true });
      if (replaced) renameSync(replaced, target);
      throw new Error(
        `The copy ${tarball} could not be opened (${(error as Error).message}); nothing changed.`,
        {
          cause: error,
        },
      );
    }
    return { replaced };
  } finally {
    lock.release();
  }
}
