import { supportLevels, type SupportLevel } from '../../../contracts/field-questionnaires.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';

const supportKeys: Record<SupportLevel, MessageKey> = {
  1: 'field.support.strong_supporter',
  2: 'field.support.leaning_supporter',
  3: 'field.support.undecided',
  4: 'field.support.leaning_opposed',
  5: 'field.support.strongly_opposed',
};

export const supportLevelList = Object.keys(supportLevels).map(Number) as SupportLevel[];

/** "1 Soutien fort" … "5 Très opposé": the level and its meaning, as volunteers read them. */
export const supportLabel = (level: number, t: Translate): string =>
  level in supportKeys ? `${level} ${t(supportKeys[level as SupportLevel])}` : String(level);
