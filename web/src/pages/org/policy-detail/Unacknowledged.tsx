import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { PendingAcknowledgement } from '../../../api/types';
import { errorMessage } from '../../../components/errors';

/** The report of ORG-7: targeted people in my scope who have not acknowledged the version in force. */
export function Unacknowledged({ policyId }: { policyId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const report = useQuery({
    queryKey: [...keys.policies, policyId, 'unacknowledged', page],
    queryFn: () =>
      call(
        api.GET('/api/org/policies/{id}/unacknowledged', {
          params: { path: { id: policyId }, query: { limit: page.pageSize, offset: (page.current - 1) * page.pageSize } },
        }),
      ),
  });
  if (report.error) return <Typography.Text type="danger">{errorMessage(report.error, t('error.network'))}</Typography.Text>;
  return (
    <Card title={t('policy.unacknowledgedCount', { count: report.data?.total ?? 0 })}>
      <Table<PendingAcknowledgement>
        rowKey="userId"
        size="small"
        loading={report.isPending}
        dataSource={report.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('policy.allAcknowledged') }}
        pagination={{
          ...page,
          total: report.data?.total,
          hideOnSinglePage: true,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        columns={[
          {
            title: t('user.displayName'),
            dataIndex: 'displayName',
            render: (name: string, row) => <Link to={`/org/users/${row.userId}`}>{name}</Link>,
          },
          { title: t('user.username'), dataIndex: 'username' },
          { title: t('user.position'), dataIndex: 'positionName', render: (v: string | null) => v ?? '–' },
          { title: t('user.department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? '–' },
        ]}
      />
    </Card>
  );
}
