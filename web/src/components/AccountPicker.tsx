import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';

/** Settles a value typed quickly, so the account list is asked once a pause, not once a key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Picks one account within my data scope by name, code or mobile (searched on the server as one types).
 * `label` names a chosen account that is not among the results (e.g. when a saved form opens).
 */
export function AccountPicker(props: {
  value?: number;
  onChange?(id?: number): void;
  label?: string;
  placeholder?: string;
  disabled?: boolean;
}) {
  const { value, onChange, label, placeholder, disabled } = props;
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const accounts = useQuery({
    queryKey: ['customers', 'accounts', 'picker', query],
    queryFn: () => call(api.GET('/api/customers/accounts', { params: { query: { q: query || undefined, limit: 20, sort: 'name' } } })),
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
  const [picked, setPicked] = useState<{ value: number; label: string } | null>(null);
  const options = useMemo(() => {
    const found = (accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));
    const known = picked && picked.value === value ? picked : value !== undefined ? { value, label: label ?? `#${value}` } : null;
    return known && !found.some((o) => o.value === known.value) ? [known, ...found] : found;
  }, [accounts.data, value, label, picked]);
  return (
    <Select<number>
      value={value}
      onChange={(id, option) => {
        const one = Array.isArray(option) ? option[0] : option;
        setPicked(id === undefined || !one ? null : { value: id, label: String(one.label) });
        onChange?.(id ?? undefined);
      }}
      options={options}
      loading={accounts.isFetching}
      allowClear
      showSearch
      filterOption={false}
      onSearch={setQ}
      placeholder={placeholder ?? t('customers.picker.placeholder')}
      notFoundContent={t('common.noMatch')}
      disabled={disabled}
      style={{ width: '100%' }}
    />
  );
}
