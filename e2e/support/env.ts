/** Names of the values global-setup.ts hands to the test workers through the environment. */
export const ENV = {
  baseURL: 'LEVIER_E2E_BASE_URL',
  mailbox: 'LEVIER_E2E_MAILBOX_URL',
  adminLink: 'LEVIER_E2E_ADMIN_LINK',
  adminState: 'LEVIER_E2E_ADMIN_STATE',
  /** The server's own settings (JSON), for specs that run a `levier` command beside it. */
  serverEnv: 'LEVIER_E2E_SERVER_ENV',
} as const;

/** The administrator made by `levier admin create` in global setup. */
export const ADMIN_EMAIL = 'admin.e2e@example.org';

/** Demo supporters seeded before the server starts (`levier seed-demo --people N`). */
export const DEMO_PEOPLE = 800;

export function fromSetup(name: keyof typeof ENV): string {
  const value = process.env[ENV[name]];
  if (!value) throw new Error(`${ENV[name]} is not set: run the specs with npm run test:e2e.`);
  return value;
}
