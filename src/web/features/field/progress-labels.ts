import { visitOutcomeSchema, type VisitOutcome } from '../../../contracts/field-turfs.ts';
import type { MessageKey } from '../../core/i18n/index.tsx';

export const outcomes = visitOutcomeSchema.options;

export const outcomeKeys: Record<VisitOutcome, MessageKey> = {
  not_home: 'field.progress.outcome.not_home',
  conversation: 'field.progress.outcome.conversation',
  refused: 'field.progress.outcome.refused',
  come_back: 'field.progress.outcome.come_back',
  moved: 'field.progress.outcome.moved',
  do_not_visit: 'field.progress.outcome.do_not_visit',
  leaflet: 'field.progress.outcome.leaflet',
};

/** One colour per outcome, the same on the chart, the map and its legend. */
export const outcomeColors: Record<VisitOutcome, string> = {
  conversation: '#2f9e44',
  not_home: '#868e96',
  come_back: '#f59f00',
  refused: '#e03131',
  moved: '#9c36b5',
  do_not_visit: '#212529',
  leaflet: '#1c7ed6',
};
