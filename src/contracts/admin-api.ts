import { z } from 'zod';
import { roleUpdateSchema, staffAccountSchema } from './accounts.ts';
import {
  adminPageQuerySchema,
  auditPageSchema,
  caughtMailPageSchema,
  caughtMailSchema,
  staffInviteSchema,
} from './admin.ts';
import { idParamSchema, okSchema } from './common.ts';
import { defineRoute } from './route.ts';

const tags = ['admin'] as const;
const roles = { permission: 'roles.manage' } as const;
const mailCatcher = { permission: 'mail.catcher.read' } as const;

/** Staff accounts and their rights, the development mail catcher, the audit log. */
export const adminApi = {
  accounts: defineRoute({
    method: 'GET',
    path: '/api/admin/accounts',
    summary: 'Staff accounts with their roles and grants',
    tags,
    access: roles,
    response: { 200: z.array(staffAccountSchema) },
  }),
  updateAccount: defineRoute({
    method: 'PUT',
    path: '/api/admin/accounts/:id',
    summary: "Set a staff account's roles and grants",
    tags,
    access: roles,
    params: idParamSchema,
    body: roleUpdateSchema,
    response: { 200: okSchema },
  }),
  addAccount: defineRoute({
    method: 'POST',
    path: '/api/admin/accounts',
    summary: 'Give roles to a person by email (made if unknown) and mail an invitation',
    tags,
    access: roles,
    body: staffInviteSchema,
    response: { 200: okSchema },
  }),
  mailList: defineRoute({
    method: 'GET',
    path: '/api/admin/mail',
    summary: 'Mail caught by the development mail catcher, newest first',
    tags,
    access: mailCatcher,
    query: adminPageQuerySchema,
    response: { 200: caughtMailPageSchema },
  }),
  mail: defineRoute({
    method: 'GET',
    path: '/api/admin/mail/:id',
    summary: 'One caught mail, with its text and HTML bodies',
    tags,
    access: mailCatcher,
    params: idParamSchema,
    response: { 200: caughtMailSchema },
  }),
  audit: defineRoute({
    method: 'GET',
    path: '/api/admin/audit',
    summary: 'The audit log, newest first',
    tags,
    access: { permission: 'audit.read' },
    query: adminPageQuerySchema,
    response: { 200: auditPageSchema },
  }),
};
