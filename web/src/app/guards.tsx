import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../components/full-page-loader.tsx';
import { api } from './api.ts';
import { applyLanguage, currentLanguage } from './i18n.ts';
import { SessionProvider, useSessionQuery } from './session.tsx';

export const SIGN_IN_PATH = '/anmelden';
export const SETUP_PATH = '/einrichtung';

/** Only accept local paths as a return target, never another origin. */
export function safeReturnPath(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** A fresh instance has no organisation and no owner yet: everything leads to the setup page. */
export function SetupGate() {
  const location = useLocation();
  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: () => api.get<{ needed: boolean }>('/setup'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (setup.isPending) return <FullPageLoader />;
  const needed = setup.data?.needed === true;
  if (needed && location.pathname !== SETUP_PATH) return <Navigate to={SETUP_PATH} replace />;
  if (!needed && location.pathname === SETUP_PATH) return <Navigate to="/" replace />;
  return <Outlet />;
}

export function RequireAuth() {
  const location = useLocation();
  const session = useSessionQuery();
  const language = session.data?.user.language;

  useEffect(() => {
    if (language && language !== currentLanguage()) void applyLanguage(language);
  }, [language]);

  if (session.isPending) return <FullPageLoader />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?weiter=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return (
    <SessionProvider session={session.data}>
      <Outlet />
    </SessionProvider>
  );
}

/** Sign-in and forgot-password make no sense when signed in already. */
export function PublicOnly() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.data) {
    const next = new URLSearchParams(location.search).get('weiter');
    return <Navigate to={safeReturnPath(next)} replace />;
  }
  return <Outlet />;
}
