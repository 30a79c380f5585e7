import type { TargetArea } from '../../../contracts/field-turfs.ts';
import type { Translate } from '../../core/i18n/index.tsx';

/** What an area is made of, in a few words. */
export function areaKindText(area: TargetArea, t: Translate): string {
  if (area.kind === 'stations') return t('field.areas.ofStations', { count: area.stations.length });
  if (area.kind === 'communes') return t('field.areas.ofCommunes', { count: area.communes.length });
  return t('field.areas.ofPolygon');
}
