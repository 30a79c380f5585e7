import { sql } from 'drizzle-orm';
import type {
  DayKind,
  DayPart,
  PreferredAction,
  VolunteerProfile,
  VolunteerProfileInput,
} from '../../../contracts/mobilisation.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';

interface ProfileRow {
  days: DayKind[];
  day_parts: DayPart[];
  driving: boolean;
  languages: string[];
  skills: string[];
  preferred_actions: PreferredAction[];
  max_travel_km: number | null;
  updated_at: Date | string;
}

/** What a person who never filled in their profile is taken to say: nothing, no filter. */
export const emptyProfile: VolunteerProfile = {
  days: [],
  dayParts: [],
  driving: false,
  languages: [],
  skills: [],
  preferredActions: [],
  maxTravelKm: null,
  updatedAt: null,
};

const toProfile = (row: ProfileRow): VolunteerProfile => ({
  days: row.days,
  dayParts: row.day_parts,
  driving: row.driving,
  languages: row.languages,
  skills: row.skills,
  preferredActions: row.preferred_actions,
  maxTravelKm: row.max_travel_km,
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** A person's volunteer profile (the empty one when never filled in). */
export async function volunteerProfile(
  ctx: AppContext,
  personId: number,
): Promise<VolunteerProfile> {
  const [row] = await runSql<ProfileRow>(
    ctx.database,
    sql`SELECT days, day_parts, driving, languages, skills, preferred_actions, max_travel_km,
               updated_at
          FROM mobilisation_profiles
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`,
  );
  return row ? toProfile(row) : emptyProfile;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/** Writes a person's volunteer profile, whole. */
export async function saveVolunteerProfile(
  ctx: AppContext,
  personId: number,
  input: VolunteerProfileInput,
): Promise<VolunteerProfile> {
  const [row] = await runSql<ProfileRow>(
    ctx.database,
    sql`INSERT INTO mobilisation_profiles (campaign_id, person_id, days, day_parts, driving,
               languages, skills, preferred_actions, max_travel_km)
        VALUES (${ctx.campaignId}, ${personId}, ${unique(input.days)}::text[],
                ${unique(input.dayParts)}::text[], ${input.driving}, ${unique(input.languages)}::text[],
                ${unique(input.skills)}::text[], ${unique(input.preferredActions)}::text[],
                ${input.maxTravelKm})
        ON CONFLICT (campaign_id, person_id) DO UPDATE SET
           days = EXCLUDED.days, day_parts = EXCLUDED.day_parts, driving = EXCLUDED.driving,
           languages = EXCLUDED.languages, skills = EXCLUDED.skills,
           preferred_actions = EXCLUDED.preferred_actions, max_travel_km = EXCLUDED.max_travel_km,
           updated_at = now()
        RETURNING days, day_parts, driving, languages, skills, preferred_actions, max_travel_km,
                  updated_at`,
  );
  return toProfile(row!);
}
