import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client';
import { AccountPicker } from '../../../components/AccountPicker';
import { useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { ShipmentStateTag } from '../options';
import type { ShipmentSummary } from '../types';

const states = ['prepared', 'picked', 'dispatched', 'delivered', 'signed', 'cancelled'] as const;

interface Params {
  current?: number;
  pageSize?: number;
  state?: ShipmentSummary['state'];
  kind?: ShipmentSummary['kind'];
  accountId?: number;
}

/** OSB-3/10 shipments to accounts in my scope, with their tracking state; each opens its delivery note. */
export default function ShipmentsPage() {
  const { t } = useTranslation();
  const reportError = useReportError();
  const columns: ProColumns<ShipmentSummary>[] = [
    {
      title: t('shipment.number'),
      dataIndex: 'number',
      search: false,
      render: (_, s) => <Link to={`/orders/shipments/${s.id}/note`}>{s.number}</Link>,
    },
    {
      title: t('shipment.account'),
      dataIndex: 'accountId',
      render: (_, s) => `${s.accountCode} ${s.accountName}`,
      renderFormItem: () => <AccountPicker />,
    },
    { title: t('shipment.warehouse'), dataIndex: 'warehouseName', search: false },
    {
      title: t('shipment.kind'),
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: { delivery: { text: t('shipment.kinds.delivery') }, pickup: { text: t('shipment.kinds.pickup') } },
    },
    {
      title: t('shipment.state'),
      dataIndex: 'state',
      valueType: 'select',
      valueEnum: Object.fromEntries(states.map((s) => [s, { text: t(`shipment.states.${s}`) }])),
      render: (_, s) => <ShipmentStateTag state={s.state} />,
    },
    { title: t('shipment.carrier'), dataIndex: 'carrier', search: false },
    { title: t('shipment.vehicle'), dataIndex: 'vehicle', search: false },
    {
      title: t('shipment.run'),
      dataIndex: 'deliveryRunId',
      search: false,
      render: (_, s) => (s.deliveryRunId ? `#${s.deliveryRunId} · ${t('shipment.stop', { n: s.stopSeq })}` : '–'),
    },
    {
      title: t('shipment.dispatchedAt'),
      dataIndex: 'dispatchedAt',
      search: false,
      render: (_, s) => formatDateTime(s.dispatchedAt as string | null),
    },
    { title: t('shipment.signedAt'), dataIndex: 'signedAt', search: false, render: (_, s) => formatDateTime(s.signedAt as string | null) },
  ];
  return (
    <PageContainer>
      <ProTable<ShipmentSummary, Params>
        rowKey="id"
        columns={columns}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        request={async (params) => {
          const { current = 1, pageSize = 20, state, kind, accountId } = params;
          const page = await call(
            api.GET('/api/orders/shipments', {
              params: { query: { state, kind, accountId, limit: pageSize, offset: (current - 1) * pageSize } },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
      />
    </PageContainer>
  );
}
