import type { z } from 'zod';
import type { roleUpdateSchema, staffAccountSchema } from '../../../contracts/accounts.ts';

export type StaffAccount = z.infer<typeof staffAccountSchema>;
export type RoleUpdate = z.infer<typeof roleUpdateSchema>;

/** Admin lists come as a page of items; pageSize may be omitted by the server. */
export interface AdminPage<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}

export interface MailSummary {
  id: number | string;
  to: string;
  from: string;
  subject: string;
  at: string;
}

export interface MailDetail extends MailSummary {
  text: string | null;
  html: string | null;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actorName: string | null;
  action: string;
  target: string | null;
  details: unknown;
}
