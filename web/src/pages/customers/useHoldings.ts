import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useSession } from '../../session';
import { customerKeys } from './keys';

/** CUS-12: how many accounts I hold against my holding limit. */
export function useHoldings(enabled: boolean) {
  const { user } = useSession();
  const held = useQuery({
    queryKey: customerKeys.holdings(user.id),
    queryFn: () => call(api.GET('/api/customers/accounts', { params: { query: { ownerUserId: user.id, limit: 1 } } })),
    enabled,
  });
  const settings = useQuery({
    queryKey: customerKeys.settings,
    queryFn: () => call(api.GET('/api/customers/settings')),
    enabled,
  });
  // CUS-3: the limit of my ladder level when the rules set one, else the company default.
  const s = settings.data;
  const limit = s ? ((user.ladder ? s.holdingLimits[user.ladder] : undefined) ?? s.holdingLimit) : undefined;
  return { held: held.data?.total, limit, poolDays: s?.poolDays };
}
