import { createReadStream, createWriteStream, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from './core/config.ts';
import type { AppContext } from './core/context.ts';
import { closeContext, createContext, startJobs } from './core/runtime.ts';
import { roleSchema } from '../contracts/roles.ts';
import { DataDirBusyError, LOCK_FILE, lockHolder } from './core/db/lock.ts';
import type { Command } from './core/cli-channel/commands.ts';
import { runCommand } from './commands.ts';
import { controlOf, fetchBackup, sendCommand } from './core/cli-channel/client.ts';
import { registerFeatureJobs } from './features/jobs.ts';

const usage = `levier <command>

  serve                      HTTP server (and workers unless RUN_WORKERS=false)
  worker                     background jobs only
  migrate                    apply database migrations and exit
  seed-demo [--people N]     fill a realistic demo campaign
  admin create --email E [--role admin]   make (or promote) an administrator
  campaign create --name N   add a campaign to this database (prints its CAMPAIGN_ID)
  campaign list              the campaigns of this database
  jobs run NAME              run a scheduled job now (e.g. events.reminders)
  backup [--out FILE]        write the campaign to FILE (a .levier.gz campaign backup)
  backup drill [FILE]        restore FILE (default: the newest backup) into a scratch
                             database and compare every table with the file
  restore FILE [--replace | --new-campaign | --campaign-id N]
                             put a campaign backup (or an embedded folder copy) back
  restore --last             put back the newest automatic copy (made before migrations)

Every command works on the campaign CAMPAIGN_ID (1 unless set). On the embedded database,
the commands above work while the server runs (it does the work), except restore.
`;

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** The second process on an embedded folder: what to do instead. */
function busyAdvice(error: DataDirBusyError, command: string): string {
  const { pid, command: running } = error.holder;
  const lockFile = join(error.dataDir, LOCK_FILE);
  if (command === 'serve' || command === 'worker') {
    return `${error.message}\nStop it first (Ctrl+C in its terminal, or kill ${pid}). To run several processes at once, use PostgreSQL (DATABASE_URL). If no Levier process runs, remove ${lockFile}.`;
  }
  if (command === 'restore') {
    return `${error.message}\nA restore replaces data that process is using: stop it (Ctrl+C in its terminal, or kill ${pid}), then run this restore again.`;
  }
  return `${error.message}\nIt is running "${running}" and takes no commands: wait for it to finish, then run this command again.`;
}

/**
 * The control channel of the server holding the folder. A server opens it once migrated:
 * one still starting (an automatic copy can take a while) is waited for, up to two minutes.
 */
async function serverControl(error: DataDirBusyError) {
  let control = controlOf(error.dataDir, error.holder);
  if (control || error.holder.command !== 'serve') return control;
  console.log(`Waiting for the server (pid ${error.holder.pid}) to finish starting…`);
  const deadline = Date.now() + 120_000;
  while (!control && Date.now() < deadline && lockHolder(error.dataDir)?.pid === error.holder.pid) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    control = controlOf(error.dataDir, error.holder);
  }
  return control;
}

/** Opens the database for a command; on a busy embedded folder, `viaServer` gets a chance. */
async function withContext<T>(
  config: Config,
  command: string,
  work: (ctx: AppContext) => Promise<T>,
  viaServer?: (control: NonNullable<ReturnType<typeof controlOf>>) => Promise<T>,
): Promise<T> {
  let ctx: AppContext;
  try {
    ctx = await createContext(config, { command });
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw error;
    const control = viaServer && (await serverControl(error));
    if (control && viaServer) return viaServer(control);
    throw new Error(busyAdvice(error, command), { cause: error });
  }
  try {
    return await work(ctx);
  } finally {
    await closeContext(ctx);
  }
}

/** A command that either runs here or is done by the running server; prints its lines. */
async function run(config: Config, label: string, command: Command) {
  const lines = await withContext(
    config,
    label,
    (ctx) => runCommand(ctx, command),
    async (control) => {
      console.log(`(done by the running server, pid ${control.pid})`);
      return sendCommand(control, command);
    },
  );
  for (const line of lines) console.log(line);
}

/** Ctrl+C reaches the server several times (terminal, npm, scripts/start.mjs): stop once. */
function onStopSignals(stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Levier (closing the database cleanly)…`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** The context of a long-running process (serve, worker): a second one on a busy folder stops. */
async function openLongRunning(config: Config, command: 'serve' | 'worker') {
  try {
    return await createContext(config, { command });
  } catch (error) {
    if (error instanceof DataDirBusyError) throw new Error(busyAdvice(error, command));
    throw error;
  }
}

async function serve(config: Config) {
  const ctx = await openLongRunning(config, 'serve');
  await startJobs(ctx, config.RUN_WORKERS, registerFeatureJobs);
  // Loaded here only: the other commands need none of the HTTP app.
  const { buildApp } = await import('./app.ts');
  const app = await buildApp(ctx);
  const embedded = ctx.database.engine === 'pglite';
  const { startControlChannel } = await import('./core/cli-channel/server.ts');
  // Open before the public port, so a command run as soon as the site answers finds it.
  const channel = embedded
    ? await startControlChannel(ctx, config.DATA_DIR, runCommand)
    : undefined;
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await channel?.close();
    await closeContext(ctx);
    throw error;
  }
  const engine = embedded ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL';
  console.log(
    `\nLevier is running at ${config.publicUrl}  (database: ${engine}; mail: ${ctx.mailer.transport.name})`,
  );
  console.log('Create the first administrator:  npx levier admin create --email you@example.org');
  console.log(
    embedded
      ? '(in another terminal, while this server runs: it does the work and prints a login link)\n'
      : '\n',
  );
  onStopSignals(async () => {
    await channel?.close();
    await app.close();
    await closeContext(ctx);
  });
}

async function backup(config: Config, rest: string[]) {
  if (rest[0] === 'drill') {
    const file = rest[1] ? resolve(rest[1]) : undefined;
    if (file && !existsSync(file)) throw new Error(`No such file: ${file}`);
    return run(config, 'backup drill', {
      name: 'backup-drill',
      campaignId: config.CAMPAIGN_ID,
      file,
    });
  }
  const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
  const campaignId = config.CAMPAIGN_ID;
  const file = resolve(values.out ?? `levier-campaign-${campaignId}-${stamp()}.levier.gz`);
  const { exportCampaign } = await import('./core/backup/write.ts');
  try {
    const rows = await withContext(
      config,
      'backup',
      async (ctx) => {
        const out = createWriteStream(file, { mode: 0o600 });
        const summary = await exportCampaign(ctx.database, campaignId, out, file);
        return String(summary.rows);
      },
      async (control) => {
        await fetchBackup(control, campaignId, file);
        return 'all';
      },
    );
    console.log(`Campaign ${campaignId} written to ${file} (${rows} rows).`);
    console.log('It holds personal data: keep it encrypted and delete it when no longer needed.');
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
}

async function restore(config: Config, rest: string[]) {
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      replace: { type: 'boolean', default: false },
      'new-campaign': { type: 'boolean', default: false },
      'campaign-id': { type: 'string' },
      last: { type: 'boolean', default: false },
    },
  });
  const embedded = !config.DATABASE_URL;
  const { automaticCopies, DATA_DIR_COPY } = await import('./core/backup/automatic.ts');
  let file = positionals[0];
  if (values.last) {
    const newest = automaticCopies(config.backupDir)[0];
    if (!newest) throw new Error(`No automatic copy in ${config.backupDir}.`);
    file = embedded
      ? join(newest, DATA_DIR_COPY)
      : join(newest, `campaign-${config.CAMPAIGN_ID}.levier.gz`);
  }
  if (!file) throw new Error(usage);
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  const { isDataDirCopy } = await import('./core/backup/detect.ts');
  if (await isDataDirCopy(file)) {
    if (!embedded) {
      throw new Error(
        `${file} is a copy of an embedded database folder; with DATABASE_URL restore a campaign backup (.levier.gz) instead.`,
      );
    }
    const { restoreDataDirCopy } = await import('./core/backup/data-dir-copy.ts');
    try {
      const { replaced } = await restoreDataDirCopy(config.DATA_DIR, file);
      console.log(`The embedded database in ${config.DATA_DIR} is now the copy ${file}.`);
      if (replaced) console.log(`The folder it replaced is kept as ${replaced}.`);
    } catch (error) {
      if (error instanceof DataDirBusyError) throw new Error(busyAdvice(error, 'restore'));
      throw error;
    }
    return;
  }
  const { restoreCampaignBackup } = await import('./core/backup/restore.ts');
  const summary = await withContext(config, 'restore', (ctx) =>
    restoreCampaignBackup(ctx.database, createReadStream(file), {
      replace: values.replace,
      newCampaign: values['new-campaign'],
      campaignId: values['campaign-id'] ? Number(values['campaign-id']) : undefined,
      source: resolve(file),
    }),
  );
  console.log(
    `Campaign "${summary.name}" restored as campaign ${summary.campaignId} (${summary.rows} rows, from campaign ${summary.fromCampaignId}).`,
  );
  if (summary.campaignId !== config.CAMPAIGN_ID) {
    console.log(`Serve it with CAMPAIGN_ID=${summary.campaignId}.`);
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'worker': {
      const ctx = await openLongRunning(config, 'worker');
      await startJobs(ctx, true, registerFeatureJobs);
      console.log('Levier worker running.');
      onStopSignals(() => closeContext(ctx));
      return;
    }
    case 'migrate':
      return run(config, 'migrate', { name: 'migrate' });
    case 'seed-demo': {
      const { values } = parseArgs({
        args: rest,
        options: { people: { type: 'string', default: '3000' } },
      });
      return run(config, 'seed-demo', {
        name: 'seed-demo',
        campaignId: config.CAMPAIGN_ID,
        people: Number(values.people),
      });
    }
    case 'admin': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          email: { type: 'string' },
          role: { type: 'string', multiple: true, default: ['admin'] },
        },
      });
      if (positionals[0] !== 'create' || !values.email) throw new Error(usage);
      return run(config, 'admin create', {
        name: 'admin-create',
        campaignId: config.CAMPAIGN_ID,
        email: values.email,
        roles: values.role!.map((r) => roleSchema.parse(r)),
      });
    }
    case 'campaign': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { name: { type: 'string' } },
      });
      if (positionals[0] === 'create' && values.name?.trim()) {
        return run(config, 'campaign create', {
          name: 'campaign-create',
          campaignName: values.name.trim(),
        });
      }
      if (positionals[0] === 'list') return run(config, 'campaign list', { name: 'campaign-list' });
      throw new Error(usage);
    }
    case 'jobs': {
      const [action, job] = rest;
      if (action !== 'run' || !job) throw new Error(usage);
      return run(config, 'jobs run', { name: 'job-run', job });
    }
    case 'backup':
      return backup(config, rest);
    case 'restore':
      return restore(config, rest);
    default:
      console.log(usage);
      process.exitCode = command ? 1 : 0;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
