import { sql } from 'drizzle-orm';
import { settleConsents } from '../consents.ts';
import type { MergeField, MergeInput } from '../../../../contracts/duplicates.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { AppError, conflict, notFound } from '../../../core/http/errors.ts';
import { buildSearchText } from '../normalize.ts';
import { addPersonEvent } from '../service.ts';
import { accountAccessOf } from '../../accounts/access.ts';
import { applyReference, personReferences, UnclassifiedReferenceError } from './references.ts';

/** The people columns each choosable field carries (an address moves as a whole). */
const fieldColumns = (field: MergeField, peopleColumns: string[]): string[] => {
  switch (field) {
    case 'email':
      return ['email'];
    case 'firstName':
      return ['first_name'];
    case 'lastName':
      return ['last_name'];
    case 'phone':
      return ['phone'];
    case 'locale':
      return ['locale'];
    case 'address':
      return [
        'postal_code',
        'commune_code',
        'commune_name',
        'departement_code',
        ...peopleColumns.filter((c) => c.startsWith('address_')),
      ];
  }
};
const mergeFields: MergeField[] = ['email', 'firstName', 'lastName', 'phone', 'address', 'locale'];

/** Columns a merge computes itself rather than taking from one side. */
const computed = new Set([
  'campaign_id',
  'id',
  'email_normalized',
  'recruit_code',
  'recruited_by',
  'consent_email',
  'consent_sms',
  'consent_phone',
  'search_text',
  'created_at',
  'updated_at',
  'confirmed_at',
  'erased_at',
  'source',
]);

/** The version the comparison screen shows and a merge sends back: the row's last change. */
export const versionOf = (updatedAt: Date) => updatedAt.toISOString();

interface Locked {
  id: number;
  recruit_code: string;
  email: string | null;
  email_normalized: string | null;
  erased_at: Date | null;
  updated_at: Date;
  [column: string]: unknown;
}

/**
 * Merges `mergedId` into `keptId` in one transaction: every row pointing at the merged
 * person (found in the catalog, see references.ts) points at the kept one, the chosen values
 * win, consents become the latest decision per channel (the whole history is kept), the
 * merged row is deleted and remembered in person_merges, and the timeline and audit log say so.
 */
export async function mergePeople(ctx: AppContext, input: MergeInput, actorId: number | null) {
  const { keptId, mergedId } = input;
  const campaignId = ctx.campaignId;
  return ctx.database.transaction(async (query) => {
    // In id order, so that two merges of the same pair wait for each other instead of deadlocking.
    const rows = await query<Locked>(
      sql`SELECT * FROM people WHERE campaign_id = ${campaignId} AND id = ANY(${[keptId, mergedId]}::bigint[])
        AND erased_at IS NULL ORDER BY id FOR UPDATE`,
    );
    const kept = rows.find((r) => Number(r.id) === keptId);
    const merged = rows.find((r) => Number(r.id) === mergedId);
    if (!kept || !merged) throw notFound('person');
    if (
      versionOf(kept.updated_at) !== input.versions.kept ||
      versionOf(merged.updated_at) !== input.versions.merged
    ) {
      throw conflict(
        'merge_conflict',
        'One of these people was changed since the comparison was opened. Reload it and check the values again.',
      );
    }
    await refuseAccountLoss(query, campaignId, keptId, mergedId);
    let references;
    try {
      references = await personReferences(query);
    } catch (error) {
      if (error instanceof UnclassifiedReferenceError)
        throw new AppError(409, 'merge_unclassified_reference', error.message);
      throw error;
    }
    const peopleColumns = Object.keys(kept);

    // Chosen custom field values: the kept person's value goes, so the merged one moves in.
    const fromMerged = Object.entries(input.customFields)
      .filter(([, side]) => side === 'merged')
      .map(([key]) => key);
    if (fromMerged.length) {
      await query(
        sql`DELETE FROM person_field_values v USING custom_fields f
          WHERE v.campaign_id = ${campaignId} AND v.person_id = ${keptId} AND f.campaign_id = v.campaign_id
            AND f.id = v.custom_field_id AND f.key = ANY(${fromMerged}::text[])`,
      );
    }

    // The record: chosen fields from their side (the other side's where the chosen is empty),
    // every other column the kept person's unless empty.
    const sets: string[] = [];
    const taken = new Set<string>();
    let emailSide: 'k' | 'm' = kept.email ? 'k' : 'm';
    for (const field of mergeFields) {
      const columns = fieldColumns(field, peopleColumns).filter((c) => peopleColumns.includes(c));
      const wanted = input.choose[field] === 'merged' ? merged : kept;
      const other = wanted === kept ? merged : kept;
      const side =
        columns.some((c) => wanted[c] !== null) || columns.every((c) => other[c] === null)
          ? wanted
          : other;
      const alias = side === kept ? 'k' : 'm';
      if (field === 'email') emailSide = alias;
      for (const c of columns) {
        sets.push(`"${c}" = ${alias}."${c}"`);
        taken.add(c);
      }
    }
    for (const c of peopleColumns) {
      if (taken.has(c) || computed.has(c)) continue;
      sets.push(`"${c}" = COALESCE(k."${c}", m."${c}")`);
    }
    // The merged email must leave its unique key before the kept person takes it.
    await query(
      sql`UPDATE people SET email_normalized = NULL WHERE campaign_id = ${campaignId} AND id = ${mergedId}`,
    );
    const emailNormalized = emailSide === 'k' ? kept.email_normalized : merged.email_normalized;
    await query(
      sql`UPDATE people k SET ${sql.raw(sets.join(', '))},
              email_normalized = ${emailNormalized},
              recruited_by = CASE WHEN k.recruited_by IS NOT NULL AND k.recruited_by <> m.id THEN k.recruited_by
                                  WHEN m.recruited_by <> k.id THEN m.recruited_by END,
              created_at = LEAST(k.created_at, m.created_at),
              confirmed_at = LEAST(k.confirmed_at, m.confirmed_at),
              updated_at = now()
         FROM people m
        WHERE k.campaign_id = ${campaignId} AND k.id = ${keptId} AND m.campaign_id = ${campaignId} AND m.id = ${mergedId}`,
    );

    const moved: Record<string, number> = {};
    for (const ref of references) {
      const count = await applyReference(query, ref, campaignId, keptId, mergedId);
      if (count) moved[`${ref.table}.${ref.column}`] = count;
    }
    await query(sql`DELETE FROM people WHERE campaign_id = ${campaignId} AND id = ${mergedId}`);
    await query(
      sql`INSERT INTO person_merges (campaign_id, merged_id, kept_id, merged_by, merged_recruit_code)
       VALUES (${campaignId}, ${mergedId}, ${keptId}, ${actorId}, ${merged.recruit_code})`,
    );
    // Both histories are now the kept person's: each channel takes the latest decision.
    await settleConsents(query, campaignId, [keptId]);
    await refreshSearchText(query, campaignId, keptId);
    await addPersonEvent(query, campaignId, keptId, 'merge', { mergedId }, actorId);
    await audit(
      { query },
      {
        campaignId,
        actorId,
        action: 'person.merge',
        target: `person:${keptId}`,
        details: { mergedId, choose: input.choose, customFields: input.customFields, moved },
      },
    );
    return { keptId, moved };
  });
}

/**
 * A merge never takes away a staff member's access: when both have accounts, the merged
 * account (deleted with the merge) may hold no role or grant the kept one lacks.
 */
async function refuseAccountLoss(
  query: Query,
  campaignId: number,
  keptId: number,
  mergedId: number,
) {
  const accounts = await accountAccessOf(query, campaignId, [keptId, mergedId]);
  const keptAccount = accounts.get(keptId);
  const mergedAccount = accounts.get(mergedId);
  if (!keptAccount || !mergedAccount) return;
  const held = new Set([...keptAccount.roles, ...keptAccount.grants]);
  const lost = [...mergedAccount.roles, ...mergedAccount.grants].filter((r) => !held.has(r));
  if (lost.length) {
    throw conflict(
      'merge_account_roles',
      `The person merged away has an account with access the kept one lacks (${lost.join(', ')}). Keep that person instead, or change their roles first.`,
    );
  }
}

async function refreshSearchText(query: Query, campaignId: number, personId: number) {
  const [row] = await query<{
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    phone: string | null;
    commune_name: string | null;
    postal_code: string | null;
  }>(
    sql`SELECT first_name, last_name, email, phone, commune_name, postal_code FROM people
         WHERE campaign_id = ${campaignId} AND id = ${personId}`,
  );
  const searchText = buildSearchText({
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    communeName: row.commune_name,
    postalCode: row.postal_code,
  });
  await query(
    sql`UPDATE people SET search_text = ${searchText} WHERE campaign_id = ${campaignId} AND id = ${personId}`,
  );
}

/** Where a merged-away id went (following later merges), or null. */
export async function mergedInto(ctx: AppContext, id: number): Promise<number | null> {
  let current = id;
  for (let hops = 0; hops < 20; hops++) {
    const [row] = await ctx.database.query<{ kept_id: number }>(
      sql`SELECT kept_id FROM person_merges WHERE campaign_id = ${ctx.campaignId} AND merged_id = ${current}`,
    );
    if (!row) return current === id ? null : current;
    current = Number(row.kept_id);
  }
  return current;
}
