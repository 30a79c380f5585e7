import { forCampaign, type AppContext } from './core/context.ts';
import { migrationLevel, pendingMigrations } from './core/backup/migration-level.ts';
import { assertCampaignExists, createCampaign, listCampaigns } from './core/campaigns/service.ts';
import type { Command, CommandOptions } from './core/cli-channel/commands.ts';
import { personForEmail, setRoles } from './features/accounts/admin.ts';
import { issueLoginCode } from './features/accounts/service.ts';
import { AppError } from './core/http/errors.ts';
import { jobs } from './features/jobs.ts';

/**
 * The CLI commands that work on an open database: run in the CLI's own process, or sent to
 * the running server through the control channel (core/cli-channel) when it holds the
 * embedded folder. Either way the same code does the work and prints the same lines.
 */
export async function runCommand(
  ctx: AppContext,
  command: Command,
  options: CommandOptions = {},
): Promise<string[]> {
  switch (command.name) {
    case 'admin-create': {
      await assertCampaignExists(ctx.database, command.campaignId);
      const campaignCtx = forCampaign(ctx, command.campaignId);
      const personId = await personForEmail(campaignCtx, command.email);
      // setRoles creates the account row when there is none.
      await setRoles(campaignCtx, personId, command.roles, [], null);
      // The first administrator may have no working mail yet: print a one-time login link.
      const { linkUrl } = await issueLoginCode(campaignCtx, personId);
      const lines = [
        `${command.email} now has the role(s) ${command.roles.join(', ')}.`,
        `Log in within 15 minutes with this one-time link:\n  ${linkUrl}`,
        `Later, log in at ${ctx.config.publicUrl}/login with a code sent by email.`,
      ];
      if (options.viaServer && command.campaignId !== ctx.campaignId) {
        lines.push(
          `The running server serves campaign ${ctx.campaignId}: the link works on a server started with CAMPAIGN_ID=${command.campaignId}.`,
        );
      }
      return lines;
    }
    case 'job-run': {
      // A scheduled job run now, here: after an outage, or to send what is due without waiting.
      const definition = jobs.find((job) => job.name === command.job && job.schedule);
      if (!definition) {
        const scheduled = jobs.filter((job) => job.schedule).map((job) => job.name);
        throw new AppError(
          404,
          'unknown_job',
          `No scheduled job is called "${command.job}". Scheduled jobs: ${scheduled.join(', ')}.`,
        );
      }
      const started = performance.now();
      const payload = definition.payload.parse(definition.schedule?.payload ?? {});
      await definition.run(ctx, payload, { id: 'cli', retryCount: 0 });
      return [`${definition.name} done in ${Math.round(performance.now() - started)} ms.`];
    }
    case 'backup-drill': {
      const { runRecordedDrill } = await import('./core/backup/drill-run.ts');
      const { drillReport } = await import('./core/backup/drill.ts');
      const result = await runRecordedDrill(ctx, command.campaignId, command.file);
      const lines = drillReport(result);
      if (!result.ok) throw new AppError(422, 'backup_drill_failed', lines.join('\n'));
      return lines;
    }
    case 'seed-demo': {
      await assertCampaignExists(ctx.database, command.campaignId);
      const { seedDemo } = await import('./features/demo/seed.ts');
      const result = await seedDemo(forCampaign(ctx, command.campaignId), {
        people: command.people,
      });
      return [
        result.alreadySeeded
          ? 'The demo campaign is already there; nothing changed.'
          : `Demo campaign ready: ${result.people} supporters, ${result.tags} tags, ${result.segments} segments, ${result.committees} committees, ${result.events} events, door-to-door: ${result.field.addresses} addresses, ${result.field.turfs} turfs, ${result.field.visits} visits.`,
      ];
    }
    case 'campaign-create': {
      const campaign = await createCampaign(ctx.database, command.campaignName);
      return [
        `Campaign ${campaign.id} "${campaign.name}" created.`,
        ctx.database.engine === 'pglite'
          ? `Serve it with CAMPAIGN_ID=${campaign.id} (the embedded database serves one campaign at a time: stop the running server first).`
          : `Serve it with CAMPAIGN_ID=${campaign.id} (its own processes, same database).`,
      ];
    }
    case 'campaign-list':
      return (await listCampaigns(ctx.database)).map((c) => `${c.id}\t${c.name}`);
    case 'migrate': {
      const level = await migrationLevel(ctx.database);
      const pending = await pendingMigrations(ctx.database);
      if (!options.viaServer) return [`Migrations applied (level ${level.tag}).`];
      if (pending.length === 0) {
        return [`The running server applied every migration at its start (level ${level.tag}).`];
      }
      return [
        `The running server is at ${level.tag}; this code has ${pending.length} more (${pending.map((m) => m.tag).join(', ')}).`,
        'Stop the server and start it again: migrations run at start, after an automatic copy.',
      ];
    }
  }
}
