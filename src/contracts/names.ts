/**
 * What a person's first or last name may hold, checked alike by the server and in the browser
 * (no zod here, so the public pages' small script can import it).
 *
 * One line of letters of any script (with their accents, as combining marks or not), spaces,
 * apostrophes (' ’ ʼ), hyphens and periods: "Jean-Pierre", "N'Diaye", "d’Arc", "Ĺudovít",
 * "Nguyễn", "J.-P.", "Saint-Exupéry", "Ørsted", "محمد", "王". No digits, commas, slashes or
 * other symbols, no line breaks, controls or bidirectional overrides: a name is mailed and
 * shown to staff, and none of those belongs in one. Anything that reads as a web address
 * ("bit.ly", "evil.de", "www") is refused with its own code.
 */

export type NameProblem = 'invalid_name' | 'no_links';

const NAME = /^[\p{L}\p{M}]+(?:[ '’ʼ.-]+[\p{L}\p{M}]*)*$/u;
/**
 * Top-level domains longer than two letters that people type in links. Two-letter ones
 * (country codes: "bit.ly", "evil.de") are all refused; a longer word after a period is a
 * name ("O'Neil-St.Clair") unless it is one of these.
 */
const GENERIC_TLDS =
  'com|net|org|info|biz|xyz|top|online|site|website|app|shop|store|click|link|live|tech|club|vip|pro|mobi|name|gov|edu|int|bzh|paris|corsica|alsace|eus|web|blog|news|page|dev|art|fun|space|icu|cam|life|world|email|cloud|today|win|bid|loan|work|party|stream|download|xxx';
/** A period before a domain ending ("bit.ly", "exemple.fr", "x.online"), the word "www", or "://". */
const LINK_LIKE = new RegExp(
  `\\.(?:[\\p{L}\\p{M}]{2}|${GENERIC_TLDS})(?![\\p{L}\\p{M}])|(?<![\\p{L}\\p{M}])www(?![\\p{L}\\p{M}])|:\\/\\/`,
  'iu',
);

/** Why a trimmed, non-empty name is refused, or null when it is fine. */
export function nameProblem(value: string): NameProblem | null {
  if (LINK_LIKE.test(value)) return 'no_links';
  if (!NAME.test(value)) return 'invalid_name';
  return null;
}

/** For a schema's superRefine: adds nameProblem's code as the issue ('' is left to `required`). */
export function refuseBadName(
  value: string,
  issues: { addIssue(issue: { code: 'custom'; message: string }): void },
) {
  const problem = value ? nameProblem(value) : null;
  if (problem) issues.addIssue({ code: 'custom', message: problem });
}
