import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Locale } from '../../../contracts/common.ts';
import { localeName } from '../people/labels.ts';

/** The languages settings are written in, French (the reference) first. */
export const SETTINGS_LANGUAGES: readonly Locale[] = ['fr', 'en'];

/** One tab per language, each named in itself; `children` draws a language's panel. */
export function LanguageTabs({
  value,
  onChange,
  children,
}: {
  value: Locale;
  onChange: (language: Locale) => void;
  children: (language: Locale) => ReactNode;
}) {
  return (
    <Tabs value={value} onChange={(tab) => onChange(tab === 'en' ? 'en' : 'fr')}>
      <Tabs.List>
        {SETTINGS_LANGUAGES.map((lang) => (
          <Tabs.Tab key={lang} value={lang} lang={lang}>
            {localeName(lang)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {SETTINGS_LANGUAGES.map((lang) => (
        <Tabs.Panel key={lang} value={lang} pt="sm">
          {children(lang)}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
