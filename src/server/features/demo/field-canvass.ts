import type { AnswerValue } from '../../../contracts/field-answers.ts';
import type { QuestionnaireDefinition } from '../../../contracts/field-questionnaires.ts';
import type { VisitOutcome } from '../../../contracts/field-turfs.ts';
import type { VisitInput } from '../../../contracts/field-visits.ts';
import { foldText } from '../people/normalize.ts';
import { instantOf } from '../../core/local-time.ts';
import type { CalendarDay } from './calendar.ts';
import { doorComments } from './field-names.ts';
import { demoDomains } from './generate.ts';
import { firstNames, lastNames } from './names.ts';
import { WeightedPicker, type Random } from './random.ts';

/**
 * The door-to-door of the last days, as the canvassing app would have sent it: sessions of a
 * volunteer on a turf (a Saturday morning, a weekday evening), walking it in its order a
 * door every few minutes, coming back to the doors nobody opened, now and then a leaflet
 * round; conversations answer the questionnaire, a few residents leave their contact with
 * consent. Pure: the same turfs, days and generator give the same visits.
 */

export interface CanvassTurf {
  id: number;
  /** Address ids in walk order. */
  addresses: number[];
  /** Who walks it: its volunteers, or its committee's members. */
  canvassers: number[];
}

export interface CanvassSession {
  personId: number;
  visits: VisitInput[];
}

export interface CanvassPlan {
  versionId: number;
  definition: QuestionnaireDefinition;
  /** The days sessions may fall on, oldest first (today last). */
  days: CalendarDay[];
  timeZone: string;
  now: number;
}

const MINUTE = 60_000;

const outcomes = new WeightedPicker<[VisitOutcome, number]>(
  [
    ['not_home', 42],
    ['conversation', 30],
    ['refused', 10],
    ['come_back', 8],
    ['moved', 3],
    ['do_not_visit', 1],
  ],
  ([, w]) => w,
);
/** Support levels 1 (strong supporter) … 5 (strongly opposed) among those who say. */
const supportLevels = new WeightedPicker<[number, number]>(
  [
    [1, 20],
    [2, 21],
    [3, 30],
    [4, 16],
    [5, 13],
  ],
  ([, w]) => w,
);
const concernWeights: Record<string, number> = {
  housing: 18,
  transport: 16,
  safety: 12,
  environment: 10,
  jobs: 12,
  health: 15,
  schools: 10,
  other: 6,
};
/** Saturdays most, Wednesdays and Sundays some (Sunday … Saturday). */
const weekdayWeights = [1.3, 0.7, 0.8, 1.6, 0.8, 1, 3];
/** When sessions start, in minutes after midnight: morning, afternoon, early evening. */
const startMinutes = [10 * 60, 14 * 60 + 30, 17 * 60 + 30];

export function planCanvassing(
  turfs: readonly CanvassTurf[],
  plan: CanvassPlan,
  random: Random,
): CanvassSession[] {
  const sessions: CanvassSession[] = [];
  const dayPicker = new WeightedPicker(plan.days, (d) => weekdayWeights[d.weekday]);
  const answers = answerer(plan, random);
  for (const turf of turfs) {
    if (turf.canvassers.length === 0 || turf.addresses.length === 0) continue;
    const days = [
      ...new Set(Array.from({ length: random.chance(0.6) ? 1 : 2 }, () => dayPicker.pick(random))),
    ];
    days.sort((a, b) => a.start - b.start);
    let next = 0;
    const again: number[] = [];
    const closed = new Set<number>();
    for (const day of days) {
      const personId = random.pick(turf.canvassers);
      let at = instantOf(day.date, random.pick(startMinutes), plan.timeZone).getTime();
      at += random.int(0, 20) * MINUTE;
      const visits: VisitInput[] = [];
      const visit = (addressId: number, outcome: VisitOutcome, mode: 'door' | 'leaflet') => {
        if (at >= plan.now - 2 * MINUTE) return false;
        const input: VisitInput = {
          id: uuid(random),
          turfId: turf.id,
          addressId,
          outcome,
          mode,
          visitedAt: new Date(at).toISOString(),
        };
        if (outcome === 'conversation' && random.chance(0.8)) {
          input.questionnaire = answers();
          if (input.questionnaire.doNotVisitAgain) closed.add(addressId);
        }
        if (outcome === 'do_not_visit') closed.add(addressId);
        visits.push(input);
        return true;
      };
      if (random.chance(0.08)) {
        // A leaflet round: every letterbox of a stretch, half a minute each.
        for (const addressId of stretch(turf.addresses, next, random.int(20, 40))) {
          if (closed.has(addressId)) continue;
          if (!visit(addressId, 'leaflet', 'leaflet')) break;
          at += random.int(25, 70) * 1000;
        }
      } else {
        // First the doors nobody opened last time, then on along the walk.
        const revisit = again.splice(0).filter((id) => !closed.has(id) && random.chance(0.6));
        const onward = stretch(turf.addresses, next, random.int(14, 30));
        next += onward.length;
        for (const addressId of [...revisit, ...onward]) {
          if (closed.has(addressId)) continue;
          const outcome = outcomes.pick(random)[0];
          if (!visit(addressId, outcome, 'door')) break;
          if (outcome === 'not_home' || outcome === 'come_back') again.push(addressId);
          at += (outcome === 'conversation' ? random.int(3, 9) : random.int(1, 3)) * MINUTE;
          at += random.int(0, 59) * 1000;
        }
      }
      if (visits.length) sessions.push({ personId, visits });
    }
  }
  return sessions;
}

/** `count` addresses of the walk from `from` (fewer at its end). */
const stretch = (walk: number[], from: number, count: number) => walk.slice(from, from + count);

/** A version 4 UUID, as the phone makes one, from the seed's generator. */
function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((random.int(0, 15) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * Answers to the questionnaire as residents give them: most say what worries them and where
 * they stand, some would help, a few leave their name and how to reach them (and agree to be
 * written to, or to have their position kept with their name).
 */
function answerer(plan: CanvassPlan, random: Random) {
  const questions = new Map(plan.definition.questions.map((q) => [q.id, q]));
  const options = (id: string) => {
    const question = questions.get(id);
    return question && 'options' in question ? question.options.map((o) => o.id) : [];
  };
  const concerns = options('main_concern');
  const concernPicker = concerns.length
    ? new WeightedPicker(concerns, (id) => concernWeights[id] ?? 5)
    : null;
  const helpWays = options('volunteer_how');
  const firstNamePicker = new WeightedPicker(firstNames, ([, w]) => w);
  const lastNamePicker = new WeightedPicker(lastNames, ([, w]) => w);
  const capture = plan.definition.contactCapture;
  const hasSupport = plan.definition.questions.some((q) => q.kind === 'support');
  return (): NonNullable<VisitInput['questionnaire']> => {
    const given: Record<string, AnswerValue> = {};
    if (concernPicker && random.chance(0.85)) given.main_concern = concernPicker.pick(random);
    const supportLevel =
      hasSupport && random.chance(0.85) ? supportLevels.pick(random)[0] : undefined;
    let helps = false;
    if (questions.has('volunteer') && random.chance(0.6)) {
      helps = random.chance(0.15);
      given.volunteer = helps ? 'yes' : 'no';
      if (helps && helpWays.length) {
        given.volunteer_how = [...new Set([random.pick(helpWays), random.pick(helpWays)])];
      }
    }
    const personalData = random.chance(helps ? 0.9 : 0.6);
    const leavesContact = capture.enabled && personalData && random.chance(helps ? 0.8 : 0.35);
    if (leavesContact && questions.has('comment') && random.chance(0.4)) {
      given.comment = random.pick(doorComments);
    }
    return {
      versionId: plan.versionId,
      answers: given,
      ...(supportLevel === undefined ? {} : { supportLevel }),
      residentConsent: {
        personalData,
        storeOpinion: leavesContact && supportLevel !== undefined && random.chance(0.5),
      },
      ...(leavesContact
        ? { contact: contact(random, firstNamePicker, lastNamePicker, capture) }
        : {}),
      doNotVisitAgain: random.chance(0.01),
    };
  };
}

const slug = (name: string) => foldText(name).replace(/[^a-z0-9]+/g, '');

/**
 * A resident's contact as a volunteer types it: an example.* address (a pattern the demo's
 * supporters never have) and, for some, a number of ARCEP's fiction block, typed the French way.
 */
function contact(
  random: Random,
  firstNamePicker: WeightedPicker<readonly [string, number]>,
  lastNamePicker: WeightedPicker<readonly [string, number]>,
  capture: QuestionnaireDefinition['contactCapture'],
) {
  const firstName = firstNamePicker.pick(random)[0];
  const lastName = lastNamePicker.pick(random)[0];
  const email =
    capture.askEmail && random.chance(0.85)
      ? `${slug(lastName)}.${slug(firstName)}${random.int(10, 99)}@${random.pick(demoDomains)}`
      : undefined;
  const slot = String(random.int(0, 9999)).padStart(4, '0');
  const phone =
    capture.askPhone && random.chance(0.5)
      ? `06 39 98 ${slot.slice(0, 2)} ${slot.slice(2)}`
      : undefined;
  return {
    firstName,
    lastName,
    ...(email ? { email, emailConsent: random.chance(0.9) } : {}),
    ...(phone ? { phone, phoneConsent: random.chance(0.85) } : {}),
  };
}
