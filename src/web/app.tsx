import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './core/api.ts';
import { RequireAccess } from './core/guards.tsx';
import { I18nProvider } from './core/i18n/index.tsx';
import { Shell } from './core/layout/Shell.tsx';
import { cssVariablesResolver, theme } from './core/theme.ts';
import { NotFoundPage } from './core/ui/NotFoundPage.tsx';
import { LoginLinkPage } from './features/accounts/LoginLinkPage.tsx';
import { LoginPage } from './features/accounts/LoginPage.tsx';
import { ServerPage } from './features/recruitment/ServerPage.tsx';
import { serverPagePaths } from './features/recruitment/server-pages.ts';
import { navPages, pages } from './pages.ts';
import { dictionaries } from './messages.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider dictionaries={dictionaries}>
          <Notifications position="top-right" />
          <BrowserRouter useTransitions={false}>
            <Routes>
              {/* Drawn by the server: reached from inside the app, they load for real. */}
              <Route index element={<ServerPage />} />
              {serverPagePaths.map((path) => (
                <Route key={path} path={path} element={<ServerPage />} />
              ))}
              <Route element={<Shell navPages={navPages} />}>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/login/link" element={<LoginLinkPage />} />
                {pages.map(({ path, access, Component }) => (
                  <Route
                    key={path}
                    path={path}
                    element={
                      <RequireAccess access={access}>
                        <Component />
                      </RequireAccess>
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
