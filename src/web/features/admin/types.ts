import type { z } from 'zod';
import type { roleUpdateSchema, staffAccountSchema } from '../../../contracts/accounts.ts';

export type StaffAccount = z.infer<typeof staffAccountSchema>;
export type RoleUpdate = z.infer<typeof roleUpdateSchema>;
