/**
 * Paris, Lyon and Marseille are one commune each in the reference data (75056, 69123, 13055),
 * but the Base Adresse Nationale files their addresses under their municipal arrondissements'
 * codes (75101…75120, 69381…69389, 13201…13216), which postal codes follow (75011 is 75111).
 */
interface City {
  /** The arrondissements' codes: this prefix and the arrondissement's number. */
  codePrefix: string;
  count: number;
  /** The arrondissement of a postal code of the city, or undefined. */
  ofPostalCode(postalCode: string): number | undefined;
}

const ofPostal =
  (pattern: RegExp, count: number) =>
  (postalCode: string): number | undefined => {
    const found = pattern.exec(postalCode);
    const n = found ? Number(found[1]) : NaN;
    return n >= 1 && n <= count ? n : undefined;
  };

const CITIES: Record<string, City> = {
  // 75116 serves the 16th too.
  '75056': {
    codePrefix: '751',
    count: 20,
    ofPostalCode: (p) => (p === '75116' ? 16 : ofPostal(/^750(\d\d)$/, 20)(p)),
  },
  '69123': { codePrefix: '6938', count: 9, ofPostalCode: ofPostal(/^6900(\d)$/, 9) },
  '13055': { codePrefix: '132', count: 16, ofPostalCode: ofPostal(/^130(\d\d)$/, 16) },
};

const code = (city: City, n: number) =>
  `${city.codePrefix}${String(n).padStart(5 - city.codePrefix.length, '0')}`;

/**
 * The codes a commune's addresses are filed under in the BAN: its own, or for Paris, Lyon and
 * Marseille the arrondissement of the postal code, else all of them.
 */
export function addressCommuneCodes(communeCode: string, postalCode?: string | null): string[] {
  const city = CITIES[communeCode];
  if (!city) return [communeCode];
  const n = postalCode ? city.ofPostalCode(postalCode) : undefined;
  if (n !== undefined) return [code(city, n)];
  return Array.from({ length: city.count }, (_, i) => code(city, i + 1));
}
