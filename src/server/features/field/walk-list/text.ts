/**
 * The walk list's words: every string from the input made inert and drawable, and the French
 * wording of dates, counts and sides.
 */
import { localParts } from '../../../core/local-time.ts';
import { toWinAnsi } from '../../donations/acknowledgement/win-ansi.ts';
import type { WalkListAddress, WalkListStop } from './types.ts';

/**
 * Text safe to draw: line breaks and tabs become spaces, other control and format characters
 * (NUL, escape, bidirectional overrides, zero-width marks) go, runs of spaces shrink to one,
 * and what the standard fonts cannot draw is written in letters they have.
 */
export function inert(text: string): string {
  const flat = text
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    // Runs of spaces shrink, but a no-break space ("2 000") stays what it is.
    .replace(/[^\S\u00a0\u2007\u202f]+/g, ' ')
    .trim();
  return toWinAnsi(flat);
}

/** `text` cut to `max` characters, ending in "…" when cut: a header line stays a few lines. */
export const capped = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

const pad = (n: number) => String(n).padStart(2, '0');

/** "12/03/2026 à 18:05", on the campaign's clock. */
export function printedAtText(at: Date, timeZone: string): string {
  const p = localParts(timeZone, at.getTime());
  return `${pad(p.day)}/${pad(p.month)}/${p.year} à ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "12/03/2026" from "2026-03-12"; anything else as written. */
function dayText(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  return match ? `${match[3]}/${match[2]}/${match[1]}` : inert(day);
}

export function datesText(dates: { from: string; to: string }): string {
  const from = dayText(dates.from);
  const to = dayText(dates.to);
  return from === to ? `Le ${from}` : `Du ${from} au ${to}`;
}

const figures = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
/** "2 000" with a no-break space the standard fonts draw (Intl's narrow one they cannot). */
const figure = (count: number) => figures.format(count).replace(/[\u202f\u00a0 ]/g, '\u00a0');
const plural = (count: number, one: string, many: string) =>
  `${figure(count)} ${count > 1 ? many : one}`;

export const addressCountText = (count: number) => plural(count, 'adresse', 'adresses');

/** ", dont 3 à ne pas visiter"; empty when there is none. */
export const doNotVisitCountText = (count: number) =>
  count === 0 ? '' : `, dont ${figure(count)} à ne pas visiter`;

export function sideText(side: WalkListStop['side']): string {
  if (side === 'odd') return 'côté impair';
  if (side === 'even') return 'côté pair';
  return '';
}

/** "Rue de la République – Lyon · côté impair". */
export function stopHeading(stop: WalkListStop): string {
  const side = sideText(stop.side);
  const place = [inert(stop.street) || 'Voie sans nom', inert(stop.communeName)]
    .filter((part) => part !== '')
    .join(' – ');
  return side === '' ? place : `${place} · ${side}`;
}

/** The number as written on the door, "s/n" (sans numéro) for an address without one. */
export function numberText(address: WalkListAddress): string {
  const label = inert(address.label);
  if (label !== '') return label;
  if (Number.isInteger(address.number) && address.number > 0)
    return inert(`${address.number} ${address.suffix ?? ''}`);
  return 's/n';
}

const count = (value: number | undefined) =>
  value !== undefined && Number.isInteger(value) && value > 0 ? value : 0;

/** "5 ét. · 20 portes": what a canvasser climbs; empty for a house. */
export function buildingText(building: WalkListAddress['building']): string {
  if (!building) return '';
  const floors = count(building.floors);
  const doors = count(building.doors);
  return [floors > 0 ? `${floors} ét.` : '', doors > 0 ? plural(doors, 'porte', 'portes') : '']
    .filter((part) => part !== '')
    .join(' · ');
}
