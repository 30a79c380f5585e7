import {
  detectImportPreset,
  presetMapping,
} from '../../../../contracts/integrations-import-presets.ts';
import type { Mapping } from './mapping.ts';

/**
 * The mapping of another tool's export (NationBuilder, Action Network: see
 * contracts/integrations-import-presets.ts for the headers and where they were read), when
 * the file's header is one; null otherwise, and the headers are guessed one by one.
 */
export function presetSuggestion(headers: readonly string[]): Mapping | null {
  const preset = detectImportPreset(headers);
  return preset ? presetMapping(preset, headers) : null;
}
