/** The last day of a suspension as the person reads it ("5 janvier 2027"), on the campaign's clock. */
export const suspensionEnd = (locale: string, until: string, timeZone: string): string =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeZone,
  }).format(new Date(until));
