import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { accountsApi } from '../../contracts/accounts-api.ts';
import type { Me, SessionInfo } from '../../contracts/accounts.ts';
import type { Permission } from '../../contracts/roles.ts';
import { pageAllows, type PageAccess } from './pages.ts';
import { call, fetchSession, setCsrfToken } from './api.ts';

export const sessionKey = ['session'] as const;

export interface SessionState {
  me: Me | null;
  loading: boolean;
  can: (permission: Permission) => boolean;
  /** Whether the logged-in person may open a page declared with this access. */
  allows: (access: PageAccess) => boolean;
}

export function useSession(): SessionState {
  const query = useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: 60_000,
    retry: 1,
  });
  const me = query.data?.me ?? null;
  const can = useCallback(
    (permission: Permission) => Boolean(me?.permissions.includes(permission)),
    [me],
  );
  const allows = useCallback(
    (access: PageAccess) => Boolean(me && pageAllows(access, me.permissions)),
    [me],
  );
  return { me, loading: query.isPending, can, allows };
}

/** Helpers to update the session after login and logout. */
export function useSessionActions() {
  const client = useQueryClient();
  const navigate = useNavigate();

  const loggedIn = useCallback(
    async (info: SessionInfo) => {
      setCsrfToken(info.csrfToken);
      client.setQueryData(sessionKey, info);
      // Anything cached belonged to the previous visitor.
      client.removeQueries({
        predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'site',
      });
      await client.invalidateQueries({ queryKey: sessionKey });
    },
    [client],
  );

  const loggedOut = useCallback(async () => {
    setCsrfToken(null);
    client.setQueryData<SessionInfo>(sessionKey, (old) => (old ? { ...old, me: null } : old));
    client.removeQueries({
      predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'site',
    });
    await client.invalidateQueries({ queryKey: sessionKey });
  }, [client]);

  /** Logs out, leaves for `to` (before the session clears, so guarded pages do not bounce to /login). */
  const logout = useCallback(
    async (everywhere = false, to = '/', state?: unknown) => {
      try {
        await call(everywhere ? accountsApi.logoutEverywhere : accountsApi.logout);
      } finally {
        await navigate(to, { state });
        await loggedOut();
      }
    },
    [loggedOut, navigate],
  );

  /** After the account is gone: leave the page first, then forget the session. */
  const leave = useCallback(
    async (to: string, state?: unknown) => {
      await navigate(to, { state });
      await loggedOut();
    },
    [loggedOut, navigate],
  );

  return { loggedIn, loggedOut, logout, leave };
}
