import type { ContactKind } from '../../../contracts/insights.ts';
import type { DonationStage, RecruitmentStage } from '../../../contracts/insights-funnels.ts';
import type { MessageKey } from '../../core/i18n/index.tsx';

export const kindKeys: Record<ContactKind, MessageKey> = {
  door_conversation: 'insights.kind.door_conversation',
  leaflet: 'insights.kind.leaflet',
  volunteer_call: 'insights.kind.volunteer_call',
  robocall: 'insights.kind.robocall',
  email: 'insights.kind.email',
  sms: 'insights.kind.sms',
};

export const stageKeys: Record<RecruitmentStage | DonationStage, MessageKey> = {
  signedUp: 'insights.stage.signedUp',
  confirmed: 'insights.stage.confirmed',
  joined: 'insights.stage.joined',
  acted: 'insights.stage.acted',
  pageVisits: 'insights.stage.pageVisits',
  started: 'insights.stage.started',
  donors: 'insights.stage.donors',
  recurring: 'insights.stage.recurring',
};

/** Chart colours per kind (Mantine's palette names). */
export const kindColours: Record<ContactKind, string> = {
  door_conversation: 'teal.7',
  leaflet: 'yellow.7',
  volunteer_call: 'blue.6',
  robocall: 'grape.6',
  email: 'gray.6',
  sms: 'orange.6',
};
