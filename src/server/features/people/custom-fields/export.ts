import type { CustomValue } from '../../../../contracts/custom-fields.ts';
import type { ExportFormat } from '../../../../contracts/people.ts';
import type { AppContext } from '../../../core/context.ts';
import { listCustomFields } from './definitions.ts';
import { personValuesOf } from './values.ts';

/**
 * The export's custom field columns, after the standard ones: the key as header and raw
 * values in the machine format; the French label, French numbers (1,5), jj/mm/aaaa dates and
 * choice labels in the Excel format.
 */
export async function customFieldExportColumns(ctx: AppContext, format: ExportFormat) {
  const fields = await listCustomFields(ctx);
  const excel = format !== 'csv';
  const show = (field: (typeof fields)[number], value: CustomValue | undefined): string | null => {
    if (value === null || value === undefined) return null;
    if (!excel) return String(value);
    if (field.type === 'number') return String(value).replace('.', ',');
    if (field.type === 'date') return String(value).split('-').reverse().join('/');
    if (field.type === 'choice')
      return field.options.find((o) => o.value === value)?.labelFr ?? String(value);
    return String(value);
  };
  return {
    headers: fields.map((f) => (excel ? f.labelFr : f.key)),
    /** The cells of a batch's people, by person id. */
    async cellsFor(personIds: number[]): Promise<(id: number) => Array<string | null>> {
      if (fields.length === 0) return () => [];
      const values = await personValuesOf(ctx, personIds);
      return (id) => fields.map((f) => show(f, values.get(id)?.[f.key]));
    },
  };
}
