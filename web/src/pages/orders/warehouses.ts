import { useQuery } from '@tanstack/react-query';
import { Access, useAccess } from '../../access';
import { api, call } from '../../api/client';
import type { ResponseOf } from '../../api/types';

export type WarehouseOption = ResponseOf<'/api/inventory/warehouse-options'>['items'][number];

/** Active warehouses to ship from, by code; empty for users who may not pick one (no order entry or shipping). */
export function useWarehouseOptions(): WarehouseOption[] {
  const can = useAccess();
  const warehouses = useQuery({
    queryKey: ['inventory', 'warehouses', 'options'],
    queryFn: () => call(api.GET('/api/inventory/warehouse-options', { params: { query: { limit: 200 } } })),
    enabled: can(Access.inventoryAvailability),
    staleTime: 300_000,
  });
  return warehouses.data?.items ?? [];
}

/** Active warehouses by id for names in order, shipment and run pages. */
export function useWarehouseNames(): Map<number, string> {
  const options = useWarehouseOptions();
  return new Map(options.map((w) => [w.id, `${w.code} ${w.name}`]));
}
