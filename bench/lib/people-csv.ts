/**
 * The people CSV the import benchmarks read: realistic French names, unique emails, ~30%
 * phones, postal codes weighted by population, some tags and consents; deterministic, so
 * every run imports the same file.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { geoReference } from '../../src/server/core/geo/communes.ts';

const firstNames = [
  'Marie',
  'Jean',
  'Camille',
  'Léa',
  'Lucas',
  'Chloé',
  'Hugo',
  'Manon',
  'Louis',
  'Inès',
  'Gabriel',
  'Jade',
  'Arthur',
  'Louise',
  'Raphaël',
  'Emma',
  'Jules',
  'Zoé',
  'Adam',
  'Élodie',
  'Nathan',
  'Sarah',
  'Théo',
  'Clémence',
  'Mohamed',
  'Yasmine',
  'François',
  'Anaïs',
  'Noé',
  'Agathe',
  'Paul',
  'Océane',
  'Éric',
  'Hélène',
];
const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Le Gall',
  "N'Diaye",
  'Benali',
];
const tagSets = [
  'sympathisant',
  'bénévole',
  'donateur 2025',
  'réunion-lyon',
  'sympathisant, bénévole',
];

/** Deterministic pseudo-random numbers, so every run imports the same file. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase();
export const emailOf = (i: number, first: string, last: string) =>
  `${ascii(first)}.${ascii(last)}.${i}@example.org`;

/** Postal codes drawn in proportion to the population of their communes. */
function postalCodePicker(next: () => number) {
  const codes: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  const geo = geoReference();
  for (const commune of geo.allCommunes()) {
    const postal = geo.postalCodesOf(commune.code);
    if (postal.length === 0) continue;
    total += commune.population ?? 100;
    codes.push(postal[Math.floor(next() * postal.length)]);
    cumulative.push(total);
  }
  return () => {
    const x = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return codes[lo];
  };
}

/**
 * Writes the CSV; returns the emails of every tenth row, which are made to exist beforehand.
 * `sampled` receives the email of one row in 97 (addresses a load can sign up with).
 */
export async function generate(path: string, rows: number, sampled?: string[]): Promise<string[]> {
  const next = random(42);
  const postal = postalCodePicker(next);
  const out = createWriteStream(path);
  const existing: string[] = [];
  let chunk = 'email,prénom,nom,téléphone,code postal,tags,consentement email\n';
  for (let i = 1; i <= rows; i++) {
    const first = firstNames[Math.floor(next() * firstNames.length)];
    const last = lastNames[Math.floor(next() * lastNames.length)];
    const email = emailOf(i, first, last);
    if (i % 10 === 0) existing.push(email);
    else if (i % 97 === 0) sampled?.push(email);
    const digits = String(i).padStart(8, '0');
    const phone =
      next() < 0.3
        ? next() < 0.5
          ? `06 ${digits.replace(/(\d\d)(?=\d)/g, '$1 ')}`
          : `+336${digits}`
        : '';
    const tags = next() < 0.2 ? tagSets[Math.floor(next() * tagSets.length)] : '';
    const consent = next() < 0.4 ? 'oui' : next() < 0.5 ? 'non' : '';
    chunk += `${i % 7 === 0 ? email.toUpperCase() : email},${first},${last},${phone},${postal()},${tags.includes(',') ? `"${tags}"` : tags},${consent}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return existing;
}
