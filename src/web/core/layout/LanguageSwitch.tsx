import { SegmentedControl } from '@mantine/core';
import { useLocale, useT } from '../i18n/index.tsx';

export function LanguageSwitch() {
  const [locale, setLocale] = useLocale();
  const t = useT();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('nav.language')}
      value={locale}
      onChange={(v) => setLocale(v === 'en' ? 'en' : 'fr')}
      data={[
        {
          value: 'fr',
          label: (
            <span lang="fr" aria-label="Français">
              FR
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en" aria-label="English">
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
