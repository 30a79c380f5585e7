/**
 * The commission's form numbers as the digits it printed. A number keeps its width ("000125"
 * stays "000125"); numbers are compared by value. A series' numbers are written with the
 * width of its first number, so "000001" to "000500" gives "000037", and "1" to "500" gives
 * "37". Fifteen digits at most: every value stays an exact JavaScript number.
 */

export const MAX_DIGITS = 15;

export const isFormNumber = (text: string) => new RegExp(`^\\d{1,${MAX_DIGITS}}$`).test(text);

export const valueOf = (number: string) => Number(number);

/** A value written as the series writes its numbers. */
export const formatIn = (series: { firstNumber: string }, value: number) =>
  String(value).padStart(series.firstNumber.length, '0');

export interface SeriesBounds {
  firstNumber: string;
  lastNumber: string;
}

/** Why a series as typed cannot be recorded (null when it can), in French. */
export function seriesProblem(series: SeriesBounds): string | null {
  const { firstNumber, lastNumber } = series;
  if (!isFormNumber(firstNumber) || !isFormNumber(lastNumber)) {
    return `Les numéros de formules s'écrivent en chiffres seulement (au plus ${MAX_DIGITS}), comme imprimés sur les formules : « ${firstNumber} » à « ${lastNumber} » ne convient pas.`;
  }
  if (valueOf(lastNumber) < valueOf(firstNumber)) {
    return `Le dernier numéro (${lastNumber}) est plus petit que le premier (${firstNumber}) : saisissez le plus petit numéro de la série puis le plus grand.`;
  }
  if (firstNumber.startsWith('0') && firstNumber.length !== lastNumber.length) {
    return `Le premier et le dernier numéro n'ont pas le même nombre de chiffres (${firstNumber}, ${lastNumber}) : recopiez-les tels qu'ils sont imprimés, zéros en tête compris.`;
  }
  return null;
}

export const overlaps = (a: SeriesBounds, b: SeriesBounds) =>
  valueOf(a.firstNumber) <= valueOf(b.lastNumber) &&
  valueOf(b.firstNumber) <= valueOf(a.lastNumber);

/** A run of consecutive numbers, both ends included. */
export interface NumberRange {
  first: string;
  last: string;
  count: number;
}

/**
 * The numbers of a series that `used` (values, any order) leaves free, as ranges in order:
 * 1–10 with 3, 4 and 8 used gives 1–2, 5–7, 9–10.
 */
export function unusedRanges(series: SeriesBounds, used: Iterable<number>): NumberRange[] {
  const first = valueOf(series.firstNumber);
  const last = valueOf(series.lastNumber);
  const taken = [...new Set(used)].filter((v) => v >= first && v <= last).sort((a, b) => a - b);
  const ranges: NumberRange[] = [];
  let from = first;
  const push = (to: number) => {
    if (to >= from) {
      ranges.push({
        first: formatIn(series, from),
        last: formatIn(series, to),
        count: to - from + 1,
      });
    }
  };
  for (const value of taken) {
    push(value - 1);
    from = value + 1;
  }
  push(last);
  return ranges;
}
