import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { purgeEndedSessions } from './sessions.ts';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { iso, when } from '../people/data-file-sections.ts';
import { purgeExpiredLoginCodes, purgePasswordFailures } from './service.ts';
import { personHasAccount } from './access.ts';

const account = z.object({
  createdAt: when,
  lastLoginAt: when,
  hasPassword: z.boolean(),
  roles: z.array(z.string()),
  grants: z.array(z.string()),
  sessions: z.array(
    z.object({
      createdAt: when,
      lastSeenAt: when,
      expiresAt: when,
      userAgent: z.string().nullable(),
      ip: z.string().nullable(),
    }),
  ),
});

const keyedHashes =
  'Keyed hashes of an address (unreadable without the server secret), deleted by their purge.';

/** What the accounts feature holds about a person (see core/personal-data). */
export const accountsPersonalData: PersonalData = {
  feature: 'accounts',
  processing: {
    name: 'Accounts and login',
    purpose: 'Let supporters and staff log in, and secure their accounts.',
    legalBasis: ['contract', 'legitimate_interests'],
    people: 'People with an account: staff, organisers, supporters using their space.',
    data: 'Roles and grants, password hash, login codes and failures as keyed hashes, sessions (device, IP address).',
    recipients: 'Administrators managing roles.',
    retention:
      'Sessions until logout or expiry; failures one day; login trust 30 days; the account until its person is erased.',
    fr: {
      name: 'Comptes et connexion',
      purpose:
        'Permettre aux sympathisants et à l’équipe de se connecter, et sécuriser leurs comptes.',
      people:
        'Personnes disposant d’un compte : équipe, animateurs, sympathisants utilisant leur espace.',
      data: 'Rôles et habilitations, empreinte du mot de passe, codes de connexion et échecs de connexion sous forme d’empreintes à clé secrète, sessions (appareil, adresse IP).',
      recipients: 'Administrateurs chargés des rôles.',
      retention:
        'Sessions jusqu’à la déconnexion ou leur expiration ; échecs de connexion un jour ; confiance accordée à un appareil 30 jours ; le compte jusqu’à l’effacement de la personne.',
    },
  },
  tables: [
    {
      table: 'accounts',
      holds: 'Roles, grants, password hash and last login of a person who logs in.',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'sessions',
      holds: 'Logged-in devices: when, browser, IP address.',
      // The merged person's sessions end: they log in again as the kept person.
      personColumns: { person_id: 'delete' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'login_codes',
      holds: 'Login codes and links sent to an address (as keyed hashes).',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'password_failures',
      holds: 'Wrong passwords typed for an address, by keyed hash, for a day.',
      personColumns: {},
      erase: { keep: keyedHashes },
    },
    {
      table: 'login_trust',
      holds: 'Where an address logged in from, by keyed hashes, for 30 days.',
      personColumns: {},
      erase: { keep: keyedHashes },
    },
    {
      table: 'kiosk_links',
      holds: 'Kiosk links staff opened: only the id of who opened each.',
      personColumns: { created_by: 'move' },
      erase: { keep: 'A link holds no personal data; its author id is that of an erased person.' },
    },
  ],
  dataFile: [
    {
      key: 'account',
      schema: account,
      async read(ctx, personId) {
        const own = sql`campaign_id = ${ctx.campaignId} AND person_id = ${personId}`;
        const [[row], sessions] = await Promise.all([
          ctx.database.query<{
            roles: string[];
            grants: string[];
            created_at: Date;
            last_login_at: Date | null;
            has_password: boolean;
          }>(
            sql`SELECT roles, grants, created_at, last_login_at, password_hash IS NOT NULL AS has_password
               FROM accounts WHERE ${own}`,
          ),
          ctx.database.query<{
            created_at: Date;
            last_seen_at: Date;
            expires_at: Date;
            user_agent: string | null;
            ip: string | null;
          }>(
            sql`SELECT created_at, last_seen_at, expires_at, user_agent, ip FROM sessions
              WHERE ${own} ORDER BY created_at`,
          ),
        ]);
        return {
          createdAt: iso(row?.created_at),
          lastLoginAt: iso(row?.last_login_at),
          hasPassword: row?.has_password ?? false,
          roles: row?.roles ?? [],
          grants: row?.grants ?? [],
          sessions: sessions.map((session) => ({
            createdAt: iso(session.created_at),
            lastSeenAt: iso(session.last_seen_at),
            expiresAt: iso(session.expires_at),
            userAgent: session.user_agent,
            ip: session.ip,
          })),
        };
      },
    },
  ],
  purges: [
    { name: 'loginCodes', run: purgeExpiredLoginCodes },
    { name: 'passwordFailures', run: purgePasswordFailures },
    { name: 'sessions', run: (ctx) => purgeEndedSessions(ctx.database, ctx.campaignId) },
  ],
  // An account: the person signed in, or staff gave them one.
  keepsProspect: [
    {
      key: 'account',
      reason: 'an account',
      holds: (campaignId, person) => personHasAccount(sql`${campaignId}`, person),
    },
  ],
};
