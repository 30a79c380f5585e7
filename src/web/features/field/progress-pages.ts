import { lazyPage, type PageDefinition } from '../../core/pages.ts';

const access = { permission: 'field.manage' } as const;

/**
 * The field feature's questionnaire builder and progress dashboard: reached from the
 * door-to-door overview (/hq/field), so none of them is a menu entry of its own.
 */
export const progressPages: PageDefinition[] = [
  {
    path: '/hq/field/questionnaires',
    access,
    Component: lazyPage(() => import('./QuestionnairesPage.tsx'), 'QuestionnairesPage'),
  },
  {
    path: '/hq/field/questionnaires/new',
    access,
    Component: lazyPage(() => import('./QuestionnaireEditPage.tsx'), 'NewQuestionnairePage'),
  },
  {
    path: '/hq/field/questionnaires/:id',
    access,
    Component: lazyPage(() => import('./QuestionnaireEditPage.tsx'), 'QuestionnaireEditPage'),
  },
  {
    path: '/hq/field/progress',
    access,
    Component: lazyPage(() => import('./ProgressPage.tsx'), 'ProgressPage'),
  },
];
