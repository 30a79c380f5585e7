import type {
  ContactKind,
  EffectRange,
  EffectSizes,
  EffectSource,
  EstimatedVotes,
  KindCounts,
  VoteRange,
} from '../../../contracts/insights.ts';
import { contactKinds } from '../../../contracts/insights.ts';

/*
 * The impact model: estimated votes = contacts × effect (votes per contact), turnout and
 * persuasion apart, each with a low, central and high effect. docs/impact.md says where the
 * defaults come from and what the numbers mean.
 */

const none: EffectRange = { low: 0, central: 0, high: 0 };
const range = (low: number, central: number, high: number): EffectRange => ({
  low,
  central,
  high,
});
/** Effects are kept to 6 decimals (one vote per a million contacts). */
const per = (contacts: number) => Math.round(1e6 / contacts) / 1e6;

export const DEFAULT_EFFECTS: EffectSizes = {
  door_conversation: {
    turnout: range(0, per(14), per(8)),
    persuasion: range(0, per(50), per(25)),
  },
  leaflet: { turnout: range(per(189), per(100), per(66)), persuasion: none },
  volunteer_call: { turnout: range(0, per(35), per(20)), persuasion: none },
  robocall: { turnout: none, persuasion: none },
  email: { turnout: none, persuasion: none },
  sms: { turnout: none, persuasion: none },
};

const GOTV =
  'Donald P. Green and Alan S. Gerber, Get Out the Vote! How to Increase Voter Turnout, Brookings Institution Press, 2004 (figures revised in later editions)';
const PONS =
  'Vincent Pons, "Will a Five-Minute Discussion Change Your Mind? A Countrywide Experiment on Voter Choice in France", American Economic Review 108(6), 2018, 1322–1363';
const PONS_URL = 'https://doi.org/10.1257/aer.20160524';
const KALLA =
  'Joshua L. Kalla and David E. Broockman, "The Minimal Persuasive Effects of Campaign Contact in General Elections: Evidence from 49 Field Experiments", American Political Science Review 112(1), 2018, 148–166';
const KALLA_URL = 'https://doi.org/10.1017/S0003055417000363';

/** The studies behind the defaults, shown next to them on the page (docs/impact.md). */
export const EFFECT_SOURCES: EffectSource[] = [
  {
    kind: 'door_conversation',
    effect: 'turnout',
    citation: GOTV,
    url: null,
    finding: 'US turnout experiments: about one additional vote per 14 door-to-door conversations.',
    range:
      'Central 1 in 14; high 1 in 8; low 0, since the French 2012 experiment (below) found no measurable turnout effect.',
  },
  {
    kind: 'door_conversation',
    effect: 'turnout',
    citation: PONS,
    url: PONS_URL,
    finding:
      'France 2012: about five million doors knocked for François Hollande, precincts assigned at random; the visits did not affect turnout.',
    range: 'Sets the low end of the turnout range at 0.',
  },
  {
    kind: 'door_conversation',
    effect: 'persuasion',
    citation: PONS,
    url: PONS_URL,
    finding:
      'The same experiment: the visits raised Hollande’s vote share in the first round and accounted for about a quarter of his margin in the second; the effect lasted into later elections.',
    range:
      'Central 1 net vote in 50 conversations, high 1 in 25, low 0: an order of magnitude chosen by Levier, not a figure of the article. Edit it with your own evidence.',
  },
  {
    kind: 'door_conversation',
    effect: 'persuasion',
    citation: KALLA,
    url: KALLA_URL,
    finding:
      'US general elections: the average persuasive effect of campaign contact close to election day is zero (a meta-analysis of 40 experiments and 9 new ones).',
    range: 'Sets the low end of every persuasion range at 0, and the other kinds’ persuasion at 0.',
  },
  {
    kind: 'volunteer_call',
    effect: 'turnout',
    citation: GOTV,
    url: null,
    finding: 'Volunteer phone banks: about one additional vote per 35 conversations.',
    range: 'Central 1 in 35; high 1 in 20; low 0.',
  },
  {
    kind: 'leaflet',
    effect: 'turnout',
    citation: GOTV,
    url: null,
    finding: 'Leaflets: one additional vote per 66 to 189 leaflets, depending on the study.',
    range: 'Low 1 in 189, high 1 in 66, central 1 in 100.',
  },
  {
    kind: 'robocall',
    effect: 'turnout',
    citation: GOTV,
    url: null,
    finding: 'Recorded calls: no detectable effect on turnout.',
    range: '0, 0 and 0.',
  },
  {
    kind: 'email',
    effect: 'turnout',
    citation: GOTV,
    url: null,
    finding: 'Email: no detectable effect on turnout.',
    range: '0, 0 and 0.',
  },
];

const times = (contacts: number, effect: EffectRange): VoteRange => ({
  low: contacts * effect.low,
  central: contacts * effect.central,
  high: contacts * effect.high,
});

const add = (a: VoteRange, b: VoteRange): VoteRange => ({
  low: a.low + b.low,
  central: a.central + b.central,
  high: a.high + b.high,
});

const zero: VoteRange = { low: 0, central: 0, high: 0 };

/** Rounded to a tenth of a vote, so that the page does not show false precision. */
const rounded = (r: VoteRange): VoteRange => ({
  low: Math.round(r.low * 10) / 10,
  central: Math.round(r.central * 10) / 10,
  high: Math.round(r.high * 10) / 10,
});

/** The votes some contacts of one kind are estimated to bring. */
export function votesOf(contacts: number, kind: ContactKind, effects: EffectSizes): EstimatedVotes {
  return estimate({ ...emptyCounts(), [kind]: contacts }, effects);
}

/** The votes contacts of every kind are estimated to bring: sums of each kind's ranges. */
export function estimate(counts: KindCounts, effects: EffectSizes): EstimatedVotes {
  let turnout = zero;
  let persuasion = zero;
  for (const kind of contactKinds) {
    turnout = add(turnout, times(counts[kind], effects[kind].turnout));
    persuasion = add(persuasion, times(counts[kind], effects[kind].persuasion));
  }
  return {
    turnout: rounded(turnout),
    persuasion: rounded(persuasion),
    total: rounded(add(turnout, persuasion)),
  };
}

export const emptyCounts = (): KindCounts => ({
  door_conversation: 0,
  leaflet: 0,
  volunteer_call: 0,
  robocall: 0,
  email: 0,
  sms: 0,
});

/**
 * Door conversations still needed for the central estimate to cover a margin (|margin| votes
 * beyond what the contacts already bring); null when conversations bring nothing.
 */
export function conversationsNeeded(
  margin: number,
  centralVotes: number,
  effects: EffectSizes,
): number | null {
  const door = effects.door_conversation;
  const perConversation = door.turnout.central + door.persuasion.central;
  const missing = Math.abs(margin) - centralVotes;
  if (missing <= 0) return 0;
  if (perConversation <= 0) return null;
  return Math.ceil(missing / perConversation);
}
