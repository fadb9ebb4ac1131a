import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client';
import { AccountPicker } from '../../../components/AccountPicker';
import { errorMessage, useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { customerKeys } from '../keys';
import { disputeStatusEnum } from '../options';
import { DisputeStatusTag } from '../tags';
import type { Dispute, DisputeStatus } from '../types';

interface Params {
  current?: number;
  pageSize?: number;
  status?: DisputeStatus;
  accountId?: number;
}

/** One dispute as the server has it now (the approval may have decided it since the list was read). */
function DisputeDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const dispute = useQuery({
    queryKey: [...customerKeys.disputes, id],
    queryFn: () => call(api.GET('/api/customers/disputes/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== null,
    retry: false,
  });
  const d = dispute.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={560}
      title={d ? `${d.accountCode} ${d.accountName}` : t('customers.dispute.detail')}
    >
      {dispute.error ? (
        <Result status="404" title={errorMessage(dispute.error, t('error.network'))} />
      ) : !d ? (
        <Spin />
      ) : (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('customers.dispute.account')}>
            <Link to={`/customers/accounts/${d.accountId}`}>
              {d.accountCode} {d.accountName}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.dispute.claimant')}>{d.claimantName}</Descriptions.Item>
          <Descriptions.Item label={t('customers.dispute.owner')}>{d.ownerName ?? t('customers.pool.inPool')}</Descriptions.Item>
          <Descriptions.Item label={t('customers.dispute.decider')}>{d.commonSuperiorName ?? '–'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.dispute.reason')}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.reason}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.dispute.status')}>
            <DisputeStatusTag status={d.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.dispute.filedAt')}>{formatDateTime(d.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('customers.dispute.decidedAt')}>{formatDateTime(d.decidedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('customers.dispute.approval')}>
            {d.approvalId ? <Link to={`/approvals/${d.approvalId}`}>{t('customers.dispute.openApproval')}</Link> : '–'}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}

/** CUS-2 争议处理: ownership disputes involving my people or my geography, and how their approvals went. */
export default function DisputesPage() {
  const { t } = useTranslation();
  const reportError = useReportError();
  const [open, setOpen] = useState<number | null>(null);
  const columns: ProColumns<Dispute>[] = [
    {
      title: t('customers.dispute.account'),
      dataIndex: 'accountId',
      render: (_, d) => (
        <Link to={`/customers/accounts/${d.accountId}`}>
          {d.accountCode} {d.accountName}
        </Link>
      ),
      renderFormItem: () => <AccountPicker />,
    },
    { title: t('customers.dispute.claimant'), dataIndex: 'claimantName', search: false },
    {
      title: t('customers.dispute.owner'),
      dataIndex: 'ownerName',
      search: false,
      render: (_, d) => d.ownerName ?? t('customers.pool.inPool'),
    },
    { title: t('customers.dispute.decider'), dataIndex: 'commonSuperiorName', search: false },
    { title: t('customers.dispute.reason'), dataIndex: 'reason', search: false, ellipsis: true, width: 260 },
    {
      title: t('customers.dispute.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: disputeStatusEnum(t),
      render: (_, d) => <DisputeStatusTag status={d.status} />,
    },
    { title: t('customers.dispute.filedAt'), dataIndex: 'createdAt', search: false, render: (_, d) => formatDateTime(d.createdAt) },
    { title: t('customers.dispute.decidedAt'), dataIndex: 'decidedAt', search: false, render: (_, d) => formatDateTime(d.decidedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      search: false,
      fixed: 'right',
      render: (_, d) => (
        <Button type="link" size="small" onClick={() => setOpen(d.id)}>
          {t('customers.dispute.detail')}
        </Button>
      ),
    },
  ];
  return (
    <PageContainer>
      <ProTable<Dispute, Params>
        rowKey="id"
        columns={columns}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        request={async ({ current = 1, pageSize = 20, status, accountId }) => {
          const page = await call(
            api.GET('/api/customers/disputes', {
              params: { query: { status, accountId, limit: pageSize, offset: (current - 1) * pageSize } },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
      />
      <DisputeDrawer id={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
