import { defaultCommitteeRules, type CommitteeRules } from '../../../contracts/committees.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { readSetting, writeSetting } from '../settings/service.ts';

const KEY = 'committee_rules';

/** The gates that replace approval, as staff set them (defaults until they do). */
export async function committeeRules(ctx: AppContext): Promise<CommitteeRules> {
  const stored = await readSetting<Partial<CommitteeRules>>(ctx.database, ctx.campaignId, KEY);
  return { ...defaultCommitteeRules, ...stored };
}

export async function setCommitteeRules(
  ctx: AppContext,
  rules: CommitteeRules,
  actorId: number,
): Promise<CommitteeRules> {
  const cleaned = { ...rules, forbiddenWords: [...new Set(rules.forbiddenWords)] };
  await writeSetting(ctx.database, ctx.campaignId, KEY, cleaned);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'committees.rules.update',
    details: { ...cleaned, forbiddenWords: cleaned.forbiddenWords.length },
  });
  return cleaned;
}

const fold = (text: string) =>
  ` ${text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')} `;

/** The forbidden words (or phrases) a text holds, as whole words. */
export function forbiddenWordsIn(texts: string[], words: readonly string[]): string[] {
  const folded = fold(texts.join(' '));
  return words.filter((word) => {
    const needle = fold(word).trim();
    return needle !== '' && folded.includes(` ${needle} `);
  });
}
