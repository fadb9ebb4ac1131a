import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { inventoryKeys } from './keys';

type Props = Omit<SelectProps<number>, 'options'>;

/** The warehouses I may see (a handful): loaded once and filtered locally. */
export function useWarehouses() {
  return useQuery({
    queryKey: [...inventoryKeys.warehouses, 'all'],
    queryFn: () => call(api.GET('/api/inventory/warehouses', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
}

export function WarehouseSelect(props: Props & { activeOnly?: boolean }) {
  const { activeOnly, ...rest } = props;
  const warehouses = useWarehouses();
  const options = useMemo(
    () =>
      (warehouses.data?.items ?? []).filter((w) => !activeOnly || w.active).map((w) => ({ value: w.id, label: `${w.name} (${w.code})` })),
    [warehouses.data, activeOnly],
  );
  return (
    <Select {...rest} options={options} loading={warehouses.isPending} showSearch optionFilterProp="label" style={{ width: '100%' }} />
  );
}

/** Searches SKUs on the server as one types. */
export function SkuSelect(props: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q);
  const skus = useQuery({
    queryKey: ['products', 'skus', 'picker', deferred],
    queryFn: () =>
      call(api.GET('/api/products/skus', { params: { query: { keyword: deferred || undefined, status: 'active', limit: 30 } } })),
    placeholderData: (previous) => previous,
  });
  const options = useMemo(() => (skus.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` })), [skus.data]);
  return (
    <Select
      {...props}
      options={options}
      loading={skus.isFetching}
      showSearch
      filterOption={false}
      onSearch={setQ}
      placeholder={t('inventory.skuPlaceholder')}
      notFoundContent={t('common.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
