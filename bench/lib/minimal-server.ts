// The reference for the sign-up and donation benchmarks: the least a route can do, one INSERT
// per request (of the body's email: a sign-up's, or a gift's donor's).
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
await pool.query('CREATE TABLE IF NOT EXISTS minimal_insert (value text)');
const app = Fastify({ logger: false });
app.get('/', async () => 'ok');
app.post('/insert', async (request) => {
  const body = request.body as { email?: string; donor?: { email?: string } };
  await pool.query('INSERT INTO minimal_insert (value) VALUES ($1)', [
    body.email ?? body.donor?.email,
  ]);
  return { ok: true };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
