import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../../api/client';
import { AccountPicker } from '../../../components/AccountPicker';
import { useReportError } from '../../../components/errors';
import { formatDate, formatDateTime, formatFen } from '../../../components/format';
import { UserPicker } from '../../../components/pickers';
import { OrderStatusTag, orderStatusEnum } from '../options';
import type { OrderStatus, OrderSummary } from '../types';

interface Params {
  current?: number;
  pageSize?: number;
  status?: OrderStatus;
  accountId?: number;
  ownerUserId?: number;
  period?: [string, string];
}

/**
 * OSB-1/10 orders in my scope, newest first. The API pages by cursor; the
 * table keeps the cursor of every page it has seen, so next and previous work
 * like ordinary pages (the total grows as pages are read).
 */
export default function OrdersPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const reportError = useReportError();
  const cursors = useRef<Map<string, (string | null)[]>>(new Map());

  const columns: ProColumns<OrderSummary>[] = [
    { title: t('order.number'), dataIndex: 'number', search: false, render: (_, o) => <Link to={`/orders/${o.id}`}>{o.number}</Link> },
    { title: t('order.period'), dataIndex: 'period', valueType: 'dateRange', hideInTable: true },
    {
      title: t('order.account'),
      dataIndex: 'accountId',
      render: (_, o) => `${o.accountCode} ${o.accountName}`,
      renderFormItem: () => <AccountPicker />,
    },
    {
      title: t('order.owner'),
      dataIndex: 'ownerUserId',
      render: (_, o) => o.ownerName ?? '–',
      renderFormItem: () => <UserPicker activeOnly={false} />,
    },
    { title: t('order.geography'), dataIndex: 'geographyName', search: false },
    { title: t('order.channel'), dataIndex: 'channel', search: false, render: (_, o) => t(`order.channels.${o.channel}`) },
    {
      title: t('order.total'),
      dataIndex: 'totalFen',
      search: false,
      align: 'right',
      render: (_, o) => <Typography.Text strong>{formatFen(o.totalFen, i18n.language)}</Typography.Text>,
    },
    {
      title: t('order.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: orderStatusEnum(t),
      render: (_, o) => <OrderStatusTag status={o.status} />,
    },
    { title: t('order.paid'), dataIndex: 'paidAt', search: false, render: (_, o) => (o.paidAt ? formatDate(o.paidAt) : '–') },
    { title: t('order.createdAt'), dataIndex: 'createdAt', search: false, render: (_, o) => formatDateTime(o.createdAt) },
  ];

  return (
    <PageContainer>
      <ProTable<OrderSummary, Params>
        rowKey="id"
        columns={columns}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: false }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        onRow={(o) => ({ onDoubleClick: () => void navigate(`/orders/${o.id}`) })}
        request={async (params) => {
          const { current = 1, pageSize = 20, status, accountId, ownerUserId, period } = params;
          const filterKey = JSON.stringify({ status, accountId, ownerUserId, period, pageSize });
          const known = cursors.current.get(filterKey) ?? [null];
          cursors.current.set(filterKey, known);
          const cursor = known[current - 1] ?? null;
          const page = await call(
            api.GET('/api/orders', {
              params: {
                query: {
                  status: status ? [status] : undefined,
                  accountId,
                  ownerUserId,
                  from: period?.[0],
                  to: period?.[1],
                  limit: pageSize,
                  cursor: cursor ?? undefined,
                },
              },
            }),
          );
          known[current] = page.nextCursor;
          const seen = (current - 1) * pageSize + page.items.length;
          return { data: page.items, total: page.nextCursor ? seen + pageSize : seen, success: true };
        }}
      />
    </PageContainer>
  );
}
