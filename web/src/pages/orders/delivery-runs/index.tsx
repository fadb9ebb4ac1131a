import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import type { ResponseOf } from '../../../api/types';
import { useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { orderKeys, ShipmentStateTag } from '../options';
import { RunForm } from './RunForm';

type Run = ResponseOf<'/api/orders/delivery-runs'>['items'][number];
const statusColors: Record<Run['status'], string> = { planned: 'default', dispatched: 'blue', completed: 'green' };

/** The stops of one run, in order, each opening its shipment. */
function Stops({ id }: { id: number }) {
  const { t } = useTranslation();
  const run = useQuery({
    queryKey: [...orderKeys.shipments, 'runs', id],
    queryFn: () => call(api.GET('/api/orders/delivery-runs/{id}', { params: { path: { id } } })),
  });
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      loading={run.isLoading}
      dataSource={run.data?.shipments ?? []}
      columns={[
        { title: t('deliveryRun.stop'), dataIndex: 'stopSeq', width: 64 },
        { title: t('shipment.number'), dataIndex: 'number', render: (_, s) => <Link to={`/orders/shipments/${s.id}`}>{s.number}</Link> },
        { title: t('shipment.account'), dataIndex: 'accountName', render: (_, s) => `${s.accountCode} ${s.accountName}` },
        { title: t('shipment.state'), dataIndex: 'state', render: (_, s) => <ShipmentStateTag state={s.state} /> },
        { title: t('shipment.signedAt'), dataIndex: 'signedAt', render: (v: string | null) => formatDateTime(v) },
      ]}
    />
  );
}

/** OSB-3 local delivery runs: one truck, several accounts' shipments in stop order; dispatching sends every stop. */
export default function DeliveryRunsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useAccess();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [creating, setCreating] = useState(false);
  const table = useRef<ActionType>(null);
  const dispatch = useMutation({
    mutationFn: (id: number) => call(api.POST('/api/orders/delivery-runs/{id}/dispatch', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('deliveryRun.dispatched'));
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      void table.current?.reload();
    },
    onError: (e) => reportError(e),
  });
  const manage = can(Access.shipmentsManage);

  const columns: ProColumns<Run>[] = [
    { title: t('deliveryRun.runDate'), dataIndex: 'runDate', valueType: 'date' },
    { title: t('deliveryRun.warehouse'), dataIndex: 'warehouseName', search: false },
    { title: t('deliveryRun.vehicle'), dataIndex: 'vehicle', search: false },
    {
      title: t('deliveryRun.driverName'),
      dataIndex: 'driverName',
      search: false,
      render: (_, r) => [r.driverName, r.driverPhone].filter(Boolean).join(' ') || '–',
    },
    { title: t('deliveryRun.stops'), dataIndex: 'stops', search: false, align: 'right' },
    {
      title: t('deliveryRun.status'),
      dataIndex: 'status',
      search: false,
      render: (_, r) => <Tag color={statusColors[r.status]}>{t(`deliveryRun.statuses.${r.status}`)}</Tag>,
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      hideInTable: !manage,
      render: (_, r) =>
        r.status === 'planned'
          ? [
              <Popconfirm key="dispatch" title={t('deliveryRun.dispatch')} onConfirm={() => dispatch.mutate(r.id)}>
                <Button size="small" type="link" icon={<SendOutlined />}>
                  {t('deliveryRun.dispatch')}
                </Button>
              </Popconfirm>,
            ]
          : [],
    },
  ];

  return (
    <PageContainer>
      <ProTable<Run, { current?: number; pageSize?: number; runDate?: string }>
        rowKey="id"
        columns={columns}
        cardBordered
        columnEmptyText="–"
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        actionRef={table}
        expandable={{ expandedRowRender: (r) => <Stops id={r.id} /> }}
        toolBarRender={() =>
          manage
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('deliveryRun.create')}
                </Button>,
              ]
            : []
        }
        request={async ({ current = 1, pageSize = 20, runDate }) => {
          const page = await call(
            api.GET('/api/orders/delivery-runs', { params: { query: { runDate, limit: pageSize, offset: (current - 1) * pageSize } } }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
      />
      {manage && <RunForm open={creating} onOpenChange={setCreating} onCreated={() => void table.current?.reload()} />}
    </PageContainer>
  );
}
