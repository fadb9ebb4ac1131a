import { Select } from 'antd';
import { useMemo } from 'react';
import { useLeadTeams } from './queries';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
}

/** One outsourced lead team. */
export function LeadTeamPicker(props: Props) {
  const teams = useLeadTeams();
  const options = useMemo(() => (teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })), [teams.data]);
  return (
    <Select
      {...props}
      onChange={(value) => props.onChange?.(value ?? null)}
      options={options}
      loading={teams.isPending}
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ width: '100%' }}
    />
  );
}
