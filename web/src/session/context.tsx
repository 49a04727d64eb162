import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { onUnauthenticated } from '../api/client.ts';
import { logout as deleteSession, fetchMe, login as postLogin } from '../api/session.ts';
import type { Session } from '../api/types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signedIn'; session: Session };

export interface SessionApi {
  state: SessionState;
  /** Logs in and loads the user's unit; rejects with the server's ApiError. */
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Knows who is signed in: asks /api/me at start, and drops to the login page on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    fetchMe()
      .then((session) => !cancelled && setState({ status: 'signedIn', session }))
      .catch(() => !cancelled && setState({ status: 'anonymous' }));
    const unsubscribe = onUnauthenticated(() => setState({ status: 'anonymous' }));
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    await postLogin(username, password);
    setState({ status: 'signedIn', session: await fetchMe() });
  }, []);

  const logout = useCallback(async () => {
    try {
      await deleteSession();
    } finally {
      setState({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session and the login/logout actions. */
export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session; only for components rendered after login. */
export function useSignedIn(): Session {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSignedIn needs a signed-in session');
  return state.session;
}
