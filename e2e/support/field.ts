// Door-to-door set up through the API, as staff would through HQ: a commune of the spec's own
// with its BAN addresses, an area of it cut into one turf, a questionnaire, a turf given to a
// volunteer. The campaign is shared with specs running in parallel: names and communes are
// unique per run, and nothing here assumes an empty list.
import {
  devices,
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type Locator,
  type Page,
} from '@playwright/test';
import { createSupporter, csrfHeaders, expect, logIn } from './fixtures.ts';

const BAN_HEADER =
  'id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles';

/**
 * A made-up INSEE code, so an area of that commune holds only this run's addresses: Corsica's
 * communes stop at 2A362 and 2B366, the other specs draw theirs among 90000–99999 and the
 * demo's are real ones.
 */
export const madeUpCommuneCode = () =>
  `2${Math.random() < 0.5 ? 'A' : 'B'}${400 + Math.floor(Math.random() * 600)}`;

/** `count` BAN addresses numbered 1…count along one street of that commune. */
export function banFile(code: string, commune: string, street: string, count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const id = `${code}_b001_${String(n).padStart(5, '0')}`;
    const lon = (4.9 + n * 0.0002).toFixed(6);
    const lat = (46.15 + n * 0.0001).toFixed(6);
    return `${id};${code}_b001;${n};;${street};01400;${code};${commune};;;;;${lon};${lat};entrée;;;;;;;;`;
  });
  return [BAN_HEADER, ...rows].join('\n') + '\n';
}

/** The body of a successful answer, or a failure that says what the server answered. */
export async function json<T>(response: APIResponse): Promise<T> {
  expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as T;
}

export interface WalkAddress {
  id: number;
  number: number;
  street: string;
}

export interface TurfWithAddresses {
  area: { id: number; name: string };
  turf: { id: number; name: string };
  /** In walk order. */
  addresses: WalkAddress[];
}

/**
 * Imports `count` addresses of a new commune, makes an area of it and cuts it into one turf
 * (bounds around `count`): the area, the turf and its addresses in walk order.
 */
export async function turfOfNewCommune(
  request: APIRequestContext,
  names: { area: string; commune: string; street: string },
  count: number,
): Promise<TurfWithAddresses> {
  const headers = await csrfHeaders(request);
  const code = madeUpCommuneCode();
  const started = await json<{ id: number }>(
    await request.post('/api/field/imports', {
      headers,
      multipart: {
        kind: 'addresses',
        label: '',
        file: {
          name: `adresses-${code}.csv`,
          mimeType: 'text/csv',
          buffer: Buffer.from(banFile(code, names.commune, names.street, count)),
        },
      },
    }),
  );
  await expect
    .poll(
      async () =>
        (await json<{ status: string }>(await request.get(`/api/field/imports/${started.id}`)))
          .status,
      { timeout: 30_000 },
    )
    .toBe('succeeded');
  return communeIntoOneTurf(request, names.area, code, count);
}

/**
 * Makes an area of a commune whose `count` addresses are imported, and cuts it into one turf
 * (bounds around `count`): the area, the turf and its addresses in walk order.
 */
export async function communeIntoOneTurf(
  request: APIRequestContext,
  areaName: string,
  code: string,
  count: number,
): Promise<TurfWithAddresses> {
  const headers = await csrfHeaders(request);
  const area = await json<{ id: number; name: string; addressCount: number }>(
    await request.post('/api/field/areas', {
      headers,
      data: { kind: 'communes', name: areaName, communes: [code] },
    }),
  );
  expect(area.addressCount, `commune ${code} holds only this run's addresses`).toBe(count);
  const { items } = await json<{ items: Array<{ id: number; name: string }> }>(
    await request.post(`/api/field/areas/${area.id}/turfs`, {
      headers,
      data: { minSize: count - 2, maxSize: count + 2 },
    }),
  );
  expect(items).toHaveLength(1);
  const walk = await json<{ addresses: WalkAddress[] }>(
    await request.get(`/api/field/turfs/${items[0].id}/walk-list`),
  );
  expect(walk.addresses).toHaveLength(count);
  return { area, turf: items[0], addresses: walk.addresses };
}

/**
 * Sends one file from the door-to-door overview's form as a person would (kind, then what
 * `fill` types, then the file picker), and answers the import's report once it is read.
 */
export async function importThroughForm(
  page: Page,
  kind: RegExp,
  file: { name: string; buffer: Buffer },
  fill?: (form: Locator) => Promise<void>,
): Promise<Locator> {
  const form = page.getByRole('region', { name: 'Importer un fichier' });
  await form.getByRole('radio', { name: kind }).check();
  await fill?.(form);
  const choosing = page.waitForEvent('filechooser');
  await form.getByRole('button', { name: 'Fichier', exact: true }).click();
  await (await choosing).setFiles({ ...file, mimeType: 'text/csv' });
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith('/api/field/imports') && r.request().method() === 'POST',
    ),
    form.getByRole('button', { name: 'Importer', exact: true }).click(),
  ]);
  expect(response.status(), await response.text()).toBe(202);
  const { id } = (await response.json()) as { id: number };
  const report = page.getByTestId(`field-import-${id}`);
  // Read in the background: the list follows it until it ends.
  await expect(report.getByText('Terminé', { exact: true })).toBeVisible({ timeout: 30_000 });
  return report;
}

/** One count of an import's report, by its label ("Électeurs enregistrés"). */
export const reportCount = (report: Locator, label: string): Locator =>
  report
    .locator('dl > div')
    .filter({ has: report.page().getByRole('term').getByText(label, { exact: true }) })
    .getByRole('definition');

const ELECTORAL_LIST_HEADER =
  'TypeListe;InfoListe;DateCreationListe;CodeDepartement;CodeCommune;NomCommune;NoElecteurGeneral;Sexe;NomdeNaissance;NomDusage;Prenoms;DateDeNaissance;NomComNaissance;DeptNaissance;PaysNaissance;Nationalite;NomBureauDeVote;NoBureauDeVote;CodeCanton;CodeCirconscription;ComplementDeLocalisation1;ComplementDeLocalisation2;NumeroVoie;TypeVoie;LibelleVoie;LieuDit;CodePostal;VilleLocalite;Pays';

export interface ListedElector {
  sex: 'F' | 'M';
  birthName: string;
  usageName?: string;
  givenNames: string;
  /** The number on the door, "3" or "3 BIS". */
  number: string;
  /** As the commune types it: "RTE", "DE CLEMENCIAT". */
  streetType: string;
  streetName: string;
}

/**
 * A commune's electoral list as a candidate obtains it (Code électoral L37, the 2013 official
 * layout: `;`, one elector a line), all at polling station 1 of commune `code` ("2A450").
 */
export function electoralListFile(code: string, commune: string, electors: ListedElector[]) {
  const rows = electors.map((e, i) =>
    [
      'LG',
      'LE',
      '01/09/2026',
      code.slice(0, 2),
      code.slice(2),
      commune.toUpperCase(),
      String(i + 1),
      e.sex,
      e.birthName,
      e.usageName ?? '',
      e.givenNames,
      '12/03/1970',
      'AJACCIO',
      '2A',
      'FRANCE',
      '',
      'Mairie',
      '1',
      '',
      '1',
      '',
      '',
      e.number,
      e.streetType,
      e.streetName,
      '',
      '20000',
      commune.toUpperCase(),
      'FRANCE',
    ].join(';'),
  );
  return [ELECTORAL_LIST_HEADER, ...rows].join('\r\n') + '\r\n';
}

export interface QuestionnaireDefinition {
  consentText: string;
  opinionConsentText: string;
  questions: Array<{
    id: string;
    label: string;
    kind: 'single' | 'multiple' | 'text' | 'scale' | 'support';
    required?: boolean;
    showIf?: unknown;
    options?: Array<{ id: string; label: string }>;
  }>;
  contactCapture: {
    enabled: boolean;
    askEmail: boolean;
    askPhone: boolean;
    consentTexts: { email: string; phone: string };
  };
}

export interface QuestionnaireVersion {
  id: number;
  questionnaireId: number;
  version: number;
  definition: QuestionnaireDefinition;
}

/** A questionnaire that takes a resident's name and email (with its consent), active. */
export async function contactQuestionnaire(
  request: APIRequestContext,
  name: string,
): Promise<{ id: number; current: QuestionnaireVersion; archive: () => Promise<void> }> {
  const body = {
    name,
    definition: {
      consentText: 'Vos réponses aident la campagne ; vos coordonnées ne servent qu’à elle.',
      opinionConsentText: 'J’accepte que ma position soit gardée avec mon nom.',
      questions: [
        {
          id: 'concern',
          label: `Votre préoccupation (${name}) ?`,
          kind: 'single',
          options: [
            { id: 'housing', label: 'Logement' },
            { id: 'transport', label: 'Transports' },
          ],
        },
        { id: 'support', label: 'Votre soutien ?', kind: 'support' },
      ],
      contactCapture: {
        enabled: true,
        askEmail: true,
        askPhone: false,
        consentTexts: { email: 'J’accepte de recevoir les nouvelles de la campagne par e-mail.' },
      },
    },
  };
  const created = await json<{ id: number; current: QuestionnaireVersion }>(
    await request.post('/api/field/questionnaires', {
      headers: await csrfHeaders(request),
      data: body,
    }),
  );
  return {
    ...created,
    async archive() {
      await json(
        await request.put(`/api/field/questionnaires/${created.id}`, {
          headers: await csrfHeaders(request),
          data: { ...body, archived: true },
        }),
      );
    },
  };
}

/** The id of the one person who holds this email (HQ's people search). */
export async function personIdByEmail(request: APIRequestContext, email: string): Promise<number> {
  const { items } = await json<{ items: Array<{ id: number; email: string | null }> }>(
    await request.get(`/api/people?q=${encodeURIComponent(email)}`),
  );
  const found = items.filter((p) => p.email?.toLowerCase() === email.toLowerCase());
  expect(found, `one person holds ${email}`).toHaveLength(1);
  return found[0].id;
}

/** Gives the turf to these volunteers (replaces its list). */
export async function giveTurf(
  request: APIRequestContext,
  turfId: number,
  volunteerIds: number[],
): Promise<void> {
  await json(
    await request.patch(`/api/field/turfs/${turfId}`, {
      headers: await csrfHeaders(request),
      data: { volunteerIds },
    }),
  );
}

/** Gives the turf to a committee (HQ's choice; its organisers then hand it to members). */
export async function giveTurfToCommittee(
  request: APIRequestContext,
  turfId: number,
  committeeId: number,
): Promise<void> {
  await json(
    await request.patch(`/api/field/turfs/${turfId}`, {
      headers: await csrfHeaders(request),
      data: { committeeId },
    }),
  );
}

// The canvassing app (/canvass/) on a phone.

/** A 390 × 844 phone; no permission granted, so the app is refused the position. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent: devices['Pixel 7'].userAgent,
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
} as const;

/** A phone's browser with a new supporter logged in on it. */
export async function volunteerPhone(
  browser: Browser,
  baseURL: string | undefined,
  firstName: string,
) {
  const context = await browser.newContext({ ...PHONE, baseURL });
  const person = await createSupporter(context.request, { firstName });
  await logIn(context.request, person.email);
  return { context, person, page: await context.newPage() };
}

/**
 * Opens the app and waits until its service worker controls the page (precache done): the
 * first visit is not controlled yet, as the worker does not claim open pages; a reload is.
 */
export async function openAppControlled(page: Page): Promise<void> {
  await page.goto('/canvass/');
  await expect(page.getByRole('heading', { name: 'Mes secteurs', level: 1 })).toBeVisible();
  const controlled = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  if (!controlled) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Every row of one store of the app's IndexedDB (Dexie's `levier-canvass`). */
export async function storedRows<T>(page: Page, store: 'outbox' | 'packs'): Promise<T[]> {
  const rows = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('levier-canvass');
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error ?? new Error('indexedDB.open'));
    });
    try {
      return await new Promise<unknown[]>((resolve, reject) => {
        const reading = db.transaction(name).objectStore(name).getAll();
        reading.onsuccess = () => resolve(reading.result);
        reading.onerror = () => reject(reading.error ?? new Error('getAll'));
      });
    } finally {
      db.close();
    }
  }, store);
  // The app's own rows (src/web/canvass/db.ts): the caller names their shape.
  return rows as T[];
}

export const addressLabel = (address: WalkAddress) => `${address.number} ${address.street}`;

export function addressButton(page: Page, address: WalkAddress) {
  return page.getByRole('list').getByRole('button', { name: addressLabel(address), exact: true });
}

/** Knocks at a door: the address sheet, an outcome, saved; back on the walk list. */
export async function recordKnock(
  page: Page,
  turfName: string,
  address: WalkAddress,
  outcome: string,
  state = 'à envoyer',
) {
  await addressButton(page, address).tap();
  await expect(
    page.getByRole('heading', { name: addressLabel(address), level: 1, exact: true }),
  ).toBeVisible();
  await page.getByRole('radio', { name: outcome, exact: true }).check();
  await page.getByRole('button', { name: 'Enregistrer la visite' }).tap();
  await expect(page.getByRole('heading', { name: turfName, level: 1 })).toBeVisible();
  await expect(addressButton(page, address)).toHaveAccessibleDescription(
    state ? `${outcome} · ${state}` : outcome,
  );
}

/** The line that says how many visits wait on the phone, always in view. */
export const outboxLine = (page: Page) =>
  page.getByRole('region', { name: 'Envoi des visites' }).getByRole('status');

/** The walk-list screen's heading, once the turf opened. */
export const walkHeading = (page: Page, turfName: string) =>
  page.getByRole('heading', { name: turfName, level: 1 });
