import { z } from 'zod';
import { roleSchema } from '../../../contracts/roles.ts';
import type { AppContext } from '../context.ts';

const campaignId = z.number().int().min(1);

/** The CLI commands that work on an open database (run by `src/server/commands.ts`). */
export const commandSchema = z.discriminatedUnion('name', [
  z.object({
    name: z.literal('admin-create'),
    campaignId,
    email: z.string().min(3).max(320),
    roles: z.array(roleSchema).min(1),
  }),
  z.object({
    name: z.literal('seed-demo'),
    campaignId,
    people: z.number().int().min(1).max(1_000_000),
  }),
  z.object({ name: z.literal('campaign-create'), campaignName: z.string().trim().min(1).max(200) }),
  z.object({ name: z.literal('campaign-list') }),
  z.object({ name: z.literal('migrate') }),
  z.object({ name: z.literal('job-run'), job: z.string().min(1).max(100) }),
  z.object({
    name: z.literal('backup-drill'),
    campaignId,
    file: z.string().min(1).max(4096).optional(),
  }),
]);

export type Command = z.infer<typeof commandSchema>;

export interface CommandOptions {
  /** Set when a running server does the work for a CLI process. */
  viaServer?: boolean;
}

/** Runs a command on an open database (given by the app, which knows the features). */
export type RunCommand = (
  ctx: AppContext,
  command: Command,
  options?: CommandOptions,
) => Promise<string[]>;
