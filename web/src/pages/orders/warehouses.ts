import { useQuery } from '@tanstack/react-query';
import { Access, useAccess } from '../../access';
import { api, call } from '../../api/client';

/** Active warehouses by id for names in shipment and run forms; empty for users without inventory reading. */
export function useWarehouseNames(): Map<number, string> {
  const can = useAccess();
  const warehouses = useQuery({
    queryKey: ['inventory', 'warehouses', 'names'],
    queryFn: () => call(api.GET('/api/inventory/warehouses', { params: { query: { active: true, limit: 100 } } })),
    enabled: can(Access.inventoryRead),
    staleTime: 300_000,
  });
  return new Map((warehouses.data?.items ?? []).map((w) => [w.id, `${w.code} ${w.name}`]));
}
