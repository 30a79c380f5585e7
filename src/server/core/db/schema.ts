export * from '../../features/campaigns/tables.ts';
export * from '../../features/people/tables.ts';
export * from '../../features/recruitment/tables.ts';
export * from '../../features/accounts/tables.ts';
export * from '../../features/settings/tables.ts';
export * from '../audit-tables.ts';
export * from '../mail/tables.ts';
export * from '../http/rate-limit-tables.ts';
