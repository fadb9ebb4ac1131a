import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyDetail } from '../api/types';

type Status = PolicyDetail['status'] | PolicyDetail['versions'][number]['status'];

const colors: Record<Status, string> = { draft: 'default', published: 'success', retired: 'error', superseded: 'default' };

export function PolicyStatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} bordered={false}>
      {t(`policyStatus.${status}`)}
    </Tag>
  );
}
