import { useQuery } from '@tanstack/react-query';
import { Select, TreeSelect } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { keys, useDepartments, useGeographies, usePositions } from '../api/queries';
import { mapTree, nest } from './tree';

interface TreeOption {
  value: number;
  title: string;
  children?: TreeOption[];
}

export function useDepartmentTree(): TreeOption[] {
  const departments = useDepartments();
  return useMemo(
    () =>
      mapTree(
        nest(
          departments.data ?? [],
          (d) => d.id,
          (d) => d.parentId,
        ),
        (d, children): TreeOption => ({ value: d.id, title: d.name, children }),
      ),
    [departments.data],
  );
}

export function useGeographyTree(): TreeOption[] {
  const geographies = useGeographies();
  return useMemo(
    () =>
      mapTree(
        nest(
          geographies.data ?? [],
          (g) => g.id,
          (g) => g.parentId,
        ),
        (g, children): TreeOption => ({ value: g.id, title: g.name, children }),
      ),
    [geographies.data],
  );
}

interface PickerProps<V> {
  value?: V;
  onChange?: (value: V) => void;
  placeholder?: string;
  disabled?: boolean;
}

/** One id, or several with `multiple`. */
type IdPickerProps = PickerProps<number | null> | (PickerProps<number[]> & { multiple: true });

/** Either shape of IdPickerProps, as the widgets see it (they accept one value or many). */
type AnyPickerProps = PickerProps<number | number[] | null> & { multiple?: true };

function TreePicker(props: IdPickerProps & { treeData: TreeOption[] }) {
  const { treeData, ...rest } = props as AnyPickerProps & { treeData: TreeOption[] };
  return (
    <TreeSelect<number | number[] | null, TreeOption>
      {...rest}
      treeData={treeData}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

export function DepartmentPicker(props: IdPickerProps) {
  return <TreePicker {...props} treeData={useDepartmentTree()} />;
}

export function GeographyPicker(props: IdPickerProps) {
  return <TreePicker {...props} treeData={useGeographyTree()} />;
}

/** Positions labelled with their department, since names such as 区域经理 repeat across departments. */
export function PositionPicker(props: IdPickerProps & { exclude?: number }) {
  const { exclude, multiple, ...rest } = props as AnyPickerProps & { exclude?: number };
  const positions = usePositions();
  const options = useMemo(
    () => (positions.data ?? []).filter((p) => p.id !== exclude).map((p) => ({ value: p.id, label: `${p.departmentName} / ${p.name}` })),
    [positions.data, exclude],
  );
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      maxTagCount="responsive"
      options={options}
      loading={positions.isPending}
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ width: '100%' }}
    />
  );
}

/** Searches people on the server as one types; `current` labels a value that is not among the results. */
export function UserPicker(props: PickerProps<number | null> & { current?: { id: number; name: string } | null; activeOnly?: boolean }) {
  const { current, activeOnly = true, ...rest } = props;
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q);
  const users = useQuery({
    queryKey: [...keys.users, 'picker', deferred, activeOnly],
    queryFn: () =>
      call(
        api.GET('/api/org/users', {
          params: { query: { q: deferred || undefined, status: activeOnly ? 'active' : undefined, limit: 20 } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const options = useMemo(() => {
    const found = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
    return current && !found.some((o) => o.value === current.id) ? [{ value: current.id, label: current.name }, ...found] : found;
  }, [users.data, current]);
  return (
    <Select
      {...rest}
      options={options}
      loading={users.isFetching}
      allowClear
      showSearch
      filterOption={false}
      onSearch={setQ}
      notFoundContent={t('common.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
