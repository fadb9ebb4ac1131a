import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** Query keys of the lead pages; a lead change refreshes the board, the list, the funnel and the call results. */
export const leadKeys = {
  all: ['leads'],
  detail: (id: number) => ['leads', 'detail', id],
  teams: ['lead-teams'],
  callPlans: ['call-plans'],
} as const;

/** Every lead team, for pickers and filters (a company has a handful). */
export function useLeadTeams() {
  return useQuery({
    queryKey: [...leadKeys.teams, 'options'],
    queryFn: () => call(api.GET('/api/customers/lead-teams', { params: { query: { limit: 100 } } })),
    staleTime: 60_000,
  });
}
