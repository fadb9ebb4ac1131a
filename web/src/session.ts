import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, call } from './api/client';
import type { Me } from './api/types';

export const meKey = ['me'] as const;

/** Who is signed in; a 401 here means nobody, which the shell turns into the login page. */
export function useMeQuery() {
  return useQuery({ queryKey: meKey, queryFn: () => call(api.GET('/api/auth/me')), retry: false, staleTime: 5 * 60_000 });
}

export const SessionContext = createContext<Me | null>(null);

/** The signed-in user inside the shell, where it is always known. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside the signed-in shell');
  return me;
}
