import { Select, Text } from '@mantine/core';
import {
  detectImportPreset,
  importPresets,
  presetMapping,
} from '../../../contracts/integrations-import-presets.ts';
import type { ImportTarget } from '../../../contracts/people.ts';
import { useT } from '../../core/i18n/index.tsx';

interface Props {
  headers: readonly string[];
  mapping: Record<string, ImportTarget>;
  onChange: (mapping: Record<string, ImportTarget>) => void;
  disabled?: boolean;
}

const sameMapping = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([header, field]) => b[header] === field);

/**
 * The column mappings of other tools' exports (NationBuilder, Action Network): the one the
 * file's header matches is applied by the server and said here; any can be applied by hand.
 */
export function ImportPresetChoice({ headers, mapping, onChange, disabled }: Props) {
  const t = useT();
  const detected = detectImportPreset(headers);
  const current = importPresets.find((preset) =>
    sameMapping(presetMapping(preset, headers), mapping),
  );
  return (
    <>
      {detected && (
        <Text size="sm" role="status">
          {t('integrations.preset.detected', { tool: detected.label })}
        </Text>
      )}
      <Select
        label={t('integrations.preset.label')}
        description={t('integrations.preset.help')}
        placeholder={t('integrations.preset.placeholder')}
        data={importPresets.map((preset) => ({ value: preset.id, label: preset.label }))}
        value={current?.id ?? null}
        onChange={(id) => {
          const preset = importPresets.find((p) => p.id === id);
          if (preset) onChange(presetMapping(preset, headers));
        }}
        disabled={disabled}
        allowDeselect={false}
        maw={360}
      />
    </>
  );
}
