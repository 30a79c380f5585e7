import type { WalkList } from '../../../../contracts/field-turfs.ts';
import type { AppContext } from '../../../core/context.ts';
import { campaignName } from '../../settings/service.ts';
import { walkListPdf } from '../walk-list/pdf.ts';
import type { WalkListStop } from '../walk-list/types.ts';
import { walkList } from './turfs.ts';

/** The outcome columns of the paper walk list, as the app names them. */
export const OUTCOME_COLUMNS = [
  { code: 'not_home', label: 'Absent' },
  { code: 'conversation', label: 'Conversation' },
  { code: 'refused', label: 'Refus' },
  { code: 'come_back', label: 'Repasser' },
  { code: 'moved', label: 'Vacant / déménagé' },
  { code: 'do_not_visit', label: 'Ne plus visiter' },
];

/** Consecutive addresses of one street and side make one heading of the paper list. */
export function walkStops(addresses: WalkList['addresses']): WalkListStop[] {
  const stops: WalkListStop[] = [];
  let lastKey: string | null = null;
  for (const address of addresses) {
    const entry = {
      id: address.id,
      number: address.number,
      suffix: address.suffix,
      label:
        address.number > 0 ? `${address.number}${address.suffix ? ` ${address.suffix}` : ''}` : '',
      lon: address.lng,
      lat: address.lat,
      doNotVisit: address.doNotVisit,
      electors: address.electors,
    };
    const key = `${address.streetKey}|${address.side ?? ''}`;
    if (key === lastKey) stops[stops.length - 1].addresses.push(entry);
    else
      stops.push({
        street: address.street,
        communeName: address.communeName,
        side: address.side,
        addresses: [entry],
      });
    lastKey = key;
  }
  return stops;
}

/** A turf's printable walk list (the paper backup when phones fail). */
export async function turfWalkListPdf(ctx: AppContext, turfId: number): Promise<Buffer> {
  const list = await walkList(ctx, turfId);
  return walkListPdf({
    campaignName: await campaignName(ctx.database, ctx.campaignId),
    turfName: list.turf.name,
    committeeName: list.turf.committeeName,
    dates:
      list.turf.startsOn && list.turf.endsOn
        ? { from: list.turf.startsOn, to: list.turf.endsOn }
        : null,
    printedAt: new Date(),
    timeZone: ctx.config.CAMPAIGN_TIMEZONE,
    outcomes: OUTCOME_COLUMNS,
    questions: ['Soutien 1–5'],
    stops: walkStops(list.addresses),
  });
}
