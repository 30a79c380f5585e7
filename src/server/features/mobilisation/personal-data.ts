import type { PersonalData } from '../../core/personal-data/registry.ts';
import { volunteerProfileSchema } from '../../../contracts/mobilisation.ts';
import { volunteerProfile } from './profile.ts';

/** What mobilisation holds about people (see core/personal-data). */
export const mobilisationPersonalData: PersonalData = {
  feature: 'mobilisation',
  processing: {
    name: 'Volunteer matching',
    purpose: 'Match volunteers to the actions near them that the campaign needs.',
    legalBasis: ['consent'],
    people: 'Volunteers who fill in their profile.',
    data: 'Availability, driving, languages, skills, preferred actions, travel distance.',
    recipients: 'Staff organising actions.',
    retention: "As long as the person's record; deleted on erasure.",
    fr: {
      name: 'Mobilisation des bénévoles',
      purpose: 'Proposer aux bénévoles les actions dont la campagne a besoin près de chez eux.',
      people: 'Bénévoles qui remplissent leur profil.',
      data: 'Disponibilités, conduite, langues, compétences, actions préférées, distance de déplacement.',
      recipients: 'Membres de l’équipe qui organisent les actions.',
      retention: 'Aussi longtemps que la fiche de la personne ; supprimées lors de son effacement.',
    },
  },
  tables: [
    {
      table: 'mobilisation_profiles',
      holds:
        'A volunteer’s profile: when they are free, whether they drive, the languages they speak, their skills, the actions they prefer and how far they travel.',
      // The kept person keeps their own profile when both have one.
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'mobilisation_actions',
      holds: 'The open actions supporters can take (turfs, sessions, shifts, events, share kits).',
      personColumns: {},
      otherIds: { ref_id: 'the turf, event or article the action is' },
      erase: { keep: 'No personal data: a copy of the campaign’s open actions.' },
    },
    {
      table: 'mobilisation_refreshes',
      holds: 'When the campaign’s open actions were last copied whole.',
      personColumns: {},
      erase: { keep: 'No personal data: one time per campaign.' },
    },
  ],
  dataFile: [
    {
      key: 'volunteerProfile',
      schema: volunteerProfileSchema.nullable(),
      async read(ctx, personId) {
        const profile = await volunteerProfile(ctx, personId);
        return profile.updatedAt === null ? null : profile;
      },
    },
  ],
};
