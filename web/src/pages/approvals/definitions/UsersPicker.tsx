import { useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';

/**
 * Several people, searched on the server as one types. A definition stores ids only, so the
 * chosen people missing from the current results are looked up one by one (a step names a few).
 */
export function UsersPicker(props: { value?: number[]; onChange?: (value: number[]) => void; id?: string }) {
  const { value = [], onChange, id } = props;
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q);
  const found = useQuery({
    queryKey: [...keys.users, 'picker', deferred, true],
    queryFn: () => call(api.GET('/api/org/users', { params: { query: { q: deferred || undefined, status: 'active', limit: 20 } } })),
    placeholderData: (previous) => previous,
  });
  const results = found.data?.items ?? [];
  const missing = value.filter((userId) => !results.some((u) => u.id === userId));
  const chosen = useQueries({
    queries: missing.map((userId) => ({
      queryKey: [...keys.users, userId],
      queryFn: () => call(api.GET('/api/org/users/{id}', { params: { path: { id: userId } } })),
      staleTime: 5 * 60_000,
    })),
  });
  const chosenUsers = chosen.flatMap((query) => (query.data ? [query.data] : []));
  const options = [...chosenUsers, ...results].map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={found.isFetching}
      showSearch
      filterOption={false}
      onSearch={setQ}
      notFoundContent={t('common.noMatch')}
      maxTagCount="responsive"
      style={{ width: '100%' }}
    />
  );
}
