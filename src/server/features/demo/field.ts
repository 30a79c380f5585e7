import { sql } from 'drizzle-orm';
import { DEFAULT_PRIORITY_FORMULA } from '../../../contracts/field-formula.ts';
import {
  defaultQuestionnaire,
  questionnaireDefinitionSchema,
} from '../../../contracts/field-questionnaires.ts';
import { SYNC_BATCH_MAX, type VisitInput } from '../../../contracts/field-visits.ts';
import type { AppContext } from '../../core/context.ts';
import { addDays, wallClock } from '../../core/local-time.ts';
import { createArea } from '../field/areas/service.ts';
import { syncVisits } from '../field/canvass/sync.ts';
import { cutArea } from '../field/planning/cut.ts';
import { turfsOfArea, updateTurf } from '../field/planning/turfs.ts';
import { createQuestionnaire } from '../field/questionnaires/service.ts';
import { saveTargeting, stationPriorities } from '../field/targeting/service.ts';
import { createElection } from '../compliance/elections.ts';
import { lastDays } from './calendar.ts';
import { planCanvassing, type CanvassSession, type CanvassTurf } from './field-canvass.ts';
import { fieldCrew, type FieldCrew } from './field-crew.ts';
import { electoralListLines } from './field-electors.ts';
import { demoFieldFiles } from './field-files.ts';
import { importDemoFile } from './field-import.ts';
import { DEMO_CANDIDATE_PANEL } from './field-names.ts';
import { layTown } from './field-town.ts';
import { Random } from './random.ts';

/**
 * The demo campaign's door-to-door, seeded through the field feature's own services once the
 * supporters and committees are written: official files made for the communes of the demo
 * committees (results by polling station, INSEE's REU table, BAN addresses) imported as an
 * upload is; targeting on the campaign's candidate; in each commune an area of its top
 * stations cut into turfs, most given to its committee and a few to local volunteers; the
 * default questionnaire; and the visits of the last ten days synced as the canvassing app
 * sends them. The planning steps are then dated a little before the visits. Nothing is done
 * when the campaign has field imports of its own, or no commune to canvass (zeros).
 */

export interface DemoFieldCounts {
  communes: number;
  stations: number;
  addresses: number;
  turfs: number;
  turfsForCommittees: number;
  turfsForVolunteers: number;
  visits: number;
  conversations: number;
  contacts: number;
  electors: number;
}

export const noDemoField: DemoFieldCounts = {
  communes: 0,
  stations: 0,
  addresses: 0,
  turfs: 0,
  turfsForCommittees: 0,
  turfsForVolunteers: 0,
  visits: 0,
  conversations: 0,
  contacts: 0,
  electors: 0,
};

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Canvassing days shown: the last ten. */
const CANVASS_DAYS = 10;
/** HQ set up the door-to-door this many days before the seed's `now`. */
const SETUP_DAYS_AGO = 16;

export async function seedDemoField(
  ctx: AppContext,
  options: { seed: string; now: number; people: readonly number[] },
): Promise<DemoFieldCounts> {
  const { seed, now } = options;
  // A campaign that already imported its own files keeps its targeting and questionnaire.
  const [own] = await ctx.database.query(
    sql`SELECT 1 FROM field_imports WHERE campaign_id = ${ctx.campaignId} LIMIT 1`,
  );
  if (own) return noDemoField;
  const crew = await fieldCrew(ctx, options.people);
  if (crew.communes.length === 0) return noDemoField;
  const towns = crew.communes.map((commune) => {
    const random = new Random(`${seed}:field:${commune.code}`);
    return layTown(commune, commune.stations * random.int(70, 100), random);
  });
  const files = demoFieldFiles(towns, new Random(`${seed}:field:files`));
  const lead = crew.lead;
  const imports = [
    await importDemoFile(ctx, { kind: 'results', ...files.results }, lead),
    await importDemoFile(ctx, { kind: 'reu', ...files.reu }, lead),
    await importDemoFile(ctx, { kind: 'addresses', ...files.addresses }, lead),
  ];
  const electors = await importDemoElectoralList(ctx, towns, { seed, now, lead });
  const [election] = await ctx.database.query<{ id: number }>(
    sql`SELECT id FROM field_elections WHERE campaign_id = ${ctx.campaignId} AND import_id = ${imports[0].id}`,
  );
  await saveTargeting(
    ctx,
    {
      electionId: Number(election.id),
      choice: { kind: 'candidate', panel: DEMO_CANDIDATE_PANEL },
      formula: DEFAULT_PRIORITY_FORMULA,
    },
    lead,
  );
  const questionnaire = await createQuestionnaire(
    ctx,
    {
      name: defaultQuestionnaire.name,
      definition: questionnaireDefinitionSchema.parse(defaultQuestionnaire.definition),
    },
    lead,
  );

  const random = new Random(`${seed}:field:turfs`);
  const planned = await planTurfs(ctx, crew, now, random);
  const sessions = planCanvassing(
    planned.canvassed,
    {
      versionId: questionnaire.current.id,
      definition: questionnaire.current.definition,
      days: lastDays(ctx.config.CAMPAIGN_TIMEZONE, now, CANVASS_DAYS),
      timeZone: ctx.config.CAMPAIGN_TIMEZONE,
      now,
    },
    new Random(`${seed}:field:visits`),
  );
  await keepContactsNew(ctx, sessions);
  // Each volunteer's phone sends what it holds in batches, whatever the session.
  const byVolunteer = new Map<number, VisitInput[]>();
  for (const session of sessions) {
    byVolunteer.set(session.personId, [
      ...(byVolunteer.get(session.personId) ?? []),
      ...session.visits,
    ]);
  }
  for (const [personId, visits] of byVolunteer) {
    for (let start = 0; start < visits.length; start += SYNC_BATCH_MAX) {
      const batch = visits.slice(start, start + SYNC_BATCH_MAX);
      const { results } = await syncVisits(ctx, { personId, permissions: [] }, batch);
      const refused = results.find((result) => result.status === 'rejected');
      if (refused) {
        throw new Error(`A demo visit was refused: ${refused.code ?? ''} ${refused.message ?? ''}`);
      }
    }
  }
  await dateSetup(ctx, now - SETUP_DAYS_AGO * DAY, {
    importIds: [...imports, electors].map((i) => i.id),
    areaIds: planned.areaIds,
    turfIds: planned.turfIds,
    questionnaireId: questionnaire.id,
  });

  const [done] = await ctx.database.query<{
    visits: number;
    conversations: number;
    contacts: number;
  }>(
    sql`SELECT count(*)::int AS visits, count(*) FILTER (WHERE outcome = 'conversation')::int AS conversations,
               count(person_id)::int AS contacts
          FROM field_visits WHERE campaign_id = ${ctx.campaignId} AND turf_id = ANY(${planned.turfIds}::bigint[])`,
  );
  return {
    communes: towns.length,
    stations: imports[0].counts.stored ?? 0,
    addresses: imports[2].counts.stored ?? 0,
    turfs: planned.turfIds.length,
    turfsForCommittees: planned.forCommittees,
    turfsForVolunteers: planned.forVolunteers,
    ...done,
    electors: electors.counts.stored ?? 0,
  };
}

/** The first Sunday at least this many days after the seed's `now`: the demo's next vote. */
const NEXT_VOTE_DAYS = 120;

/**
 * The communes' electoral list, obtained for the demo's coming municipal election (declared in
 * the compliance module, its rounds four months ahead): the list is deleted after it.
 */
async function importDemoElectoralList(
  ctx: AppContext,
  towns: ReturnType<typeof layTown>[],
  { seed, now, lead }: { seed: string; now: number; lead: number },
) {
  const today = wallClock(new Date(now), ctx.config.CAMPAIGN_TIMEZONE).day;
  let first = addDays(today, NEXT_VOTE_DAYS);
  while (new Date(`${first}T12:00:00Z`).getUTCDay() !== 0) first = addDays(first, 1);
  const election = await createElection(
    ctx,
    {
      name: 'Municipales (démo)',
      kind: 'local',
      rounds: [{ date: first }, { date: addDays(first, 7) }],
    },
    lead,
  );
  const [year, month, date] = today.split('-');
  const lines = electoralListLines(
    towns,
    new Random(`${seed}:field:electors`),
    `${date}/${month}/${year}`,
  );
  return importDemoFile(
    ctx,
    {
      kind: 'electoral_list',
      fileName: 'liste-electorale-demo.csv',
      bytes: Buffer.from(lines.map((line) => `${line}\r\n`).join(''), 'utf8'),
      electionId: election.id,
    },
    lead,
  );
}

/**
 * In each commune, an area of its stations with the highest priority (the top half), cut into
 * turfs of 60–80 doors: six in ten given to the commune's committee, then two to local
 * volunteers, the rest left for HQ to give. Three in four given turfs have been walked.
 */
async function planTurfs(ctx: AppContext, crew: FieldCrew, now: number, random: Random) {
  const timeZone = ctx.config.CAMPAIGN_TIMEZONE;
  const today = wallClock(new Date(now), timeZone).day;
  const dates = { startsOn: addDays(today, -(SETUP_DAYS_AGO - 4)), endsOn: addDays(today, 17) };
  const areaIds: number[] = [];
  const turfIds: number[] = [];
  const canvassed: CanvassTurf[] = [];
  let forCommittees = 0;
  let forVolunteers = 0;
  for (const commune of crew.communes) {
    const ranked = await stationPriorities(ctx, { commune: commune.code, limit: 100 });
    const top = ranked.items.slice(0, Math.max(2, Math.ceil(ranked.items.length / 2)));
    const area = await createArea(
      ctx,
      {
        kind: 'stations',
        name: `${commune.name} — bureaux prioritaires`.slice(0, 120),
        stations: top.map((station) => station.id),
      },
      crew.lead,
    );
    areaIds.push(area.id);
    await cutArea(ctx, area.id, { minSize: 60, maxSize: 80 });
    const turfs = (await turfsOfArea(ctx, area.id)).items;
    turfIds.push(...turfs.map((turf) => turf.id));

    const committee = crew.committees.get(commune.code);
    const volunteers = crew.volunteers.get(commune.code) ?? [];
    const committeeTurfs = committee?.canvassers.length
      ? Math.max(1, Math.round(turfs.length * 0.6))
      : 0;
    const volunteerTurfs = volunteers.length ? Math.min(2, turfs.length - committeeTurfs) : 0;
    for (const [index, turf] of turfs.entries()) {
      let canvassers: number[];
      if (committee && index < committeeTurfs) {
        await updateTurf(ctx, turf.id, { committeeId: committee.id, ...dates }, crew.lead);
        // Its longest-standing members do the knocking.
        canvassers = committee.canvassers.slice(0, 6);
        forCommittees++;
      } else if (index < committeeTurfs + volunteerTurfs) {
        const first = (index - committeeTurfs) * 2;
        const volunteerIds = [
          ...new Set([
            volunteers[first % volunteers.length],
            volunteers[(first + 1) % volunteers.length],
          ]),
        ];
        await updateTurf(ctx, turf.id, { volunteerIds, ...dates }, crew.lead);
        canvassers = volunteerIds;
        forVolunteers++;
      } else continue;
      if (random.chance(0.75)) canvassed.push({ id: turf.id, addresses: [], canvassers });
    }
  }
  const walks = await ctx.database.query<{ turf_id: number; address_id: number }>(
    sql`SELECT turf_id, address_id FROM field_turf_addresses
         WHERE campaign_id = ${ctx.campaignId} AND turf_id = ANY(${canvassed.map((t) => t.id)}::bigint[])
         ORDER BY turf_id, position`,
  );
  for (const turf of canvassed) {
    turf.addresses = walks
      .filter((w) => Number(w.turf_id) === turf.id)
      .map((w) => Number(w.address_id));
  }
  return { areaIds, turfIds, canvassed, forCommittees, forVolunteers };
}

/**
 * Residents met at the door become people: a contact whose email or number someone of the
 * campaign already has would be that person, so it gets another address, or no number.
 */
async function keepContactsNew(ctx: AppContext, sessions: CanvassSession[]) {
  const contacts = sessions.flatMap((s) =>
    s.visits.flatMap((v) => (v.questionnaire?.contact ? [v.questionnaire.contact] : [])),
  );
  const e164 = (typed: string) => `+33${typed.replace(/\s/g, '').slice(1)}`;
  const emails = contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : []));
  const phones = contacts.flatMap((c) => (c.phone ? [e164(c.phone)] : []));
  const taken = await ctx.database.query<{ email_normalized: string | null; phone: string | null }>(
    sql`SELECT email_normalized, phone FROM people WHERE campaign_id = ${ctx.campaignId}
         AND (email_normalized = ANY(${emails}::text[]) OR phone = ANY(${phones}::text[]))`,
  );
  const usedEmails = new Set(taken.map((row) => row.email_normalized));
  const usedPhones = new Set(taken.map((row) => row.phone));
  for (const contact of contacts) {
    if (contact.email) {
      const [local, domain] = contact.email.toLowerCase().split('@');
      let email = `${local}@${domain}`;
      for (let k = 2; usedEmails.has(email); k++) email = `${local}.${k}@${domain}`;
      usedEmails.add(email);
      contact.email = email;
    }
    if (contact.phone) {
      if (usedPhones.has(e164(contact.phone))) {
        delete contact.phone;
        delete contact.phoneConsent;
      } else usedPhones.add(e164(contact.phone));
    }
  }
}

/** Dates what HQ did (imports, targeting, areas, the questionnaire) before the visits. */
async function dateSetup(
  ctx: AppContext,
  setup: number,
  ids: { importIds: number[]; areaIds: number[]; turfIds: number[]; questionnaireId: number },
) {
  const c = ctx.campaignId;
  const at = (ms: number) => new Date(ms).toISOString();
  for (const [i, importId] of ids.importIds.entries()) {
    const start = setup + i * 4 * MINUTE;
    const end = start + 25_000;
    await ctx.database.query(
      sql`UPDATE field_imports SET created_at = ${at(start)}::timestamptz, finished_at = ${at(end)}::timestamptz
           WHERE campaign_id = ${c} AND id = ${importId}`,
    );
    await ctx.database.query(
      sql`UPDATE operations SET created_at = ${at(start)}::timestamptz, started_at = ${at(start + 2_000)}::timestamptz,
                 ended_at = ${at(end)}::timestamptz
           WHERE campaign_id = ${c} AND kind = 'field.import' AND subject = ${importId}`,
    );
    await ctx.database.query(
      sql`UPDATE field_elections SET created_at = ${at(end)}::timestamptz
           WHERE campaign_id = ${c} AND import_id = ${importId}`,
    );
  }
  const planned = at(setup + 20 * MINUTE);
  await ctx.database.query(
    sql`UPDATE field_targeting SET updated_at = ${at(setup + 15 * MINUTE)}::timestamptz WHERE campaign_id = ${c}`,
  );
  await ctx.database.query(
    sql`UPDATE field_areas SET created_at = ${planned}::timestamptz
         WHERE campaign_id = ${c} AND id = ANY(${ids.areaIds}::bigint[])`,
  );
  await ctx.database.query(
    sql`UPDATE field_turfs SET created_at = ${planned}::timestamptz
         WHERE campaign_id = ${c} AND area_id = ANY(${ids.areaIds}::bigint[])`,
  );
  await ctx.database.query(
    sql`UPDATE field_questionnaires SET created_at = ${at(setup + 30 * MINUTE)}::timestamptz
         WHERE campaign_id = ${c} AND id = ${ids.questionnaireId}`,
  );
  await ctx.database.query(
    sql`UPDATE field_questionnaire_versions SET created_at = ${at(setup + 30 * MINUTE)}::timestamptz
         WHERE campaign_id = ${c} AND questionnaire_id = ${ids.questionnaireId}`,
  );
  await ctx.database.query(
    sql`UPDATE field_turf_assignees SET assigned_at = ${at(setup + DAY)}::timestamptz
         WHERE campaign_id = ${c} AND turf_id = ANY(${ids.turfIds}::bigint[])`,
  );
  // The app sends a visit as soon as it has network: a minute or two after the knock.
  await ctx.database.query(
    sql`UPDATE field_visits SET received_at = visited_at + interval '90 seconds'
         WHERE campaign_id = ${c} AND turf_id = ANY(${ids.turfIds}::bigint[])`,
  );
}
