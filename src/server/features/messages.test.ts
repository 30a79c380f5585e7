import { describe, expect, it } from 'vitest';
import { messageProblems } from '../../web/core/i18n/parity.ts';
import { accountMailMessages } from './accounts/mails.ts';
import { committeeMailMessages } from './committees/mails.ts';
import { eventMailMessages } from './events/mails.ts';
import { moderationMailMessages } from './moderation/mails.ts';
import { recruitmentMailMessages } from './recruitment/mails.ts';
import { defaultConsentWording } from './settings/wording-defaults.ts';

/**
 * The texts the server writes in both languages, each feature's in its own folder (the public
 * pages use the web app's dictionaries, checked in web/core/i18n). Each module is checked
 * alone: mails are not merged into one dictionary, so two may share a key.
 */
const modules = {
  ...accountMailMessages,
  ...recruitmentMailMessages,
  ...moderationMailMessages,
  ...eventMailMessages,
  ...committeeMailMessages,
  consentWording: defaultConsentWording,
};

describe('the server’s texts in French and English', () => {
  it.each(Object.entries(modules))('%s has the same keys and placeholders', (name, module) => {
    expect(messageProblems({ [name]: module })).toEqual([]);
  });
});
