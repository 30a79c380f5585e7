import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldForSearch } from '../../../contracts/fold.ts';

const isItem = (option: ComboboxParsedItem): option is ComboboxItem => 'value' in option;

/**
 * A select's options filtered as people search: accents, case and punctuation ignored,
 * every typed word anywhere in the label ("rhone" finds "69 · Rhône", "cote dor" "Côte-d'Or").
 * Mantine's default filter compares the raw lower-cased text, so "reunion" found nothing.
 */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const words = foldForSearch(search).split(' ').filter(Boolean);
  if (words.length === 0) return options;
  return options.filter((option) => {
    if (!isItem(option)) return false;
    const label = foldForSearch(option.label);
    return words.every((word) => label.includes(word));
  });
};
