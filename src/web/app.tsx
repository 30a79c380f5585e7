import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Permission } from '../contracts/roles.ts';
import { ApiError } from './core/api.ts';
import { RequireAuth, RequirePermission } from './core/guards.tsx';
import { I18nProvider } from './core/i18n/index.tsx';
import { Shell } from './core/layout/Shell.tsx';
import { cssVariablesResolver, theme } from './core/theme.ts';
import { NotFoundPage } from './core/ui/NotFoundPage.tsx';
import { LoginLinkPage } from './features/accounts/LoginLinkPage.tsx';
import { LoginPage } from './features/accounts/LoginPage.tsx';
import { ServerPage } from './features/recruitment/ServerPage.tsx';

/** Loads a named page export on demand, so public pages stay light. */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const MePage = page(() => import('./features/accounts/MePage.tsx'), 'MePage');
const PeoplePage = page(() => import('./features/people/PeoplePage.tsx'), 'PeoplePage');
const PersonPage = page(() => import('./features/people/PersonPage.tsx'), 'PersonPage');
const SegmentsPage = page(() => import('./features/people/SegmentsPage.tsx'), 'SegmentsPage');
const ImportPage = page(() => import('./features/people/ImportPage.tsx'), 'ImportPage');
const DuplicatesPage = page(() => import('./features/people/DuplicatesPage.tsx'), 'DuplicatesPage');
const MergePage = page(() => import('./features/people/MergePage.tsx'), 'MergePage');
const CustomFieldsPage = page(
  () => import('./features/people/CustomFieldsPage.tsx'),
  'CustomFieldsPage',
);
const StatsPage = page(() => import('./features/stats/StatsPage.tsx'), 'StatsPage');
const SiteSettingsPage = page(
  () => import('./features/admin/SiteSettingsPage.tsx'),
  'SiteSettingsPage',
);
const KioskPage = page(() => import('./features/admin/KioskPage.tsx'), 'KioskPage');
const LegalSettingsPage = page(
  () => import('./features/admin/LegalSettingsPage.tsx'),
  'LegalSettingsPage',
);
const AccountsAdminPage = page(
  () => import('./features/admin/AccountsAdminPage.tsx'),
  'AccountsAdminPage',
);
const MailCatcherPage = page(
  () => import('./features/admin/MailCatcherPage.tsx'),
  'MailCatcherPage',
);
const AuditPage = page(() => import('./features/admin/AuditPage.tsx'), 'AuditPage');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

const hq: Array<{ path: string; permission: Permission; Component: ComponentType }> = [
  { path: '/hq/people', permission: 'people.read', Component: PeoplePage },
  { path: '/hq/people/:id', permission: 'people.read', Component: PersonPage },
  { path: '/hq/segments', permission: 'people.read', Component: SegmentsPage },
  { path: '/hq/import', permission: 'people.import', Component: ImportPage },
  { path: '/hq/duplicates', permission: 'people.merge', Component: DuplicatesPage },
  { path: '/hq/duplicates/:first/:second', permission: 'people.merge', Component: MergePage },
  { path: '/hq/fields', permission: 'people.fields', Component: CustomFieldsPage },
  { path: '/hq/stats', permission: 'stats.read', Component: StatsPage },
  { path: '/hq/kiosk', permission: 'signup.kiosk', Component: KioskPage },
  {
    path: '/hq/operations',
    permission: 'people.import',
    Component: page(() => import('./features/operations/OperationsPage.tsx'), 'OperationsPage'),
  },
  { path: '/admin/site', permission: 'settings.write', Component: SiteSettingsPage },
  { path: '/admin/legal', permission: 'settings.write', Component: LegalSettingsPage },
  { path: '/admin/accounts', permission: 'roles.manage', Component: AccountsAdminPage },
  { path: '/admin/mail', permission: 'mail.catcher.read', Component: MailCatcherPage },
  { path: '/admin/audit', permission: 'audit.read', Component: AuditPage },
];

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <Notifications position="top-right" />
          <BrowserRouter useTransitions={false}>
            <Routes>
              {/* Drawn by the server: reached from inside the app, they load for real. */}
              <Route path="/embed/signup" element={<ServerPage />} />
              <Route index element={<ServerPage />} />
              <Route path="/confirm" element={<ServerPage />} />
              <Route path="/mentions-legales" element={<ServerPage />} />
              <Route path="/confidentialite" element={<ServerPage />} />
              <Route element={<Shell />}>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/login/link" element={<LoginLinkPage />} />
                <Route
                  path="/me"
                  element={
                    <RequireAuth>
                      <MePage />
                    </RequireAuth>
                  }
                />
                {hq.map(({ path, permission, Component }) => (
                  <Route
                    key={path}
                    path={path}
                    element={
                      <RequirePermission permission={permission}>
                        <Component />
                      </RequirePermission>
                    }
                  />
                ))}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
