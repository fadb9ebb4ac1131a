import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';

/** Query keys shared by pages that read and change the same data. */
export const keys = {
  home: ['home'],
  departments: ['departments'],
  positions: ['positions'],
  geographies: ['geographies'],
  permissions: ['permissions'],
  authority: ['authority'],
  users: ['users'],
  policies: ['policies'],
  audit: ['audit'],
  tokens: ['tokens'],
  approvals: ['approvals'],
  approvalTypes: ['approval-types'],
  expenses: ['expenses'],
} as const;

export function useDepartments() {
  return useQuery({ queryKey: keys.departments, queryFn: () => call(api.GET('/api/org/departments')) });
}

export function usePositions(departmentId?: number) {
  return useQuery({
    queryKey: [...keys.positions, departmentId ?? 'all'],
    queryFn: () => call(api.GET('/api/org/positions', { params: { query: departmentId ? { departmentId } : {} } })),
  });
}

export function useGeographies() {
  return useQuery({ queryKey: keys.geographies, queryFn: () => call(api.GET('/api/org/geographies')) });
}

export function usePermissionCatalog() {
  return useQuery({ queryKey: keys.permissions, queryFn: () => call(api.GET('/api/permissions')), staleTime: Number.POSITIVE_INFINITY });
}
