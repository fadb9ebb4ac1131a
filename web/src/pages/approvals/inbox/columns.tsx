import type { ProColumns } from '@ant-design/pro-components';
import { Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { ApprovalInboxItem } from '../../../api/types';
import { ApprovalStatusTag } from '../../../components/ApprovalStatusTag';
import { formatFen } from '../../../components/format';

/** The fields every approval list shares. */
type Listed = Pick<ApprovalInboxItem, 'approvalId' | 'type' | 'typeLabel' | 'summary' | 'amount' | 'status' | 'requester' | 'createdAt'>;

export function sharedColumns<T extends Listed>(t: TFunction, language: string, typeEnum: Record<string, { text: string }>) {
  const columns: Record<'type' | 'summary' | 'amount' | 'requester' | 'status', ProColumns<T>> = {
    type: {
      title: t('approval.type'),
      dataIndex: 'type',
      valueType: 'select',
      valueEnum: typeEnum,
      render: (_, row) => row.typeLabel,
    },
    summary: {
      title: t('approval.summary'),
      dataIndex: 'summary',
      search: false,
      render: (_, row) => (
        <Space size={4}>
          <Link to={`/approvals/${row.approvalId}`}>{row.summary}</Link>
          <Typography.Text type="secondary">#{row.approvalId}</Typography.Text>
        </Space>
      ),
    },
    amount: {
      title: t('approval.amount'),
      dataIndex: 'amount',
      search: false,
      align: 'right',
      render: (_, row) => formatFen(row.amount, language),
    },
    requester: { title: t('approval.requester'), dataIndex: 'requester', search: false, render: (_, row) => row.requester.displayName },
    status: {
      title: t('approval.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        (['pending', 'approved', 'rejected', 'returned', 'withdrawn'] as const).map((s) => [s, { text: t(`approvalStatus.${s}`) }]),
      ),
      render: (_, row) => <ApprovalStatusTag status={row.status} />,
    },
  };
  return columns;
}
