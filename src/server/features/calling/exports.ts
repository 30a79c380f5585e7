import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { BOM, csvLine } from '../people/export.ts';
import { personNames } from '../people/directory.ts';

const PAGE = 5_000;
/** Before any UUID: where the first page starts. */
const NO_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * A CSV file for a spreadsheet (`;`, BOM), sent as it is read, the export audited first (the
 * caller checked that what it exports exists: a 404 cannot follow a started file).
 */
export async function sendCsv(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  file: { action: string; target: string; name: string; lines: AsyncIterable<string> },
) {
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId: currentAuth(request).personId,
    action: file.action,
    target: file.target,
    ip: request.ip,
  });
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.name}"`)
    .header('cache-control', 'private, no-store')
    .send(Readable.from(file.lines));
}

/**
 * Pages of rows after a key, in key order, until none is left: exports of any size in
 * bounded memory.
 */
async function* pages<T extends { key: string }>(
  read: (after: string) => Promise<T[]>,
): AsyncGenerator<T[]> {
  let after = '';
  for (;;) {
    const rows = await read(after);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.key;
  }
}

/**
 * A broadcast's calls, one line per dial: the number called (to answer a complaint), when,
 * from which caller ID, and how it ended. No name: a broadcast calls numbers.
 */
export async function* broadcastCallsCsv(ctx: AppContext, id: number): AsyncGenerator<string> {
  yield (
    BOM +
    csvLine(
      [
        'Appel',
        'Numéro',
        'Numéro présenté',
        'Composé le',
        'Décroché le',
        'Fin',
        'État',
        'Répondu par',
        'Durée (s)',
        'Écouté jusqu’au bout',
        'Opposition (touche 9)',
        'Coût (centimes)',
        'Erreur',
      ],
      ';',
    )
  );
  const rows = pages((after) =>
    ctx.database.query<{
      key: string;
      to_e164: string;
      caller_id: string;
      dialled_at: Date;
      answered_at: Date | null;
      ended_at: Date | null;
      state: string;
      answered_as: string | null;
      duration_seconds: number | null;
      listened_to_end: boolean;
      opted_out: boolean;
      price_cents: number | null;
      error: string | null;
    }>(
      sql`SELECT id::text AS key, to_e164, caller_id, dialled_at, answered_at, ended_at, state,
                 answered_as, duration_seconds, listened_to_end, opted_out, price_cents, error
            FROM call_attempts
           WHERE campaign_id = ${ctx.campaignId} AND broadcast_id = ${id}
             AND id > ${after === '' ? 0 : Number(after)}
           ORDER BY id LIMIT ${PAGE}`,
    ),
  );
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : '');
  for await (const page of rows) {
    let text = '';
    for (const row of page) {
      text += csvLine(
        [
          Number(row.key),
          row.to_e164,
          row.caller_id,
          iso(row.dialled_at),
          iso(row.answered_at),
          iso(row.ended_at),
          row.state,
          row.answered_as,
          row.duration_seconds,
          row.listened_to_end ? 'oui' : 'non',
          row.opted_out ? 'oui' : 'non',
          row.price_cents,
          row.error,
        ],
        ';',
        true,
      );
    }
    yield text;
  }
}

/**
 * A phone bank's calls: when, by which volunteer, the outcome, the call-back, the answers kept
 * with the person's consent. Minimum exposure: no callee's name or number, no support level
 * (a political opinion), no notes (free text about the person).
 */
export async function* bankCallsCsv(ctx: AppContext, id: number): AsyncGenerator<string> {
  yield (
    BOM +
    csvLine(
      [
        'Appel',
        'Date',
        'Bénévole',
        'Issue',
        'Rappel prévu',
        'Version du questionnaire',
        'Réponses',
      ],
      ';',
    )
  );
  const rows = pages((after) =>
    ctx.database.query<{
      key: string;
      called_at: Date;
      caller_person_id: number;
      outcome: string;
      call_back_at: Date | null;
      version_id: number | null;
      answers: Record<string, unknown> | null;
    }>(
      sql`SELECT id::text AS key, called_at, caller_person_id, outcome, call_back_at, version_id, answers
            FROM phone_bank_calls
           WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${id}
             AND id > ${after === '' ? NO_UUID : after}::uuid
           ORDER BY id LIMIT ${PAGE}`,
    ),
  );
  for await (const page of rows) {
    const names = await personNames(ctx, [
      ...new Set(page.map((row) => Number(row.caller_person_id))),
    ]);
    let text = '';
    for (const row of page) {
      text += csvLine(
        [
          row.key,
          new Date(row.called_at).toISOString(),
          names.get(Number(row.caller_person_id)) ?? '',
          row.outcome,
          row.call_back_at ? new Date(row.call_back_at).toISOString() : '',
          row.version_id,
          row.answers ? JSON.stringify(row.answers) : '',
        ],
        ';',
      );
    }
    yield text;
  }
}
