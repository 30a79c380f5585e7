import { sql, type SQL } from 'drizzle-orm';
import type { Progress, ProgressQuery } from '../../../../contracts/field-progress.ts';
import type { QuestionnaireDefinition } from '../../../../contracts/field-questionnaires.ts';
import { visitOutcomeSchema, type VisitOutcome } from '../../../../contracts/field-turfs.ts';
import type { AppContext } from '../../../core/context.ts';
import { committeeNames } from '../../committees/service.ts';
import { personNames } from '../../people/directory.ts';

/** The turfs a view counts, as a condition on `field_turfs t`. */
export function turfFilter(query: ProgressQuery): SQL {
  const parts: SQL[] = [sql`true`];
  if (query.areaId) parts.push(sql`t.area_id = ${query.areaId}`);
  if (query.turfId) parts.push(sql`t.id = ${query.turfId}`);
  if (query.committeeId) parts.push(sql`t.committee_id = ${query.committeeId}`);
  return sql.join(parts, sql` AND `);
}

const LEADERS = 20;

/**
 * Door-to-door progress over the turfs a view counts: doors, knocks, conversations, contacts,
 * leaflets, outcomes, support levels (counts only: tallies and consented levels together),
 * answers to choice and scale questions, by turf and day, and leaderboards.
 */
export async function fieldProgress(ctx: AppContext, query: ProgressQuery): Promise<Progress> {
  const c = ctx.campaignId;
  const turfs = turfFilter(query);
  const visits = sql`SELECT v.* FROM field_visits v JOIN field_turfs t ON t.campaign_id = v.campaign_id AND t.id = v.turf_id
                      WHERE v.campaign_id = ${c} AND ${turfs}`;
  const [totals] = await ctx.database.query<{
    doors: number;
    knocked: number;
    visits: number;
    conversations: number;
    contacts: number;
    leaflets: number;
  }>(
    sql`WITH v AS (${visits})
        SELECT (SELECT coalesce(sum(t.door_count), 0)::int FROM field_turfs t WHERE t.campaign_id = ${c} AND ${turfs}) AS doors,
               count(DISTINCT address_id) FILTER (WHERE mode = 'door')::int AS knocked,
               count(*)::int AS visits,
               count(*) FILTER (WHERE outcome = 'conversation')::int AS conversations,
               count(DISTINCT person_id)::int AS contacts,
               count(*) FILTER (WHERE mode = 'leaflet')::int AS leaflets
          FROM v`,
  );
  const outcomes = await ctx.database.query<{ outcome: VisitOutcome; n: number }>(
    sql`WITH v AS (${visits}) SELECT outcome, count(*)::int AS n FROM v GROUP BY outcome`,
  );
  const support = await ctx.database.query<{ level: number; n: number }>(
    sql`SELECT level, sum(n)::int AS n FROM (
          SELECT s.level, s.count AS n FROM field_support_tallies s
            JOIN field_turfs t ON t.campaign_id = s.campaign_id AND t.id = s.turf_id
           WHERE s.campaign_id = ${c} AND ${turfs}
          UNION ALL
          SELECT v.support_level, 1 FROM (${visits}) v WHERE v.support_level IS NOT NULL) x
        GROUP BY level ORDER BY level`,
  );
  const answerRows = await ctx.database.query<{
    version_id: number;
    key: string;
    value: string;
    n: number;
  }>(
    sql`WITH v AS (${visits})
        SELECT v.version_id, a.key, x.value, count(*)::int AS n
          FROM v, jsonb_each(v.answers) a,
               LATERAL (SELECT jsonb_array_elements_text(CASE jsonb_typeof(a.value) WHEN 'array' THEN a.value
                                                           ELSE jsonb_build_array(a.value) END) AS value) x
         WHERE v.version_id IS NOT NULL AND v.answers IS NOT NULL
         GROUP BY v.version_id, a.key, x.value`,
  );
  const byTurf = await ctx.database.query<{
    id: number;
    name: string;
    doors: number;
    knocked: number;
    conversations: number;
  }>(
    sql`SELECT t.id, t.name, t.door_count AS doors,
               (SELECT count(DISTINCT v.address_id)::int FROM field_visits v
                 WHERE v.campaign_id = t.campaign_id AND v.turf_id = t.id AND v.mode = 'door') AS knocked,
               (SELECT count(*)::int FROM field_visits v
                 WHERE v.campaign_id = t.campaign_id AND v.turf_id = t.id AND v.outcome = 'conversation') AS conversations
          FROM field_turfs t WHERE t.campaign_id = ${c} AND ${turfs}
         ORDER BY t.area_id, t.id LIMIT 500`,
  );
  const byDay = await ctx.database.query<{ day: string; visits: number; conversations: number }>(
    sql`WITH v AS (${visits})
        SELECT (visited_at AT TIME ZONE ${ctx.config.CAMPAIGN_TIMEZONE}::text)::date::text AS day,
               count(*)::int AS visits, count(*) FILTER (WHERE outcome = 'conversation')::int AS conversations
          FROM v GROUP BY 1 ORDER BY 1`,
  );
  const volunteers = await ctx.database.query<{
    id: number;
    visits: number;
    conversations: number;
  }>(
    sql`WITH v AS (${visits})
        SELECT volunteer_person_id AS id, count(*)::int AS visits,
               count(*) FILTER (WHERE outcome = 'conversation')::int AS conversations
          FROM v GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${LEADERS}`,
  );
  const committees = await ctx.database.query<{
    id: number;
    visits: number;
    conversations: number;
  }>(
    sql`SELECT t.committee_id AS id, count(*)::int AS visits,
               count(*) FILTER (WHERE v.outcome = 'conversation')::int AS conversations
          FROM field_visits v JOIN field_turfs t ON t.campaign_id = v.campaign_id AND t.id = v.turf_id
         WHERE v.campaign_id = ${c} AND ${turfs} AND t.committee_id IS NOT NULL
         GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${LEADERS}`,
  );
  const names = await personNames(
    ctx,
    volunteers.map((v) => Number(v.id)),
  );
  const committeeLabels = await committeeNames(
    ctx,
    committees.map((row) => Number(row.id)),
  );
  return {
    ...totals,
    leafletsDropped: totals.leaflets,
    outcomes: Object.fromEntries(
      visitOutcomeSchema.options.map((outcome) => [
        outcome,
        outcomes.find((o) => o.outcome === outcome)?.n ?? 0,
      ]),
    ) as Progress['outcomes'],
    support: support.map((s) => ({ level: s.level, count: s.n })),
    answers: await answerCounts(ctx, answerRows),
    byTurf: byTurf.map((t) => ({
      turfId: Number(t.id),
      name: t.name,
      doors: t.doors,
      knocked: t.knocked,
      conversations: t.conversations,
    })),
    byDay,
    volunteers: volunteers.map((v) => ({
      personId: Number(v.id),
      name: names.get(Number(v.id)) ?? '',
      visits: v.visits,
      conversations: v.conversations,
    })),
    committees: committees.map((row) => ({
      committeeId: Number(row.id),
      name: committeeLabels.get(Number(row.id)) ?? '',
      visits: row.visits,
      conversations: row.conversations,
    })),
  };
}

/**
 * Answers summed by question id over the versions they were given on, labelled by the latest
 * version that has the question (choice labels by option id); free text is not counted.
 */
async function answerCounts(
  ctx: AppContext,
  rows: ReadonlyArray<{ version_id: number; key: string; value: string; n: number }>,
): Promise<Progress['answers']> {
  const versionIds = [...new Set(rows.map((row) => Number(row.version_id)))];
  if (versionIds.length === 0) return [];
  const versions = await ctx.database.query<{ id: number; definition: QuestionnaireDefinition }>(
    sql`SELECT id, definition FROM field_questionnaire_versions
         WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${versionIds}::bigint[]) ORDER BY id`,
  );
  const questions = new Map<string, QuestionnaireDefinition['questions'][number]>();
  for (const version of versions) {
    for (const question of version.definition.questions) questions.set(question.id, question);
  }
  const byQuestion = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const question = questions.get(row.key);
    if (!question || question.kind === 'text') continue;
    const counts = byQuestion.get(row.key) ?? new Map<string, number>();
    counts.set(row.value, (counts.get(row.value) ?? 0) + row.n);
    byQuestion.set(row.key, counts);
  }
  return [...byQuestion].map(([questionId, counts]) => {
    const question = questions.get(questionId)!;
    const options = 'options' in question ? question.options : [];
    const label = (value: string) => options.find((o) => o.id === value)?.label ?? value;
    return {
      questionId,
      label: question.label,
      counts: [...counts]
        .map(([value, count]) => ({ value, label: label(value), count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    };
  });
}

const MAP_POINTS = 20_000;

/** Visited addresses with their latest outcome, for the live map. */
export async function progressMap(ctx: AppContext, query: ProgressQuery) {
  const rows = await ctx.database.query<{
    address_id: number;
    lat: number;
    lon: number;
    outcome: VisitOutcome;
  }>(
    sql`SELECT DISTINCT ON (v.address_id) v.address_id, a.lat, a.lon, v.outcome
          FROM field_visits v
          JOIN field_turfs t ON t.campaign_id = v.campaign_id AND t.id = v.turf_id
          JOIN field_addresses a ON a.campaign_id = v.campaign_id AND a.id = v.address_id
         WHERE v.campaign_id = ${ctx.campaignId} AND ${turfFilter(query)}
         ORDER BY v.address_id, v.visited_at DESC
         LIMIT ${MAP_POINTS + 1}`,
  );
  return {
    points: rows.slice(0, MAP_POINTS).map((row) => ({
      addressId: Number(row.address_id),
      lat: row.lat,
      lng: row.lon,
      outcome: row.outcome,
    })),
    truncated: rows.length > MAP_POINTS,
  };
}
