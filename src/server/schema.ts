// The whole Drizzle schema (drizzle-kit generates migrations from it): every feature's
// tables and core's own, gathered where the app is assembled. Core reads none of it.
export * from './core/campaigns/tables.ts';
export * from './features/people/tables.ts';
export * from './features/people/duplicates/tables.ts';
export * from './features/people/custom-fields/tables.ts';
export * from './features/people/records-tables.ts';
export * from './features/recruitment/tables.ts';
export * from './features/accounts/tables.ts';
export * from './features/settings/tables.ts';
export * from './features/compliance/tables.ts';
export * from './core/audit-tables.ts';
export * from './core/mail/tables.ts';
export * from './core/http/rate-limit-tables.ts';
export * from './core/operations/tables.ts';
export * from './features/audiences/tables.ts';
export * from './features/committees/tables.ts';
export * from './features/moderation/tables.ts';
export * from './features/events/tables.ts';
export * from './features/donations/tables.ts';
export * from './core/geo/map-tables.ts';
export * from './features/donations/receipts/tables.ts';
export * from './features/field/tables.ts';
export * from './features/calling/tables.ts';
export * from './features/calling/banks/tables.ts';
export * from './features/newsletters/tables.ts';
