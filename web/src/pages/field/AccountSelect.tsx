import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';

interface AccountSelectProps extends Omit<SelectProps<number>, 'options' | 'onSearch' | 'filterOption'> {
  /** Labels a value that is not among the search results (an account already chosen elsewhere). */
  current?: { id: number; name: string } | null;
}

/** Waits until typing pauses, so a search goes out once per word rather than once per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Searches the accounts I can see on the server (name, code, mobile) as I type. */
export function AccountSelect({ current, ...rest }: AccountSelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const settled = useDebounced(q.trim(), 300);
  const accounts = useQuery({
    queryKey: ['field', 'account-select', settled],
    queryFn: () => call(api.GET('/api/customers/accounts', { params: { query: { q: settled || undefined, limit: 20 } } })),
    placeholderData: (previous) => previous,
  });
  const options = useMemo(() => {
    const found = (accounts.data?.items ?? []).map((a) => ({
      value: a.id,
      label: `${a.name} · ${a.code}${a.grade ? ` · ${a.grade}` : ''}`,
    }));
    return current && !found.some((o) => o.value === current.id) ? [{ value: current.id, label: current.name }, ...found] : found;
  }, [accounts.data, current]);
  return (
    <Select<number>
      placeholder={t('visit.accountPlaceholder')}
      {...rest}
      options={options}
      loading={accounts.isFetching}
      allowClear
      showSearch
      filterOption={false}
      onSearch={setQ}
      notFoundContent={t('common.noMatch')}
      style={{ width: '100%', ...rest.style }}
    />
  );
}
