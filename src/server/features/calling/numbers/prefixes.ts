/**
 * The national prefixes of the French numbering plan (ARCEP, decision 2018-0881 as amended by
 * 2022-1583): which territory, country code and class a 10-digit national number ("0690 12 34
 * 56") has. Metropolitan France and the overseas departments share the 10-digit plan; the
 * national prefix decides the country code, wherever the person lives.
 *
 * The ranges follow contracts/phone.ts (the form readers) and libphonenumber's metadata, which
 * tracks ARCEP's allocations; prefixes.test.ts checks every 5-digit prefix against the latter.
 * Where the two disagree on a prefix libphonenumber lists for several regions, the narrower
 * region wins (0976 is Guyane's in its metadata, 0976 0/1/8 also Guadeloupe's…).
 *
 * The table is a trie of digits, built once: a lookup is a few array reads, no string made, so
 * that an import of 6,000,000 numbers does not notice it.
 */
import type { Territory } from '../../../../contracts/compliance.ts';

export type NumberClass = 'mobile' | 'geographic' | 'voip' | 'special';

/** What a national prefix says of its numbers. */
export class PrefixRule {
  /** `+` and the country code, ready to put before the 9 significant digits. */
  readonly plus: string;

  constructor(
    readonly territory: Territory,
    readonly countryCode: string,
    readonly numberClass: NumberClass,
  ) {
    this.plus = `+${countryCode}`;
  }
}

/** A prefix ARCEP has not opened: no number starts with it. */
export const UNASSIGNED = 'unassigned';
/** Saint-Pierre-et-Miquelon: "0508" then its own 6-digit number (+508 41 23 45). */
export const SAINT_PIERRE = 'saint_pierre';

type Leaf = PrefixRule | typeof UNASSIGNED | typeof SAINT_PIERRE;

class Branch {
  constructor(readonly next: Node[]) {}
}
type Node = Leaf | Branch;

const rule = (territory: Territory, countryCode: string, numberClass: NumberClass) =>
  new PrefixRule(territory, countryCode, numberClass);

const metropole = {
  geographic: rule('metropole', '33', 'geographic'),
  mobile: rule('metropole', '33', 'mobile'),
  voip: rule('metropole', '33', 'voip'),
  special: rule('metropole', '33', 'special'),
};

/** One overseas territory's rules, by class. */
const overseas = (territory: Territory, countryCode: string) => ({
  geographic: rule(territory, countryCode, 'geographic'),
  mobile: rule(territory, countryCode, 'mobile'),
  voip: rule(territory, countryCode, 'voip'),
});

const reunion = overseas('974', '262');
const mayotte = overseas('976', '262');
const guadeloupe = overseas('971', '590');
const saintBarthelemy = overseas('977', '590');
const saintMartin = overseas('978', '590');
const guyane = overseas('973', '594');
const martinique = overseas('972', '596');

/**
 * National prefixes (with their 0) and what they say; the longest prefix that matches wins.
 * 09 numbers are "polyvalents" (non-geographic, boxes and VoIP): class voip everywhere.
 */
const PREFIXES: ReadonlyArray<readonly [prefix: string, leaf: Leaf]> = [
  // Metropolitan France: 01–05 geographic, 06–07 mobile, 08 special numbers, 09 polyvalent.
  ['01', metropole.geographic],
  ['02', metropole.geographic],
  ['03', metropole.geographic],
  ['04', metropole.geographic],
  ['05', metropole.geographic],
  ['06', metropole.mobile],
  ['07', metropole.mobile],
  ['08', metropole.special],
  ['09', metropole.voip],
  // Not opened: 040, 070 (0700 is for 14-digit machine numbers), 071, 072.
  ['040', UNASSIGNED],
  ['070', UNASSIGNED],
  ['071', UNASSIGNED],
  ['072', UNASSIGNED],
  // The mobile range set aside for fiction (films, examples, demo data) stays metropolitan.
  ['063998', metropole.mobile],

  // Réunion (+262)
  ['0262', reunion.geographic],
  ['0263', reunion.geographic],
  ['02688', reunion.geographic],
  ['0692', reunion.mobile],
  ['0693', reunion.mobile],
  ['07092', reunion.mobile],
  ['09399', reunion.voip],
  ['09479', reunion.voip],
  ['09762', reunion.voip],
  ['09763', reunion.voip],
  // Mayotte (+262)
  ['02689', mayotte.geographic],
  ['0269', mayotte.geographic],
  ['0639', mayotte.mobile],
  ['070935', mayotte.mobile],
  ['070936', mayotte.mobile],
  ['070937', mayotte.mobile],
  ['09398', mayotte.voip],
  ['09478', mayotte.voip],
  ['09769', mayotte.voip],

  // Guadeloupe (+590), which Saint-Barthélemy and Saint-Martin share: see below.
  ['0590', guadeloupe.geographic],
  ['05987', guadeloupe.geographic],
  ['0690', guadeloupe.mobile],
  ['0691', guadeloupe.mobile],
  ['07090', guadeloupe.mobile],
  ['09395', guadeloupe.voip],
  ['09475', guadeloupe.voip],
  ['09760', guadeloupe.voip],
  ['09761', guadeloupe.voip],
  ['09768', guadeloupe.voip],
  // Saint-Barthélemy and Saint-Martin: only some landline blocks tell them apart. 0590 27 is
  // Saint-Barthélemy's exchange, 0590 87 Saint-Martin's (Marigot); the other blocks here are
  // those libphonenumber lists for Saint-Martin alone. The rest of 0590 (29, 51, 52… listed
  // for both islands), the mobiles and the 09s stay 971: the three share a clock, a vote day
  // and a verified caller-ID range, so the territory only feeds counts.
  ['059027', saintBarthelemy.geographic],
  ['059087', saintMartin.geographic],
  ...['00', '07', '09', '13', '30', '43', '50', '56', '58', '77', '79'].map(
    (block) => [`0590${block}`, saintMartin.geographic] as const,
  ),

  // Guyane (+594)
  ['0594', guyane.geographic],
  ['05988', guyane.geographic],
  ['0694', guyane.mobile],
  ['070930', guyane.mobile],
  ['070931', guyane.mobile],
  ['070932', guyane.mobile],
  ['070933', guyane.mobile],
  ['09396', guyane.voip],
  ['09476', guyane.voip],
  ['0976', guyane.voip],

  // Martinique (+596)
  ['0596', martinique.geographic],
  ['05989', martinique.geographic],
  ['0696', martinique.mobile],
  ['0697', martinique.mobile],
  ['07091', martinique.mobile],
  ['09397', martinique.voip],
  ['09477', martinique.voip],
  ['09766', martinique.voip],
  ['09767', martinique.voip],

  // Saint-Pierre-et-Miquelon (+508): its 6-digit numbers written after 0508.
  ['0508', SAINT_PIERRE],
];

/**
 * The E.164 beginnings of the overseas prefixes and their territory ("+262269" → 976), for
 * SQL that places numbers the same way (broadcasts/territory-sql.ts).
 */
export const overseasE164Prefixes: ReadonlyArray<{ prefix: string; territory: Territory }> =
  PREFIXES.flatMap(([prefix, leaf]) =>
    leaf instanceof PrefixRule && leaf.territory !== 'metropole'
      ? [{ prefix: `${leaf.plus}${prefix.slice(1)}`, territory: leaf.territory }]
      : [],
  );

function buildTrie(): Branch {
  const root = new Branch(new Array<Node>(10).fill(UNASSIGNED));
  // Shorter prefixes first: a longer one then only splits the leaf it falls in.
  const sorted = [...PREFIXES].sort((a, b) => a[0].length - b[0].length);
  for (const [prefix, leaf] of sorted) {
    let node = root;
    for (let at = 1; at < prefix.length; at++) {
      const digit = prefix.charCodeAt(at) - 48;
      if (at === prefix.length - 1) {
        node.next[digit] = leaf;
        break;
      }
      const child = node.next[digit];
      if (child instanceof Branch) node = child;
      else node = node.next[digit] = new Branch(new Array<Node>(10).fill(child));
    }
  }
  return root;
}

const ROOT = buildTrie();

/** What the prefix of a national number ("0" and 9 digits, checked by the caller) says. */
export function prefixLeaf(national: string): Leaf {
  let node: Node = ROOT;
  let at = 1;
  while (node instanceof Branch) node = node.next[national.charCodeAt(at++) - 48];
  return node;
}

/** The country codes whose numbers are written nationally as 0 and 9 digits, like France's. */
export const TEN_DIGIT_PLAN_CODES: readonly string[] = ['33', '262', '590', '594', '596'];
