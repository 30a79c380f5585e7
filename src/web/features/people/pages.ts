import {
  IconAddressBook,
  IconCopy,
  IconFileImport,
  IconFilter,
  IconForms,
} from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const peoplePages: PageDefinition[] = [
  {
    path: '/hq/people',
    access: { permission: 'people.read' },
    Component: lazyPage(() => import('./PeoplePage.tsx'), 'PeoplePage'),
    nav: { label: 'nav.people', icon: IconAddressBook, group: 'hq' },
  },
  {
    path: '/hq/people/:id',
    access: { permission: 'people.read' },
    Component: lazyPage(() => import('./PersonPage.tsx'), 'PersonPage'),
  },
  {
    path: '/hq/segments',
    access: { permission: 'people.read' },
    Component: lazyPage(() => import('./SegmentsPage.tsx'), 'SegmentsPage'),
    nav: { label: 'nav.segments', icon: IconFilter, group: 'hq' },
  },
  {
    path: '/hq/import',
    access: { permission: 'people.import' },
    Component: lazyPage(() => import('./ImportPage.tsx'), 'ImportPage'),
    nav: { label: 'nav.import', icon: IconFileImport, group: 'hq' },
  },
  {
    path: '/hq/duplicates',
    access: { permission: 'people.merge' },
    Component: lazyPage(() => import('./DuplicatesPage.tsx'), 'DuplicatesPage'),
    nav: { label: 'nav.duplicates', icon: IconCopy, group: 'hq' },
  },
  {
    path: '/hq/duplicates/:first/:second',
    access: { permission: 'people.merge' },
    Component: lazyPage(() => import('./MergePage.tsx'), 'MergePage'),
  },
  {
    path: '/hq/fields',
    access: { permission: 'people.fields' },
    Component: lazyPage(() => import('./CustomFieldsPage.tsx'), 'CustomFieldsPage'),
    nav: { label: 'nav.fields', icon: IconForms, group: 'hq' },
  },
];
