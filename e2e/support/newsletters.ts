// Newsletters at HQ, the steps newsletters-hq.spec.ts takes: a staff member with a first name
// of their own (the preview fills {prénom} with it), a moment of next month picked in the
// schedule's date-and-time field, a figure of the newsletter's counts.
import type { Locator, Page } from '@playwright/test';
import { nextMonthsFifteenth } from './dates.ts';
import { capitalized, createSupporter, csrfHeaders, expect, logIn, uniq } from './fixtures.ts';

/** A supporter of Nantes with a first name unique to the run, made staff and logged in on `page`. */
export async function namedStaffMember(page: Page, adminPage: Page) {
  const staff = await createSupporter(page.request, {
    firstName: capitalized(uniq()),
    postalCode: '44000',
  });
  const granted = await adminPage.request.post('/api/admin/accounts', {
    data: { email: staff.email, roles: ['staff'] },
    headers: await csrfHeaders(adminPage.request),
  });
  expect(granted.status(), await granted.text()).toBe(200);
  await logIn(page.request, staff.email);
  return staff;
}

/** Picks the 15th of next month at the field's 10:00 in the date-and-time field `field` of `scope`. */
export async function chooseNextMonthsFifteenth(page: Page, scope: Locator, field: string) {
  const { label, shown } = nextMonthsFifteenth();
  await scope.getByRole('button', { name: field, exact: true }).click();
  await page.getByRole('button', { name: 'Mois suivant' }).click();
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(page.getByRole('spinbutton', { name: 'Heures' })).toHaveValue('10');
  await page.getByRole('button', { name: 'Valider la date et l’heure' }).click();
  await expect(scope.getByRole('button', { name: field, exact: true })).toContainText(
    `${shown} 10:00`,
  );
  await expect(page.getByRole('button', { name: 'Mois suivant' })).toHaveCount(0);
}

/** A figure of the newsletter's page, under its label in "Suivi de l’envoi". */
export const count = (page: Page, label: string) =>
  page
    .getByRole('region', { name: 'Suivi de l’envoi' })
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

/** A figure of an automation step's counts, under its label in "Suivi de l’étape N". */
export const stepFigure = (page: Page, step: number, label: string) =>
  page
    .getByRole('region', { name: `Étape ${step}` })
    .locator(`dl[aria-label="Suivi de l’étape ${step}"]`)
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
