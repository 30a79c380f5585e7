import type { Channel, Consents } from '../../../contracts/common.ts';
import type { Commune } from '../../../contracts/geo.ts';
import type { PeopleFilter } from '../../../contracts/people.ts';
import type { GeoReference } from '../../core/geo/communes.ts';
import { buildSearchText, foldText, normalizePhone } from '../people/normalize.ts';
import { defaultConsentWording } from '../settings/wording-defaults.ts';
import { lastDays, type CalendarDay } from './calendar.ts';
import { firstNames, lastNames, regionalLastNames } from './names.ts';
import { GrowingPicker, Random, WeightedPicker } from './random.ts';

/**
 * Builds the demo campaign in memory, without touching the database: who signed up when,
 * from where, through which channel, recruited by whom, with which consents and tags. The
 * same seed, size and day give the same campaign.
 */

export type DemoSource = 'signup' | 'embed' | 'import' | 'staff' | 'event';

export interface DemoConsentEvent {
  channel: Channel;
  granted: boolean;
  source: string;
  wordingVersion: string;
  at: number;
}

export interface DemoPerson {
  email: string;
  emailNormalized: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  postalCode: string;
  communeCode: string;
  communeName: string;
  departementCode: string;
  locale: 'fr' | 'en';
  source: DemoSource;
  recruitCode: string;
  /** Index (in `people`) of the supporter whose link brought this one. */
  recruiter: number | null;
  referrerUrl: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  /** What the form or the imported file said; applied only once confirmed for web sign-ups. */
  wanted: Consents;
  /** Current consent per channel (the last of its events). */
  consents: Consents;
  consentEvents: DemoConsentEvent[];
  createdAt: number;
  confirmedAt: number | null;
  /** Index in `imports` for imported people. */
  importIndex: number | null;
  /** The campaign event where staff registered this person, for source 'event'. */
  eventName: string | null;
  /** Tags added with the import (at createdAt). */
  importTags: string[];
  /** Tags staff added later, at `taggedAt`. */
  tags: string[];
  taggedAt: number | null;
  searchText: string;
  updatedAt: number;
}

export interface DemoImport {
  fileName: string;
  at: number;
  tags: string[];
  count: number;
  invalidRows: number;
  errors: Array<{ line: number; field: string | null; code: string; message: string }>;
}

export interface DemoSegment {
  name: string;
  filter: PeopleFilter;
}

export interface DemoPlan {
  people: DemoPerson[];
  imports: DemoImport[];
  segments: DemoSegment[];
  tags: string[];
  /** Local date of the televised debate that made sign-ups jump. */
  debateDate: string;
  launchDate: string;
}

export interface PlanOptions {
  people: number;
  now: number;
  timeZone: string;
  geo: GeoReference;
  seed?: string;
  /** Unconfirmed web sign-ups older than this are purged by the app, so none are generated. */
  unconfirmedRetentionDays?: number;
}

export const DAYS = 120;
/** Days before today of the televised debate. */
const DEBATE_DAYS_AGO = 37;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

export const demoDomains = ['example.org', 'example.net', 'example.com'] as const;

export const demoTags = {
  volunteer: 'bénévole',
  canvassing: 'porte-à-porte',
  phoning: 'phoning',
  donor: 'donateur potentiel',
  youth: 'jeunes',
  elected: 'élu·e local·e',
  press: 'presse',
} as const;

const ileDeFrance = ['75', '77', '78', '91', '92', '93', '94', '95'];

/**
 * ARCEP keeps 06 39 98 00 00 – 06 39 98 99 99 for works of fiction: valid mobile numbers
 * that are never assigned, so a demo database can never text or call a real person.
 * (There is no such block in 07.)
 */
const FICTION_MOBILE_PREFIX = '+3363998';

/** Sign-ups by local hour of the day: lunch break and evening peaks, quiet nights. */
const hourWeights = [
  0.35, 0.18, 0.09, 0.05, 0.05, 0.1, 0.35, 0.9, 1.5, 1.7, 1.8, 1.9, 2.5, 2.4, 1.8, 1.7, 1.8, 2.1,
  2.6, 3.0, 3.3, 3.4, 2.6, 1.2,
];
/** Sunday … Saturday. */
const weekdayWeights = [0.8, 1.05, 1.1, 1.05, 1.0, 0.85, 0.65];

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

interface Skeleton {
  source: DemoSource;
  createdAt: number;
  importIndex: number | null;
  eventIndex: number | null;
  order: number;
}

interface DemoEvent {
  name: string;
  dayIndex: number;
  departement: string;
}

export function planDemo(options: PlanOptions): DemoPlan {
  const n = Math.max(0, Math.floor(options.people));
  const seed = options.seed ?? 'levier-demo-2027';
  const random = new Random(seed);
  const { geo, timeZone, now } = options;
  const days = lastDays(timeZone, now, DAYS);
  const debateDay = DAYS - 1 - DEBATE_DAYS_AGO;
  const retention = options.unconfirmedRetentionDays ?? 7;
  const unconfirmedWindow = Math.max(0.5, retention - 1) * DAY;

  // --- where people live -------------------------------------------------------------
  const communes = geo
    .allCommunes()
    .filter((c) => (c.population ?? 0) > 0 && geo.postalCodesOf(c.code).length > 0);
  // Supporters skew a little urban: weight by population^1.1.
  const everywhere = new WeightedPicker(communes, (c) => (c.population ?? 0) ** 1.1);
  const rural = new WeightedPicker(
    communes.filter((c) => (c.population ?? 0) < 10_000),
    (c) => (c.population ?? 0) ** 0.6,
  );
  const byDepartement = new Map<string, Commune[]>();
  for (const c of communes) {
    const list = byDepartement.get(c.departementCode) ?? [];
    list.push(c);
    byDepartement.set(c.departementCode, list);
  }
  const departementPickers = new Map<string, WeightedPicker<Commune>>();
  const inDepartement = (code: string, rng: Random): Commune => {
    let picker = departementPickers.get(code);
    if (!picker) {
      picker = new WeightedPicker(byDepartement.get(code) ?? communes, (c) => c.population ?? 0);
      departementPickers.set(code, picker);
    }
    return picker.pick(rng);
  };

  // --- when they came ------------------------------------------------------------------
  const dayWeight = days.map((day) => {
    const d = day.index;
    const growth = 0.6 + 1.4 * (d / (DAYS - 1)) ** 1.3;
    const launch = 9 * Math.exp(-d / 2.2);
    const debate = d >= debateDay ? 4 * Math.exp(-(d - debateDay) / 1.4) * growth : 0;
    const noise = Math.exp(0.15 * random.normal());
    let w = (growth + launch + debate) * weekdayWeights[day.weekday] * noise;
    // Today is under way: half a day's weight, whatever the hour, so the draws do not move with
    // the clock (times past `now` are folded back into the part of today already elapsed).
    if (d === DAYS - 1) w *= 0.5;
    return w;
  });
  const webDays = new WeightedPicker(days, (day) => dayWeight[day.index]);
  // The embeddable form went live on partner sites ten days after the launch.
  const embedDays = new WeightedPicker(days, (day) => (day.index >= 10 ? dayWeight[day.index] : 0));
  const staffDays = new WeightedPicker(days, (day) =>
    day.weekday >= 1 && day.weekday <= 5 && day.index < DAYS - 1 ? dayWeight[day.index] : 0,
  );
  const hours = [...hourWeights.keys()];
  const anyHour = new WeightedPicker(hours, (h) => hourWeights[h]);
  const afterLaunch = new WeightedPicker(hours, (h) => (h >= 8 ? hourWeights[h] : 0));

  const timeOn = (day: CalendarDay, picker: WeightedPicker<number> = anyHour): number => {
    // Always the same number of draws, so a later `now` shifts the campaign but hardly reshuffles it.
    const evening = random.chance(0.65);
    const hour = picker.pick(random);
    const [u, v] = [random.next(), random.next()];
    // The debate ran from 21:00; the candidate's closing words sent people to the site.
    let at =
      day.index === debateDay && evening
        ? day.start + (21 + 3 * u) * HOUR
        : day.start + (hour + u) * HOUR;
    at = Math.min(at, day.end - 1000);
    if (at >= now - 30_000) at = day.start + v * Math.max(0, now - 30_000 - day.start);
    return Math.floor(at);
  };

  const RURAL_PETITION = 1; // index in `imports`: signed mostly in villages
  const imports: DemoImport[] = [
    {
      // Last campaign's members, loaded the morning of the launch.
      fileName: 'adherents-2022.csv',
      at: days[0].start + 7 * HOUR + 42 * MINUTE,
      tags: ['adhérent·e 2022'],
      count: 0,
      invalidRows: 0,
      errors: [],
    },
    {
      fileName: 'petition-ecoles-rurales.csv',
      at: days[61].start + 10 * HOUR + 47 * MINUTE,
      tags: ['pétition écoles'],
      count: 0,
      invalidRows: 0,
      errors: [],
    },
    {
      fileName: 'contacts-stands-marches.csv',
      at: days[100].start + 17 * HOUR + 5 * MINUTE,
      tags: ['stand marché'],
      count: 0,
      invalidRows: 0,
      errors: [],
    },
  ];
  const events: DemoEvent[] = [
    { name: 'Meeting à Lyon', dayIndex: 45, departement: '69' },
    { name: 'Réunion publique à Lille', dayIndex: 88, departement: '59' },
    { name: 'Meeting à Marseille', dayIndex: 108, departement: '13' },
  ];

  const count = (share: number) => Math.round(n * share);
  const nImport = count(0.15);
  const nEmbed = count(0.1);
  const nStaff = count(0.03);
  const nEvent = count(0.02);
  const nSignup = Math.max(0, n - nImport - nEmbed - nStaff - nEvent);
  const importShares = [0.55, 0.28, 0.17];
  const importCounts = importShares.map((s) => Math.round(nImport * s));
  importCounts[0] += nImport - importCounts.reduce((a, b) => a + b, 0);

  const skeletons: Skeleton[] = [];
  const push = (s: Omit<Skeleton, 'order'>) => skeletons.push({ ...s, order: skeletons.length });
  for (let i = 0; i < nSignup; i++) {
    const day = webDays.pick(random);
    push({
      source: 'signup',
      createdAt: timeOn(day, day.index === 0 ? afterLaunch : anyHour),
      importIndex: null,
      eventIndex: null,
    });
  }
  for (let i = 0; i < nEmbed; i++) {
    push({
      source: 'embed',
      createdAt: timeOn(embedDays.pick(random)),
      importIndex: null,
      eventIndex: null,
    });
  }
  imports.forEach((imp, index) => {
    imp.count = importCounts[index];
    imp.invalidRows = importCounts[index] > 0 ? 1 + Math.floor(importCounts[index] / 60) : 0;
    for (let i = 0; i < imp.invalidRows; i++) {
      const line = 2 + random.int(0, importCounts[index] + imp.invalidRows - 1);
      imp.errors.push(
        random.chance(0.6)
          ? { line, field: 'email', code: 'invalid_email', message: 'Enter a valid email address.' }
          : {
              line,
              field: 'postalCode',
              code: 'unknown_postal_code',
              message: 'Unknown French postal code.',
            },
      );
    }
    imp.errors.sort((a, b) => a.line - b.line);
    for (let i = 0; i < importCounts[index]; i++) {
      push({ source: 'import', createdAt: imp.at, importIndex: index, eventIndex: null });
    }
  });
  for (let i = 0; i < nStaff; i++) {
    const day = staffDays.total > 0 ? staffDays.pick(random) : days[DAYS - 1];
    const at = Math.min(day.start + (9 + random.next() * 9) * HOUR, now - MINUTE);
    push({ source: 'staff', createdAt: Math.floor(at), importIndex: null, eventIndex: null });
  }
  const pastEvents = events.filter((e) => days[e.dayIndex].start + 18 * HOUR < now);
  for (let i = 0; i < nEvent; i++) {
    const eventIndex = pastEvents.length ? events.indexOf(random.pick(pastEvents)) : null;
    const day = eventIndex === null ? webDays.pick(random) : days[events[eventIndex].dayIndex];
    const at = Math.min(day.start + (18 + random.next() * 4) * HOUR, now - MINUTE);
    push({ source: 'event', createdAt: Math.floor(at), importIndex: null, eventIndex });
  }
  skeletons.sort((a, b) => a.createdAt - b.createdAt || a.order - b.order);

  // --- confirmation (double opt-in) ----------------------------------------------------
  // Each person draws from their own stream, keyed by the order they were planned in: who
  // they are does not change when the calendar around them shifts.
  const streams = skeletons.map((s) => new Random(`${seed}/${s.order}`));
  const lognormal = (r: Random, median: number, sigma: number) =>
    median * Math.exp(sigma * r.normal());
  const confirmedAt = skeletons.map((s, i): number | null => {
    const r = streams[i];
    let at: number | null = null;
    if (s.source === 'signup' || s.source === 'embed') {
      const recent = s.createdAt > now - unconfirmedWindow;
      if (!(recent && r.chance(0.35))) {
        at = s.createdAt + Math.min(2 * DAY, 30_000 + lognormal(r, 7 * MINUTE, 1.3));
      }
    } else if (s.source === 'import') {
      // Some imported contacts answered the welcome email asking them to confirm.
      if (r.chance(0.4)) at = s.createdAt + Math.min(20 * DAY, lognormal(r, DAY, 1.2));
    } else if (r.chance(0.5)) {
      at = s.createdAt + Math.min(5 * DAY, lognormal(r, 3 * HOUR, 1.2));
    }
    return at !== null && at < now - 1000 ? Math.floor(at) : null;
  });

  // --- the people, in the order they came -----------------------------------------------
  const firstNamePicker = new WeightedPicker(firstNames, ([, w]) => w);
  const lastNamePicker = new WeightedPicker(lastNames, ([, w]) => w);
  const phoneSlots = new Set<number>();
  const emails = new Set<string>();
  const codes = new Set<string>();
  const recruiters = new GrowingPicker(skeletons.length);
  const fitness = new Float64Array(skeletons.length);
  const active = new Uint8Array(skeletons.length);
  const activation = skeletons
    .map((_, i) => i)
    .filter((i) => confirmedAt[i] !== null)
    .sort((a, b) => confirmedAt[a]! - confirmedAt[b]! || a - b);
  let activated = 0;
  const people: DemoPerson[] = [];

  for (let i = 0; i < skeletons.length; i++) {
    const s = skeletons[i];
    const r = streams[i];
    while (activated < activation.length && confirmedAt[activation[activated]]! < s.createdAt) {
      const j = activation[activated++];
      if (j < i && fitness[j] > 0) {
        recruiters.add(j, fitness[j]);
        active[j] = 1;
      }
    }
    const web = s.source === 'signup' || s.source === 'embed';
    let recruiter: number | null = null;
    if (web && r.chance(0.33)) {
      const pick = recruiters.pick(r);
      if (pick >= 0 && active[pick]) recruiter = pick;
    }

    // Friends live nearby: the recruiter's town when it is large enough, else the département.
    const recruiterCommune =
      recruiter === null ? undefined : geo.commune(people[recruiter].communeCode);
    const sameTown = Math.sqrt(Math.min(1, (recruiterCommune?.population ?? 0) / 20_000));
    let commune: Commune;
    if (recruiterCommune && r.chance(0.45 * sameTown)) {
      commune = recruiterCommune;
    } else if (recruiterCommune && r.chance(0.5)) {
      commune = inDepartement(recruiterCommune.departementCode, r);
    } else if (s.importIndex === RURAL_PETITION) {
      commune = rural.pick(r);
    } else if (s.eventIndex !== null && r.chance(0.75)) {
      commune = inDepartement(events[s.eventIndex].departement, r);
    } else {
      commune = everywhere.pick(r);
    }
    const postalCodes = geo.postalCodesOf(commune.code);
    const postalCode = r.pick(postalCodes);

    const firstName = firstNamePicker.pick(r)[0];
    const regional = regionalLastNames.find((region) =>
      region.departements.includes(commune.departementCode),
    );
    const lastName =
      regional && r.chance(regional.share) ? r.pick(regional.names) : lastNamePicker.pick(r)[0];

    const phoneShare = web ? 0.38 : s.source === 'import' ? 0.45 : 0.6;
    let phone: string | null = null;
    let slot = r.int(0, 9999);
    if (r.chance(phoneShare) && phoneSlots.size < 10_000) {
      while (phoneSlots.has(slot)) slot = (slot + 1) % 10_000;
      phoneSlots.add(slot);
      phone = normalizePhone(`${FICTION_MOBILE_PREFIX}${String(slot).padStart(4, '0')}`);
    }

    const emailNormalized = uniqueEmail(r, emails, firstName, lastName);
    const email = r.chance(0.04) ? capitalizeEmail(emailNormalized) : emailNormalized;
    const recruitCode = uniqueCode(r, codes);
    const locale: 'fr' | 'en' = web && r.chance(0.02) ? 'en' : 'fr';

    const attribution = web
      ? webAttribution(r, s.source, s.createdAt, days, debateDay, recruiter !== null)
      : { referrerUrl: null, utmSource: null, utmMedium: null, utmCampaign: null };

    const wanted: Consents =
      s.source === 'import'
        ? {
            email: r.chance(0.8),
            sms: phone !== null && r.chance(0.6),
            phone: phone !== null && r.chance(0.45),
          }
        : web
          ? {
              email: r.chance(0.86),
              sms: phone !== null && r.chance(0.78),
              phone: phone !== null && r.chance(0.52),
            }
          : {
              email: r.chance(0.7),
              sms: phone !== null && r.chance(0.5),
              phone: phone !== null && r.chance(0.4),
            };

    // A few supporters share their link a lot; most never do.
    fitness[i] = r.chance(0.3) ? Math.min(80, r.pareto(1.2)) : 0;

    people.push({
      email,
      emailNormalized,
      firstName,
      lastName,
      phone,
      postalCode,
      communeCode: commune.code,
      communeName: commune.name,
      departementCode: commune.departementCode,
      locale,
      source: s.source,
      recruitCode,
      recruiter,
      ...attribution,
      wanted,
      consents: { email: false, sms: false, phone: false },
      consentEvents: [],
      createdAt: s.createdAt,
      confirmedAt: confirmedAt[i],
      importIndex: s.importIndex,
      eventName: s.eventIndex === null ? null : events[s.eventIndex].name,
      importTags: s.importIndex === null ? [] : imports[s.importIndex].tags,
      tags: [],
      taggedAt: null,
      searchText: '',
      updatedAt: s.createdAt,
    });
  }

  // --- consents, their history, and tags -----------------------------------------------
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    const r = streams[i];
    const web = p.source === 'signup' || p.source === 'embed';
    const version = defaultConsentWording[p.locale].version;
    const grantedAt = web ? p.confirmedAt : p.createdAt;
    if (grantedAt !== null) {
      for (const channel of ['email', 'sms', 'phone'] as const) {
        if (!p.wanted[channel]) continue;
        p.consentEvents.push({
          channel,
          granted: true,
          source: p.source,
          wordingVersion: version,
          at: grantedAt,
        });
        p.consents[channel] = true;
        const withdraw = { email: 0.04, sms: 0.04, phone: 0.02 }[channel];
        if (r.chance(withdraw) && now - grantedAt > 2 * DAY) {
          const at = Math.floor(grantedAt + DAY + r.next() * (now - grantedAt - 2 * DAY));
          const source = { email: 'unsubscribe_link', sms: 'sms_stop', phone: 'call_request' }[
            channel
          ];
          p.consentEvents.push({ channel, granted: false, source, wordingVersion: version, at });
          p.consents[channel] = false;
        }
      }
    }

    const commune = geo.commune(p.communeCode)!;
    const engaged = p.confirmedAt !== null || !web;
    const tags = new Set<string>();
    if (engaged) {
      const volunteerShare = p.source === 'staff' ? 0.5 : p.source === 'event' ? 0.3 : 0.14;
      if (r.chance(volunteerShare)) {
        tags.add(demoTags.volunteer);
        if (r.chance(0.45)) tags.add(demoTags.canvassing);
        if (p.phone && r.chance(0.55)) tags.add(demoTags.phoning);
      }
      if (r.chance(fitness[i] > 0 ? 0.15 : 0.05)) tags.add(demoTags.donor);
      if (r.chance(0.09)) tags.add(demoTags.youth);
      if (r.chance((commune.population ?? 0) < 3500 ? 0.03 : 0.003)) tags.add(demoTags.elected);
      if (r.chance(p.departementCode === '75' ? 0.03 : 0.0015)) tags.add(demoTags.press);
    }
    if (tags.size > 0) {
      const from = p.confirmedAt ?? p.createdAt;
      const at = Math.min(from + lognormal(r, 5 * DAY, 0.8), now - 10 * MINUTE);
      if (at > from) {
        p.tags = [...tags];
        p.taggedAt = Math.floor(at);
      }
    }

    p.searchText = buildSearchText(p);
    p.updatedAt = Math.max(
      p.createdAt,
      p.confirmedAt ?? 0,
      p.taggedAt ?? 0,
      ...p.consentEvents.map((e) => e.at),
    );
  }

  const debateDate = days[debateDay].date;
  const recentFrom = days[Math.max(0, DAYS - 1 - 13)].date;
  const debateTo = days[Math.min(DAYS - 1, debateDay + 3)].date;
  const segments: DemoSegment[] = [
    { name: 'Lyon – consentement SMS', filter: { communeCodes: ['69123'], consentSms: 'yes' } },
    {
      name: 'Bénévoles Île-de-France',
      filter: { tags: [demoTags.volunteer], departementCodes: ileDeFrance },
    },
    {
      name: 'Non confirmés récents',
      filter: { confirmed: 'no', sources: ['signup', 'embed'], createdFrom: recentFrom },
    },
    {
      name: 'Venus après le débat télévisé',
      filter: { sources: ['signup', 'embed'], createdFrom: debateDate, createdTo: debateTo },
    },
  ];
  const tags = [
    ...Object.values(demoTags),
    ...imports.filter((imp) => imp.count > 0).flatMap((imp) => imp.tags),
  ];
  return {
    people,
    imports: imports.filter((imp) => imp.count > 0),
    segments,
    tags,
    debateDate,
    launchDate: days[0].date,
  };
}

function webAttribution(
  random: Random,
  source: DemoSource,
  at: number,
  days: CalendarDay[],
  debateDay: number,
  recruited: boolean,
) {
  const dayIndex = days.findIndex((d) => at >= d.start && at < d.end);
  const week = String(Math.floor(Math.max(0, dayIndex) / 7) + 1).padStart(2, '0');
  const phase =
    dayIndex <= 13
      ? 'lancement'
      : dayIndex >= debateDay && dayIndex <= debateDay + 7
        ? 'debat-tv'
        : 'mobilisation';
  const none = { referrerUrl: null, utmSource: null, utmMedium: null, utmCampaign: null };
  if (source === 'embed') {
    const referrerUrl = random.pick([
      'https://comite-lyon.example.org/nous-rejoindre',
      'https://www.example.net/blog/pourquoi-je-m-engage',
      'https://jeunes.example.org/',
      'https://collectif-ecoles.example.com/soutiens',
    ]);
    return random.chance(0.75)
      ? { ...none, referrerUrl }
      : { referrerUrl, utmSource: 'site-partenaire', utmMedium: 'embed', utmCampaign: phase };
  }
  if (recruited && random.chance(0.6)) {
    // Personal links travel through messaging apps: no UTM, often no referrer at all.
    return { ...none, referrerUrl: random.chance(0.3) ? 'https://web.whatsapp.com/' : null };
  }
  const debate = phase === 'debat-tv';
  const sources: Array<[string, number]> = [
    ['(none)', debate ? 40 : 33],
    ['facebook', 20],
    ['instagram', 12],
    ['twitter', debate ? 9 : 4],
    ['x', debate ? 8 : 4],
    ['newsletter', phase === 'lancement' ? 4 : 14],
    ['tiktok', 8],
  ];
  const utm = new WeightedPicker(sources, ([, w]) => w).pick(random)[0];
  switch (utm) {
    case '(none)': {
      const r = random.next();
      const referrerUrl =
        r < 0.4
          ? 'https://www.google.com/'
          : r < 0.5
            ? 'https://www.qwant.com/'
            : r < 0.55
              ? 'https://www.bing.com/'
              : null;
      return { ...none, referrerUrl };
    }
    case 'facebook': {
      const paid = random.chance(0.4);
      return {
        referrerUrl: random.chance(0.7) ? 'https://l.facebook.com/' : 'https://m.facebook.com/',
        utmSource: 'facebook',
        utmMedium: paid ? 'paid_social' : 'social',
        utmCampaign: paid ? `pub-${phase}` : phase,
      };
    }
    case 'instagram':
      return {
        referrerUrl: 'https://l.instagram.com/',
        utmSource: 'instagram',
        utmMedium: 'social',
        utmCampaign: random.chance(0.5) ? `story-${phase}` : phase,
      };
    case 'twitter':
    case 'x':
      return {
        referrerUrl: 'https://t.co/',
        utmSource: utm,
        utmMedium: 'social',
        utmCampaign: phase,
      };
    case 'tiktok':
      return {
        referrerUrl: 'https://www.tiktok.com/',
        utmSource: 'tiktok',
        utmMedium: random.chance(0.7) ? 'social' : 'video',
        utmCampaign: phase,
      };
    default:
      return {
        referrerUrl: null,
        utmSource: 'newsletter',
        utmMedium: 'email',
        utmCampaign: `lettre-hebdo-s${week}`,
      };
  }
}

const domainPicker = new WeightedPicker<[string, number]>(
  [
    [demoDomains[0], 45],
    [demoDomains[1], 30],
    [demoDomains[2], 25],
  ],
  ([, w]) => w,
);

function slug(name: string): string {
  return foldText(name)
    .replace(/['’\s]+/g, '')
    .replace(/[^a-z0-9-]/g, '');
}

function uniqueEmail(
  random: Random,
  taken: Set<string>,
  firstName: string,
  lastName: string,
): string {
  const f = slug(firstName);
  const l = slug(lastName);
  const year = String(random.int(58, 105) % 100).padStart(2, '0');
  const patterns: Array<[string, number]> = [
    [`${f}.${l}`, 40],
    [`${f}${l}`, 10],
    [`${f[0]}.${l}`, 10],
    [`${f}.${l}${year}`, 12],
    [`${l}.${f}`, 6],
    [`${f}-${l}`, 5],
    [`${f}_${l}`, 4],
    [`${f}${random.int(1, 99)}`, 8],
    [`${f}.${l}${random.int(1, 9)}`, 5],
  ];
  const local = new WeightedPicker(patterns, ([, w]) => w).pick(random)[0];
  const domain = domainPicker.pick(random)[0];
  let candidate = `${local}@${domain}`;
  for (let k = 2; taken.has(candidate); k++) candidate = `${local}${k}@${domain}`;
  taken.add(candidate);
  return candidate;
}

function capitalizeEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.replace(/(^|[.\-_])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase())}@${domain}`;
}

function uniqueCode(random: Random, taken: Set<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 8; i++) code += alphabet[Math.floor(random.next() * alphabet.length)];
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}
