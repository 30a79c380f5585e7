/**
 * Sample-rate conversion by band-limited interpolation: every output sample is the input
 * convolved with a Kaiser-windowed sinc, centred on the output sample's instant.
 *
 * Why this filter: going down to 8 kHz, everything above 4 kHz in the source (sibilants, music,
 * a 44.1 kHz file's whole upper band) would otherwise fold back below 4 kHz as audible noise.
 * Linear interpolation barely attenuates it; a windowed sinc is the textbook low-pass that both
 * suppresses it (~70 dB) and interpolates between input samples, in one pass and a few lines.
 * The Kaiser window sets attenuation and transition width independently. The pass band ends
 * near 3.3 kHz, above the telephone network's own 300–3400 Hz band, so nothing audible on a
 * call is lost.
 */

/** The cut-off (−6 dB) as a fraction of the lower Nyquist frequency: 3,650 Hz for 8 kHz. */
const CUTOFF = 0.9125;
/** Side-lobe attenuation ~70 dB (Kaiser's β = 0.1102 × (70 − 8.7)). */
const KAISER_BETA = 6.76;
/**
 * Sinc zero crossings on each side of the centre. Kaiser's estimate of the transition width,
 * (70 − 8) × cut-off / (2.285 × 2π × zero crossings), gives ~660 Hz at 8 kHz: 3.32 to 3.98 kHz.
 */
const ZERO_CROSSINGS = 24;
/**
 * Output instants fall at L distinct phases between input samples (L = toRate / gcd). Beyond
 * this many, phases are rounded to the nearest of this many: a timing error under 1/2048 of an
 * input sample, far below what a 16-bit output can show.
 */
const MAX_PHASES = 1024;

export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice();
  const divisor = gcd(fromRate, toRate);
  const up = toRate / divisor;
  const down = fromRate / divisor;
  const phases = Math.min(up, MAX_PHASES);
  const { coefficients, taps } = filterBank(fromRate, toRate, phases);
  const halfTaps = taps / 2;
  const output = new Float32Array(Math.round((input.length * up) / down));

  for (let n = 0; n < output.length; n++) {
    // Integer arithmetic while it is exact (n × down < 2^53 for any real recording).
    const position = n * down;
    let base = Math.floor(position / up);
    let phase = position - base * up;
    if (phases !== up) {
      phase = Math.round((phase * phases) / up);
      if (phase === phases) {
        phase = 0;
        base++;
      }
    }
    const first = base + 1 - halfTaps;
    const offset = phase * taps - first;
    const from = Math.max(0, first);
    const to = Math.min(input.length, first + taps);
    let sum = 0;
    for (let k = from; k < to; k++) sum += input[k] * coefficients[offset + k];
    output[n] = sum;
  }
  return output;
}

/**
 * One filter per phase p (the output instant p / phases of an input sample after `base`): taps
 * for the input samples base + 1 − taps/2 … base + taps/2, each phase normalised to a gain of
 * exactly 1 so that no phase adds a ripple of its own.
 */
function filterBank(fromRate: number, toRate: number, phases: number) {
  /** Cut-off in cycles per input sample. */
  const cutoff = (CUTOFF * Math.min(fromRate, toRate)) / 2 / fromRate;
  /** Half the window's length, in input samples. */
  const halfWidth = ZERO_CROSSINGS / (2 * cutoff);
  const halfTaps = Math.ceil(halfWidth);
  const taps = 2 * halfTaps;
  const coefficients = new Float32Array(phases * taps);
  const kaiserNorm = besselI0(KAISER_BETA);
  for (let phase = 0; phase < phases; phase++) {
    const fraction = phase / phases;
    let sum = 0;
    for (let tap = 0; tap < taps; tap++) {
      const distance = fraction - (tap + 1 - halfTaps);
      const ratio = distance / halfWidth;
      if (Math.abs(ratio) >= 1) continue;
      const window = besselI0(KAISER_BETA * Math.sqrt(1 - ratio * ratio)) / kaiserNorm;
      const value = 2 * cutoff * sinc(2 * cutoff * distance) * window;
      coefficients[phase * taps + tap] = value;
      sum += value;
    }
    for (let tap = 0; tap < taps; tap++) coefficients[phase * taps + tap] /= sum;
  }
  return { coefficients, taps };
}

const sinc = (x: number) => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x));

/** The modified Bessel function of the first kind, order 0 (its power series). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const quarterSquare = (x * x) / 4;
  for (let k = 1; term > sum * 1e-12; k++) {
    term *= quarterSquare / (k * k);
    sum += term;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
