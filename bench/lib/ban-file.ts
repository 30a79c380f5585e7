/**
 * Synthetic Base Adresse Nationale files for the benchmarks, deterministic: communes of a
 * département, streets with houses on both sides (odd and even numbers, a few `bis`), points
 * along each street; and INSEE's polling-station address table (REU) for most of them.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';

const HEADER =
  'id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles';
const REU_HEADER =
  'code_commune_ref,reconstitution_code_commune,id_brut_bv_reu,id,geo_adresse,geo_type,geo_score,longitude,latitude,api_line,nb_bv_commune,nb_adresses';

const STREET_KINDS = ['Rue', 'Avenue', 'Chemin', 'Impasse', 'Allée', 'Route', 'Place'];
const STREET_NAMES = [
  'de la République',
  'Victor Hugo',
  'des Écoles',
  'du Moulin',
  'Jean Jaurès',
  'de la Gare',
  'des Lilas',
  'Pasteur',
  'du Stade',
  'de l’Église',
];

/** A small seeded generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BanFileStats {
  rows: number;
  /** Rows whose BAN id the REU table names (linked by id). */
  inReu: number;
  communes: number;
}

/**
 * Writes `rows` BAN rows gzipped to `banPath` and the REU table to `reuPath`: 90% of the
 * addresses by their own id, the rest of those communes left to the nearest-point fallback,
 * and one commune in twenty without any REU row.
 */
export async function writeBanFiles(
  banPath: string,
  reuPath: string,
  rows: number,
): Promise<BanFileStats> {
  const next = random(20261205);
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(banPath);
  gzip.pipe(out);
  const reu = createWriteStream(reuPath);
  const write = async (stream: NodeJS.WritableStream, text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await write(gzip, `${HEADER}\n`);
  await write(reu, `${REU_HEADER}\n`);
  let written = 0;
  let inReu = 0;
  let commune = 0;
  while (written < rows) {
    commune++;
    const code = `33${String(commune % 1000).padStart(3, '0')}`;
    const name = `Commune ${commune}`;
    const postal = `33${String(100 + (commune % 900)).padStart(3, '0')}`;
    const centreLon = -0.6 + (commune % 40) * 0.02;
    const centreLat = 44.8 + Math.floor(commune / 40) * 0.02;
    const stations = 1 + Math.floor(next() * 6);
    const covered = commune % 20 !== 0;
    const streets = 20 + Math.floor(next() * 60);
    for (let s = 0; s < streets && written < rows; s++) {
      const fantoir = `${code}_${String(s + 1).padStart(4, '0')}`;
      const street = `${STREET_KINDS[s % STREET_KINDS.length]} ${STREET_NAMES[(s * 7 + commune) % STREET_NAMES.length]} ${s + 1}`;
      const angle = next() * Math.PI;
      const startLon = centreLon + (next() - 0.5) * 0.02;
      const startLat = centreLat + (next() - 0.5) * 0.02;
      const houses = 5 + Math.floor(next() * 40);
      const station = `${code}_${1 + (s % stations)}`;
      for (let n = 1; n <= houses && written < rows; n++) {
        const suffix = next() < 0.03 ? 'bis' : '';
        const id = `${fantoir}_${String(n).padStart(5, '0')}${suffix ? `_${suffix}` : ''}`;
        const along = Math.floor((n - 1) / 2) * 0.00018;
        const side = n % 2 === 0 ? 0.00008 : -0.00008;
        const lon = (startLon + Math.cos(angle) * along - Math.sin(angle) * side).toFixed(6);
        const lat = (startLat + Math.sin(angle) * along + Math.cos(angle) * side).toFixed(6);
        await write(
          gzip,
          `${id};${fantoir};${n};${suffix};${street};${postal};${code};${name};;;417242.93;6421803.05;${lon};${lat};entrée;;;${name.toUpperCase()};${street.toUpperCase()};commune;commune;1;${code}000A${String(n).padStart(4, '0')}\n`,
        );
        written++;
        if (covered && next() < 0.9) {
          inReu++;
          await write(
            reu,
            `${code},${code},${station},${id},"${n} ${street} ${postal} ${name}",housenumber,0.97,${lon},${lat},BANG,${stations},${1 + Math.floor(next() * 3)}\n`,
          );
        }
      }
    }
  }
  gzip.end();
  reu.end();
  await Promise.all([once(out, 'finish'), once(reu, 'finish')]);
  return { rows: written, inReu, communes: commune };
}
