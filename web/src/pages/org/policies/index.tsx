import { CheckCircleTwoTone, ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Button, Progress, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import type { PolicyRow } from '../../../api/types';
import { useReportError } from '../../../components/errors';
import { formatDate, formatDateTime } from '../../../components/format';
import { PolicyStatusTag } from '../../../components/PolicyStatusTag';
import { PolicyCreateForm } from './PolicyCreateForm';

interface Params {
  current?: number;
  pageSize?: number;
  q?: string;
  category?: string;
  status?: PolicyRow['status'];
}

function MyAcknowledgement({ policy }: { policy: PolicyRow }) {
  const { t } = useTranslation();
  if (!policy.targetsMe || policy.status !== 'published') return <Typography.Text type="secondary">–</Typography.Text>;
  if (policy.myAcknowledgedAt) {
    return (
      <Tooltip title={formatDateTime(policy.myAcknowledgedAt)}>
        <Space size={4}>
          <CheckCircleTwoTone twoToneColor="#52c41a" />
          {t('policy.read')}
        </Space>
      </Tooltip>
    );
  }
  return (
    <Typography.Text type="warning">
      <Space size={4}>
        <ClockCircleOutlined />
        {t('policy.toRead')}
      </Space>
    </Typography.Text>
  );
}

/** The policy library (ORG-7) with acknowledgement progress. */
export default function PoliciesPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const reportError = useReportError();
  const [creating, setCreating] = useState(false);

  const columns: ProColumns<PolicyRow>[] = [
    { title: t('common.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('policy.searchHint') } },
    { title: t('policy.code'), dataIndex: 'code', search: false, width: 120 },
    {
      title: t('policy.title'),
      dataIndex: 'title',
      search: false,
      render: (_, p) => <Link to={`/org/policies/${p.id}`}>{p.title}</Link>,
    },
    { title: t('policy.category'), dataIndex: 'category' },
    {
      title: t('policy.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: {
        draft: { text: t('policyStatus.draft') },
        published: { text: t('policyStatus.published') },
        retired: { text: t('policyStatus.retired') },
      },
      render: (_, p) => <PolicyStatusTag status={p.status} />,
    },
    { title: t('policy.version'), dataIndex: 'currentVersion', search: false, render: (_, p) => p.currentVersion ?? '–' },
    { title: t('policy.effectiveDate'), dataIndex: 'effectiveDate', search: false, render: (_, p) => formatDate(p.effectiveDate) },
    {
      title: t('policy.acknowledgements'),
      key: 'progress',
      search: false,
      width: 180,
      render: (_, p) =>
        p.status === 'published' && p.targetCount ? (
          <Tooltip title={t('policy.ackCounts', { acknowledged: p.acknowledgedCount, total: p.targetCount, pending: p.pendingCount })}>
            <Progress
              percent={Math.round((p.acknowledgedCount / p.targetCount) * 100)}
              size="small"
              format={() => `${p.acknowledgedCount}/${p.targetCount}`}
            />
          </Tooltip>
        ) : (
          '–'
        ),
    },
    { title: t('policy.mine'), key: 'mine', search: false, render: (_, p) => <MyAcknowledgement policy={p} /> },
  ];

  return (
    <PageContainer>
      <ProTable<PolicyRow, Params>
        rowKey="id"
        columns={columns}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        request={async ({ current = 1, pageSize = 20, q, category, status }) => {
          const page = await call(
            api.GET('/api/org/policies', {
              params: {
                query: { q: q || undefined, category: category || undefined, status, limit: pageSize, offset: (current - 1) * pageSize },
              },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          can(Access.policiesManage)
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('policy.create')}
                </Button>,
              ]
            : []
        }
      />
      <PolicyCreateForm open={creating} onOpenChange={setCreating} />
    </PageContainer>
  );
}
