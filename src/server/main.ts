import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { loadConfig } from './core/config.ts';
import { closeContext, createContext, startJobs } from './core/runtime.ts';
import { personForEmail, setRoles } from './features/accounts/admin.ts';
import { issueLoginCode } from './features/accounts/service.ts';
import { roleSchema } from '../contracts/roles.ts';

const usage = `levier <command>

  serve                      HTTP server (and workers unless RUN_WORKERS=false)
  worker                     background jobs only
  migrate                    apply database migrations and exit
  seed-demo [--people N]     fill a realistic demo campaign
  admin create --email E [--role admin]   make (or promote) an administrator
  campaign create --name N   add a campaign to this database (prints its CAMPAIGN_ID)
  campaign list              the campaigns of this database

Every command works on the campaign CAMPAIGN_ID (1 unless set).
`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const ctx = await createContext(config);
      await startJobs(ctx, config.RUN_WORKERS);
      const app = await buildApp(ctx);
      await app.listen({ port: config.PORT, host: config.HOST });
      const engine =
        ctx.database.engine === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL';
      console.log(
        `\nLevier is running at ${config.publicUrl}  (database: ${engine}; mail: ${ctx.mailer.transport.name})`,
      );
      console.log(
        'Create the first administrator:  npx levier admin create --email you@example.org',
      );
      console.log('(with the server stopped when using the embedded database)\n');
      const stop = async () => {
        await app.close();
        await closeContext(ctx);
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      return;
    }
    case 'worker': {
      const ctx = await createContext(config);
      await startJobs(ctx, true);
      console.log('Levier worker running.');
      const stop = async () => {
        await closeContext(ctx);
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      return;
    }
    case 'migrate': {
      const ctx = await createContext(config);
      await closeContext(ctx);
      console.log('Migrations applied.');
      return;
    }
    case 'seed-demo': {
      const { values } = parseArgs({
        args: rest,
        options: { people: { type: 'string', default: '3000' } },
      });
      const ctx = await createContext(config);
      const { seedDemo } = await import('./features/demo/seed.ts');
      const result = await seedDemo(ctx, { people: Number(values.people) });
      await closeContext(ctx);
      console.log(
        result.alreadySeeded
          ? 'The demo campaign is already there; nothing changed.'
          : `Demo campaign ready: ${result.people} supporters, ${result.tags} tags, ${result.segments} segments.`,
      );
      return;
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
      const roles = values.role!.map((r) => roleSchema.parse(r));
      const ctx = await createContext(config);
      const personId = await personForEmail(ctx, values.email);
      // setRoles creates the account row when there is none.
      await setRoles(ctx, personId, roles, [], null);
      // The first administrator may have no working mail yet: print a one-time login link.
      const { linkUrl } = await issueLoginCode(ctx, personId);
      await closeContext(ctx);
      console.log(`${values.email} now has the role(s) ${roles.join(', ')}.`);
      console.log(`Log in within 15 minutes with this one-time link:\n  ${linkUrl}`);
      console.log(`Later, log in at ${config.publicUrl}/login with a code sent by email.`);
      return;
    }
    case 'campaign': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { name: { type: 'string' } },
      });
      const { createCampaign, listCampaigns } = await import('./features/campaigns/service.ts');
      const ctx = await createContext(config);
      try {
        if (positionals[0] === 'create' && values.name?.trim()) {
          const campaign = await createCampaign(ctx.database, values.name.trim());
          console.log(`Campaign ${campaign.id} "${campaign.name}" created.`);
          console.log(
            `Serve it with CAMPAIGN_ID=${campaign.id} (its own processes, same database).`,
          );
        } else if (positionals[0] === 'list') {
          for (const c of await listCampaigns(ctx.database)) console.log(`${c.id}\t${c.name}`);
        } else {
          throw new Error(usage);
        }
      } finally {
        await closeContext(ctx);
      }
      return;
    }
    default:
      console.log(usage);
      process.exitCode = command ? 1 : 0;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
