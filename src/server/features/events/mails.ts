import type { Locale } from '../../../contracts/common.ts';
import { linkMail, mailTexts, type RenderedMail } from '../../core/mail/templates.ts';

const fr = {
  subjectGoing: 'Inscription confirmée : {title}',
  subjectWaitlist: "Liste d'attente : {title}",
  subjectPromoted: 'Une place pour vous : {title}',
  subjectChanged: 'Changement : {title}',
  subjectCancelled: 'Annulé : {title}',
  going: 'Vous participez à « {title} », le {when}{where}.',
  waitlist:
    "« {title} » est complet : vous êtes sur la liste d'attente et serez prévenu·e si une place se libère.",
  promoted: 'Une place s’est libérée : vous participez à « {title} », le {when}{where}.',
  changed: '« {title} » a changé : il a lieu le {when}{where}.',
  cancelled: '« {title} », prévu le {when}, est annulé.',
  cancel: 'Vous ne pouvez plus venir ? Annulez en un clic :',
  calendar: 'Ajoutez-le à votre agenda :',
  button: 'Voir l’événement',
  cancelButton: 'Annuler ma participation',
};

const en: Record<keyof typeof fr, string> = {
  subjectGoing: 'You are going: {title}',
  subjectWaitlist: 'Waiting list: {title}',
  subjectPromoted: 'A place for you: {title}',
  subjectChanged: 'Changed: {title}',
  subjectCancelled: 'Cancelled: {title}',
  going: 'You are going to “{title}”, on {when}{where}.',
  waitlist: '“{title}” is full: you are on the waiting list and will be told if a place frees up.',
  promoted: 'A place freed up: you are going to “{title}”, on {when}{where}.',
  changed: '“{title}” has changed: it takes place on {when}{where}.',
  cancelled: '“{title}”, planned on {when}, is cancelled.',
  cancel: 'Cannot come any more? Cancel in one click:',
  calendar: 'Add it to your calendar:',
  button: 'See the event',
  cancelButton: 'Cancel my answer',
};

const reminderFr = {
  subjectDayBefore: 'Demain : {title}',
  subjectDayOf: "Aujourd'hui : {title}",
  subjectThanks: 'Merci d’être venu·e : {title}',
  day_before: 'Rappel : vous participez demain à « {title} », le {when}{where}.',
  day_of: "C'est aujourd'hui : « {title} », le {when}{where}.",
  thanks:
    'Merci d’avoir participé à « {title} ». Racontez-nous comment cela s’est passé en répondant à ce message.',
  cancel: 'Vous ne pouvez plus venir ? Annulez en un clic :',
  button: 'Voir l’événement',
};

const reminderEn: Record<keyof typeof reminderFr, string> = {
  subjectDayBefore: 'Tomorrow: {title}',
  subjectDayOf: 'Today: {title}',
  subjectThanks: 'Thank you for coming: {title}',
  day_before: 'Reminder: you are going to “{title}” tomorrow, on {when}{where}.',
  day_of: 'It is today: “{title}”, on {when}{where}.',
  thanks:
    'Thank you for taking part in “{title}”. Tell us how it went by replying to this message.',
  cancel: 'Cannot come any more? Cancel in one click:',
  button: 'See the event',
};

const organiserFr = {
  subject: '[{title}] {subject}',
  why: 'Vous recevez ce message parce que vous participez à « {title} ».',
  cancel: 'Vous ne pouvez plus venir ? Annulez en un clic :',
  button: 'Voir l’événement',
};

const organiserEn: Record<keyof typeof organiserFr, string> = {
  subject: '[{title}] {subject}',
  why: 'You receive this message because you are going to “{title}”.',
  cancel: 'Cannot come any more? Cancel in one click:',
  button: 'See the event',
};

/** The line an event answer adds to the sign-up confirmation a visitor's answer sends. */
const visitorFr = {
  pending:
    'Votre réponse à « {title} » ({when}) sera enregistrée dès que vous aurez confirmé votre adresse.',
};

const visitorEn: Record<keyof typeof visitorFr, string> = {
  pending:
    'Your answer to “{title}” ({when}) will be recorded as soon as you confirm your address.',
};

export const eventMailMessages = {
  eventAnswer: { fr, en },
  eventVisitorAnswer: { fr: visitorFr, en: visitorEn },
  eventReminder: { fr: reminderFr, en: reminderEn },
  eventOrganiserMessage: { fr: organiserFr, en: organiserEn },
};

/** An organiser's words to those coming (plain text), why they get it and how to withdraw. */
export function organiserMessageMail(
  locale: Locale,
  vars: { title: string; subject: string; text: string },
  eventUrl: string,
  cancelUrl: string,
): RenderedMail {
  const t = mailTexts(eventMailMessages.eventOrganiserMessage, locale, vars);
  return linkMail(
    {
      subject: t.subject,
      before: [vars.text, t.why],
      after: [t.cancel, cancelUrl],
      button: t.button,
    },
    eventUrl,
  );
}

export type ReminderKind = 'day_before' | 'day_of' | 'thanks';
const reminderSubject: Record<ReminderKind, keyof typeof reminderFr> = {
  day_before: 'subjectDayBefore',
  day_of: 'subjectDayOf',
  thanks: 'subjectThanks',
};

/** A reminder to someone coming (the day before, on the day) or the thank-you after. */
export function eventReminderMail(
  locale: Locale,
  kind: ReminderKind,
  vars: { title: string; when: string; where: string },
  eventUrl: string,
  cancelUrl: string,
): RenderedMail {
  const t = mailTexts(eventMailMessages.eventReminder, locale, {
    ...vars,
    where: vars.where ? (locale === 'en' ? `, at ${vars.where}` : `, à ${vars.where}`) : '',
  });
  return linkMail(
    {
      subject: t[reminderSubject[kind]],
      before: [t[kind]],
      after: kind === 'thanks' ? [] : [t.cancel, cancelUrl],
      button: t.button,
    },
    eventUrl,
  );
}

export type EventMailKind = 'going' | 'waitlist' | 'promoted' | 'changed' | 'cancelled';

const subjectOf: Record<EventMailKind, keyof typeof fr> = {
  going: 'subjectGoing',
  waitlist: 'subjectWaitlist',
  promoted: 'subjectPromoted',
  changed: 'subjectChanged',
  cancelled: 'subjectCancelled',
};

/**
 * A mail about an event to someone who answered it; a link to withdraw unless it is
 * cancelled, and the event's calendar file when it has one anyone may fetch.
 */
export function eventMail(
  locale: Locale,
  kind: EventMailKind,
  vars: { title: string; when: string; where: string },
  eventUrl: string,
  cancelUrl: string,
  calendarUrl: string | null = null,
): RenderedMail {
  const t = mailTexts(eventMailMessages.eventAnswer, locale, {
    ...vars,
    where: vars.where ? (locale === 'en' ? `, at ${vars.where}` : `, à ${vars.where}`) : '',
  });
  const canCancel = kind !== 'cancelled';
  const calendar = calendarUrl && kind !== 'cancelled' && kind !== 'waitlist';
  const mail = linkMail(
    {
      subject: t[subjectOf[kind]],
      before: [t[kind]],
      after: [
        ...(calendar ? [t.calendar, calendarUrl] : []),
        ...(canCancel ? [t.cancel, cancelUrl] : []),
      ],
      button: t.button,
    },
    eventUrl,
  );
  return mail;
}

/** The sign-up confirmation's line naming the event a visitor answered. */
export function visitorAnswerLine(locale: Locale, vars: { title: string; when: string }): string {
  return mailTexts(eventMailMessages.eventVisitorAnswer, locale, vars).pending;
}
