import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePositions } from '../../../api/queries';

/**
 * Anyone who holds a position, labelled with it. The people list is limited to one's data scope
 * (a manager sees the team), but a task is usually handed to a peer or a superior.
 */
export function PositionHolderPicker(props: { value?: number | null; onChange?: (value: number | null) => void; id?: string }) {
  const { t } = useTranslation();
  const positions = usePositions();
  const seen = new Set<number>();
  const options = (positions.data ?? []).flatMap((position) =>
    position.holders.flatMap((holder) => {
      if (seen.has(holder.id)) return [];
      seen.add(holder.id);
      return [{ value: holder.id, label: `${holder.displayName} (${holder.username}) · ${position.departmentName} / ${position.name}` }];
    }),
  );
  return (
    <Select
      {...props}
      options={options}
      loading={positions.isPending}
      allowClear
      showSearch
      optionFilterProp="label"
      notFoundContent={t('common.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
