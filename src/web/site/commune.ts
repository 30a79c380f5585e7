// Types only: this small script carries no zod (the server checks what it sends).
import type { geoApi } from '../../contracts/geo-api.ts';
import type { Commune } from '../../contracts/geo.ts';
import type { ResponseOf } from '../../contracts/route.ts';
import { t } from './messages.ts';
import { setFieldError } from './fields.ts';

/** The route's path, checked against its contract. */
const postalCodeRoute: (typeof geoApi.postalCode)['path'] = '/api/geo/postal-codes/:code';

/** What a postal code resolves to: its communes, or null for an unknown code. */
const lookups = new Map<string, Promise<Commune[] | null>>();

function lookup(code: string): Promise<Commune[] | null> {
  let found = lookups.get(code);
  if (!found) {
    found = fetch(postalCodeRoute.replace(':code', encodeURIComponent(code))).then(
      async (response) => {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(`postal code lookup: ${response.status}`);
        return ((await response.json()) as ResponseOf<typeof geoApi.postalCode>).communes;
      },
    );
    // A failed lookup (offline) is tried again next time.
    found.catch(() => lookups.delete(code));
    lookups.set(code, found);
  }
  return found;
}

/**
 * Keeps the commune in step with the postal code as it is typed: one commune is named, several
 * ask for a choice, an unknown code is flagged on the field at once.
 */
export class CommunePicker {
  /** Communes of the complete postal code; null while unknown or incomplete. */
  communes: Commune[] | null = null;
  unknown = false;
  private asked = '';

  constructor(
    private readonly form: HTMLFormElement,
    private readonly postalCode: HTMLInputElement,
    private readonly slot: HTMLElement,
  ) {
    postalCode.addEventListener('input', () => void this.update());
    if (postalCode.value) void this.update();
  }

  private idPrefix() {
    return this.postalCode.id.replace(/postalCode$/, '');
  }

  async update() {
    const code = this.postalCode.value.replace(/\s/g, '');
    this.asked = code;
    if (!/^\d{5}$/.test(code)) {
      this.communes = null;
      if (this.unknown) setFieldError(this.form, 'postalCode', null);
      this.unknown = false;
      this.render([]);
      return;
    }
    let communes: Commune[] | null;
    try {
      communes = await lookup(code);
    } catch {
      return; // offline: the server checks the code when the form is sent
    }
    if (this.asked !== code) return; // typed on meanwhile
    this.unknown = communes === null;
    this.communes = communes;
    setFieldError(this.form, 'postalCode', this.unknown ? 'unknown_postal_code' : null);
    this.render(communes ?? []);
  }

  /** The chosen commune's code ('' when a choice is still to make). */
  value(): string {
    const field = this.slot.querySelector<HTMLInputElement | HTMLSelectElement>(
      '[name="communeCode"]',
    );
    return field?.value ?? '';
  }

  get needsChoice() {
    return (this.communes?.length ?? 0) > 1;
  }

  private render(communes: Commune[]) {
    const chosen = this.value();
    this.slot.replaceChildren();
    if (communes.length === 1) {
      const name = document.createElement('p');
      name.className = 'commune-found';
      name.textContent = t('geo.communeIs', { name: communes[0].name });
      const hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'communeCode';
      hidden.value = communes[0].code;
      this.slot.append(name, hidden);
    } else if (communes.length > 1) {
      const id = `${this.idPrefix()}communeCode`;
      const field = document.createElement('div');
      field.className = 'field';
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = t('geo.commune');
      const select = document.createElement('select');
      select.id = id;
      select.name = 'communeCode';
      select.required = true;
      const placeholder = new Option(t('geo.chooseCommune'), '');
      select.append(placeholder, ...communes.map((c) => new Option(c.name, c.code)));
      select.value = communes.some((c) => c.code === chosen) ? chosen : '';
      select.addEventListener('change', () => setFieldError(this.form, 'communeCode', null));
      const error = document.createElement('p');
      error.className = 'field-error';
      error.id = `${id}-error`;
      error.hidden = true;
      field.append(label, select, error);
      this.slot.append(field);
    }
  }
}
