import { sql } from 'drizzle-orm';
import {
  isSameDefinition,
  questionnaireDefinitionSchema,
  type QuestionnaireDefinition,
  type QuestionnaireVersion,
} from '../../../../contracts/field-questionnaires.ts';
import type { Questionnaire } from '../../../../contracts/field-visits.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/http/errors.ts';

interface VersionRow {
  id: number;
  questionnaire_id: number;
  version: number;
  definition: QuestionnaireDefinition;
  created_at: Date | string;
}

const toVersion = (row: VersionRow): QuestionnaireVersion => ({
  id: Number(row.id),
  questionnaireId: Number(row.questionnaire_id),
  version: row.version,
  definition: questionnaireDefinitionSchema.parse(row.definition),
  createdAt: new Date(row.created_at).toISOString(),
});

/** One version, as a visit's answers are checked against it (any questionnaire of the campaign). */
export async function questionnaireVersion(
  ctx: AppContext,
  versionId: number,
): Promise<QuestionnaireVersion | null> {
  const [row] = await ctx.database.query<VersionRow>(
    sql`SELECT id, questionnaire_id, version, definition, created_at FROM field_questionnaire_versions
         WHERE campaign_id = ${ctx.campaignId} AND id = ${versionId}`,
  );
  return row ? toVersion(row) : null;
}

/**
 * The questionnaire canvassers carry: the current version of the most recently changed
 * questionnaire that is not archived; none when HQ has made none.
 */
export async function currentQuestionnaire(
  ctx: AppContext,
  /** The turf whose area may name its questionnaire (unless archived since). */
  turfId?: number,
): Promise<QuestionnaireVersion | null> {
  const chosen =
    turfId === undefined
      ? sql`NULL::bigint`
      : sql`(SELECT z.questionnaire_id FROM field_turfs t
               JOIN field_areas z ON z.campaign_id = t.campaign_id AND z.id = t.area_id
              WHERE t.campaign_id = ${ctx.campaignId} AND t.id = ${turfId})`;
  const [row] = await ctx.database.query<VersionRow>(
    sql`SELECT v.id, v.questionnaire_id, v.version, v.definition, v.created_at
          FROM field_questionnaires q
          JOIN field_questionnaire_versions v ON v.campaign_id = q.campaign_id AND v.id = q.current_version_id
         WHERE q.campaign_id = ${ctx.campaignId} AND NOT q.archived
         ORDER BY q.id IS NOT DISTINCT FROM ${chosen} DESC, v.created_at DESC, v.id DESC LIMIT 1`,
  );
  return row ? toVersion(row) : null;
}

interface QuestionnaireRow extends VersionRow {
  name: string;
  archived: boolean;
  versions: number;
  answered: number;
}

async function questionnairesWhere(ctx: AppContext, id: number | null): Promise<Questionnaire[]> {
  const rows = await ctx.database.query<QuestionnaireRow>(
    sql`SELECT q.id AS questionnaire_id, q.name, q.archived, v.id, v.version, v.definition, v.created_at,
               (SELECT count(*)::int FROM field_questionnaire_versions x
                 WHERE x.campaign_id = q.campaign_id AND x.questionnaire_id = q.id) AS versions,
               (SELECT count(*)::int FROM field_visits f JOIN field_questionnaire_versions x
                   ON x.campaign_id = f.campaign_id AND x.id = f.version_id
                 WHERE f.campaign_id = q.campaign_id AND x.questionnaire_id = q.id) AS answered
          FROM field_questionnaires q
          JOIN field_questionnaire_versions v ON v.campaign_id = q.campaign_id AND v.id = q.current_version_id
         WHERE q.campaign_id = ${ctx.campaignId} ${id === null ? sql`` : sql`AND q.id = ${id}`}
         ORDER BY q.archived, v.created_at DESC, q.id DESC`,
  );
  return rows.map((row) => ({
    id: Number(row.questionnaire_id),
    name: row.name,
    archived: row.archived,
    current: toVersion(row),
    versions: row.versions,
    answered: row.answered,
  }));
}

export const listQuestionnaires = async (ctx: AppContext) => ({
  items: await questionnairesWhere(ctx, null),
});

export async function questionnaireById(ctx: AppContext, id: number): Promise<Questionnaire> {
  const [found] = await questionnairesWhere(ctx, id);
  if (!found) throw notFound('questionnaire');
  return found;
}

export async function createQuestionnaire(
  ctx: AppContext,
  input: { name: string; definition: QuestionnaireDefinition },
  personId: number,
): Promise<Questionnaire> {
  const id = await ctx.database.transaction(async (query) => {
    const [q] = await query<{ id: number }>(
      sql`INSERT INTO field_questionnaires (campaign_id, name) VALUES (${ctx.campaignId}, ${input.name}) RETURNING id`,
    );
    const [v] = await query<{ id: number }>(
      sql`INSERT INTO field_questionnaire_versions (campaign_id, questionnaire_id, version, definition, created_by)
          VALUES (${ctx.campaignId}, ${q.id}, 1, ${JSON.stringify(input.definition)}::jsonb, ${personId})
          RETURNING id`,
    );
    await query(
      sql`UPDATE field_questionnaires SET current_version_id = ${v.id} WHERE campaign_id = ${ctx.campaignId} AND id = ${q.id}`,
    );
    return Number(q.id);
  });
  return questionnaireById(ctx, id);
}

/**
 * Saves a questionnaire: a changed definition becomes a new version (answers already given keep
 * theirs); an unchanged one keeps the current version. Renaming makes no version.
 */
export async function saveQuestionnaire(
  ctx: AppContext,
  id: number,
  input: { name: string; definition: QuestionnaireDefinition; archived?: boolean },
  personId: number,
): Promise<Questionnaire> {
  const before = await questionnaireById(ctx, id);
  await ctx.database.transaction(async (query) => {
    if (!isSameDefinition(before.current.definition, input.definition)) {
      const [v] = await query<{ id: number }>(
        sql`INSERT INTO field_questionnaire_versions (campaign_id, questionnaire_id, version, definition, created_by)
            SELECT ${ctx.campaignId}, ${id}, max(version) + 1, ${JSON.stringify(input.definition)}::jsonb, ${personId}
              FROM field_questionnaire_versions WHERE campaign_id = ${ctx.campaignId} AND questionnaire_id = ${id}
            RETURNING id`,
      );
      await query(
        sql`UPDATE field_questionnaires SET current_version_id = ${v.id} WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
      );
    }
    await query(
      sql`UPDATE field_questionnaires SET name = ${input.name}, archived = ${input.archived ?? before.archived}
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
  });
  return questionnaireById(ctx, id);
}
