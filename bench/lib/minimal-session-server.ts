// The visit-sync benchmark's second reference: the least a route behind a login can do, a
// session found by its cookie (signed, as Levier's: unsigned with the same secret, then its
// hash looked up in Levier's `sessions` table) and one INSERT per request; 401 without one.
import { createHash } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const campaignId = Number(process.env.CAMPAIGN_ID);
await pool.query('CREATE TABLE IF NOT EXISTS minimal_insert (value text)');
const app = Fastify({ logger: false });
await app.register(cookie, { secret: process.env.SESSION_SECRET });
app.get('/', async () => 'ok');
app.post('/insert', async (request, reply) => {
  const raw = request.cookies.levier_sid;
  const unsigned = raw ? request.unsignCookie(raw) : null;
  if (!unsigned?.valid || !unsigned.value) return reply.status(401).send({ error: 'no session' });
  const hash = createHash('sha256').update(unsigned.value).digest('hex');
  const { rows } = await pool.query<{ person_id: string }>(
    'SELECT person_id FROM sessions WHERE campaign_id = $1 AND id_hash = $2 AND expires_at > now()',
    [campaignId, hash],
  );
  if (!rows.length) return reply.status(401).send({ error: 'no session' });
  const body = request.body as { email?: string };
  await pool.query('INSERT INTO minimal_insert (value) VALUES ($1)', [
    `${rows[0].person_id}:${body.email}`,
  ]);
  return { ok: true };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
