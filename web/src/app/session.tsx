import type { MembershipSummary, Session, User } from '@nahbar/common';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { ApiError, api, configureApi } from './api.ts';
import { queryClient } from './query-client.ts';

export const SESSION_KEY = ['session'] as const;

export async function fetchSession(): Promise<Session | null> {
  try {
    return await api.get<Session>('/auth/session', { skipUnauthenticatedRedirect: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

configureApi({
  csrfToken: () => queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrfToken ?? null,
  // The session ended (expired, signed out elsewhere): the auth guard then sends the person to sign-in.
  onUnauthenticated: () => queryClient.setQueryData<Session | null>(SESSION_KEY, null),
});

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

export function setSession(session: Session | null): void {
  queryClient.setQueryData<Session | null>(SESSION_KEY, session);
}

export function updateSessionUser(user: User): void {
  queryClient.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in session; only inside the auth guard. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of the auth guard');
  return session;
}

/** The organisation the person works in now: the last one chosen, else the first. */
export function pickCurrentOrg(session: Session): MembershipSummary | null {
  const { organisations, user } = session;
  return organisations.find((org) => org.id === user.lastOrgId) ?? organisations[0] ?? null;
}

export function useCurrentOrg(): MembershipSummary | null {
  return pickCurrentOrg(useSession());
}
