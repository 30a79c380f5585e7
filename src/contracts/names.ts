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
/** A period followed by two letters ("bit.ly", "exemple.fr"), the word "www", or "://". */
const LINK_LIKE = /\.[\p{L}\p{M}]{2,}|(?<![\p{L}\p{M}])www(?![\p{L}\p{M}])|:\/\//iu;

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
