import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  engines,
  staffBrowser,
  type Browser,
  type TestApp,
} from '../../testing/harness.ts';
import { dbRows } from './test-data.ts';
import { importFieldFile } from './testing.ts';

/** Addresses enough for three slices of the store (it moves 50,000 at a time). */
const ROWS = 101_000;
const HEADER = 'id;numero;rep;nom_voie;code_postal;code_insee;nom_commune;lon;lat';

/** A BAN file of `ROWS` lines whose line 11's id comes again at line 100,502, renumbered. */
function banFile(street: string) {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const n = (i % 500) + 1;
    const fantoir = `33063_${String(Math.floor(i / 500)).padStart(4, '0')}`;
    const again = i === 100_500;
    const id = again ? '33063_0000_00010' : `${fantoir}_${String(n).padStart(5, '0')}`;
    const lon = (-0.58 + (i % 500) * 0.0001).toFixed(6);
    const lat = (44.84 + Math.floor(i / 500) * 0.0001).toFixed(6);
    lines.push(
      `${id};${again ? 999 : n};;${street} ${Math.floor(i / 500)};33000;33063;Bordeaux;${lon};${lat}`,
    );
  }
  return Buffer.from(lines.join('\n') + '\n');
}

describe.each(engines)('addresses imported in slices (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'slices@field.example', ['staff']);
  });
  afterAll(() => t?.close());

  const address = async (banId: string) => {
    const [row] = await dbRows<{ number: number; street_name: string; import_id: number }>(
      t,
      `SELECT number, street_name, import_id FROM field_addresses WHERE campaign_id = $1 AND ban_id = $2`,
      [t.ctx.campaignId, banId],
    );
    return row;
  };

  it('stores every slice, the last line of an id repeated across slices winning', async () => {
    const done = await importFieldFile(t, staff, { kind: 'addresses' }, banFile('Rue'), 'a.csv');
    expect(done.status).toBe('succeeded');
    expect(done.counts).toMatchObject({ rows: ROWS, stored: ROWS - 1, duplicates: 1 });
    expect(await address('33063_0000_00010')).toMatchObject({
      number: 999,
      street_name: 'Rue 201',
      import_id: done.id,
    });
  }, 120_000);

  it('keeps nothing of a gzip file cut short after several slices were read', async () => {
    const whole = gzipSync(banFile('Avenue'));
    const cut = whole.subarray(0, whole.length - 64);
    const done = await importFieldFile(t, staff, { kind: 'addresses' }, cut, 'b.csv.gz');
    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('bad_gzip');
    const [mine] = await dbRows<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM field_addresses WHERE campaign_id = $1 AND import_id = $2`,
      [t.ctx.campaignId, done.id],
    );
    expect(mine.n).toBe(0);
    // The addresses the file would have updated are as the previous import left them.
    expect(await address('33063_0001_00001')).toMatchObject({ street_name: 'Rue 1' });
    const [stages] = await dbRows<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'field_ban_stage_%'`,
    );
    expect(stages.n).toBe(0);
  }, 120_000);
});
