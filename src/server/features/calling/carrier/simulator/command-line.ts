/** The simulator process's options, from its environment and its command line. */

/** Read as written: a token of digits is still a string. */
const STRING_OPTIONS = new Set([
  'accountSid',
  'authToken',
  'host',
  'pricePerMinute',
  'pressedDigit',
]);
export const OPTIONS_VARIABLE = 'LEVIER_CARRIER_SIMULATOR_OPTIONS';

function camelCase(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function jsonObject(text: string, source: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${source} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * `LEVIER_CARRIER_SIMULATOR_OPTIONS` (a JSON object), then `--options '<json>'`, then one flag
 * per option (`--time-scale=0.001`, `--outcomes '{"answered":1,…}'`), each over the previous.
 */
export function optionsFromCommandLine(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Record<string, unknown> {
  const fromEnv = env[OPTIONS_VARIABLE] ? jsonObject(env[OPTIONS_VARIABLE], OPTIONS_VARIABLE) : {};
  let fromJson: Record<string, unknown> = {};
  const flags: Record<string, unknown> = {};
  for (let index = 0; index < argv.length; index++) {
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(argv[index]);
    if (!match) throw new Error(`Unexpected argument: ${argv[index]}`);
    const raw = match[2] ?? argv[++index];
    if (raw === undefined) throw new Error(`--${match[1]} needs a value`);
    const key = camelCase(match[1]);
    if (key === 'options') {
      fromJson = jsonObject(raw, '--options');
    } else if (STRING_OPTIONS.has(key)) {
      flags[key] = raw;
    } else {
      try {
        flags[key] = JSON.parse(raw) as unknown;
      } catch {
        flags[key] = raw;
      }
    }
  }
  return { ...fromEnv, ...fromJson, ...flags };
}
