import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { forwardRef, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { EntrySku } from './lines';

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

type SelectRef = React.ComponentRef<typeof Select>;

/** Active SKUs searched on the server by code, spec, barcode or product name as one types. */
export const SkuSelect = forwardRef<
  SelectRef,
  { value?: EntrySku; onPick(sku: EntrySku | undefined): void; exclude: number[]; status?: 'error' }
>(function SkuSelect({ value, onPick, exclude, status }, ref) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const keyword = useDebounced(q.trim(), 250);
  const found = useQuery({
    queryKey: ['products', 'skus', 'entry', keyword],
    queryFn: () =>
      call(api.GET('/api/products/skus', { params: { query: { keyword: keyword || undefined, status: 'active', limit: 20 } } })),
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
  const items = useMemo(() => {
    const list = (found.data?.items ?? []).filter((s) => s.id === value?.id || !exclude.includes(s.id));
    return value && !list.some((s) => s.id === value.id) ? [value, ...list] : list;
  }, [found.data, value, exclude]);
  return (
    <Select<number>
      ref={ref}
      value={value?.id}
      showSearch
      filterOption={false}
      onSearch={setQ}
      defaultActiveFirstOption
      loading={found.isFetching}
      status={status}
      placeholder={t('orderEntry.skuPlaceholder')}
      notFoundContent={t('common.noMatch')}
      popupMatchSelectWidth={420}
      style={{ width: '100%' }}
      options={items.map((s) => ({ value: s.id, label: `${s.code} ${s.productName} ${s.name}` }))}
      onChange={(id) => onPick(items.find((s) => s.id === id))}
    />
  );
});
