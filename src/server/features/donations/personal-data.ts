import type { PersonalData } from '../../core/personal-data/registry.ts';

/** What donations hold about people (see core/personal-data). */
export const donationsPersonalData: PersonalData = {
  feature: 'donations',
  tables: [
    {
      table: 'donations',
      holds:
        'Gifts a person made: amount, means, state, the period the law counts them in, and where they came from.',
      // Merged donors share one cap: their gifts are one person's.
      personColumns: { person_id: 'move' },
      erase: {
        keep: 'Donation records are part of the campaign account the law requires (Code électoral L52-12) and of the tax receipts issued; they are kept when a donor erases their account.',
      },
    },
  ],
  purges: [],
  dataFile: [],
};
