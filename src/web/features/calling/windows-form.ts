import type { CallingWindows } from '../../../contracts/calling.ts';
import type { FormErrors } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';

export interface TimeRange {
  from: string;
  to: string;
}

/**
 * Calling windows as WindowsFields edits them, in the broadcast and the bank editors alike:
 * the days, each range as a pair of time inputs, the public holidays.
 */
export interface WindowsValues {
  weekdays: number[];
  windows: TimeRange[];
  closedOnPublicHolidays: boolean;
}

/** At most this many time ranges a day (the contract's limit). */
export const MAX_RANGES = 4;

/** The editor's values of the contract's windows. */
export function windowsValues(windows: CallingWindows): WindowsValues {
  return {
    weekdays: [...windows.weekdays],
    windows: windows.windows.map(([from, to]) => ({ from: from!, to: to! })),
    closedOnPublicHolidays: windows.closedOnPublicHolidays,
  };
}

/** The windows as the contract takes them, the days in order. */
export function windowsRequest(values: WindowsValues): CallingWindows {
  return {
    weekdays: [...values.weekdays].sort((a, b) => a - b),
    windows: values.windows.map(({ from, to }) => [from, to]),
    closedOnPublicHolidays: values.closedOnPublicHolidays,
  };
}

/** A time as the contract takes it (the schema says which ones are not). */
const CLOCK = /^\d\d:\d\d$/;

/**
 * What the schema says of the windows as a whole, said under the range it is about: a range
 * ending before it starts. Adds to the errors found so far.
 */
export function addRangeErrors(errors: FormErrors, values: WindowsValues, t: Translate): void {
  values.windows.forEach(({ from, to }, i) => {
    if (CLOCK.test(from) && CLOCK.test(to) && from >= to)
      errors[`windows.${i}.to`] ??= t('error.not_after_from');
  });
  // The range's own error says it; the whole list's would repeat it.
  if (errors.windows && Object.keys(errors).some((key) => key.startsWith('windows.')))
    delete errors.windows;
}
