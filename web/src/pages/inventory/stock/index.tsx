import { ImportOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Button, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { WarehouseSelect } from '../pickers';
import type { StockRow } from '../types';
import { LedgerDrawer } from './LedgerDrawer';
import { MinStockForm } from './MinStockForm';
import { ReceiptForm } from './ReceiptForm';

type Sort = 'sku' | 'onHand' | 'available' | 'updatedAt';
type View = 'all' | 'below';

interface Params {
  current?: number;
  pageSize?: number;
  warehouseId?: number;
  keyword?: string;
  view?: View;
}

/** OSB-4 stock per warehouse and SKU; SKUs below their minimum stand out, each row opens its ledger. */
export default function StockPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const reportError = useReportError();
  const actionRef = useRef<ActionType>(undefined);
  const [searchParams] = useSearchParams();
  const linkedWarehouse = Number(searchParams.get('warehouseId')) || undefined;
  const linkedSku = Number(searchParams.get('skuId')) || undefined;
  const [view, setView] = useState<View>(searchParams.get('view') === 'below' ? 'below' : 'all');
  const [ledgerRow, setLedgerRow] = useState<StockRow | null>(null);
  const [minRow, setMinRow] = useState<StockRow | null>(null);
  const [receiving, setReceiving] = useState(false);
  const reload = () => void actionRef.current?.reload();

  const columns: ProColumns<StockRow>[] = [
    {
      title: t('inventory.warehouse'),
      dataIndex: 'warehouseId',
      render: (_, r) => r.warehouseName,
      renderFormItem: () => <WarehouseSelect allowClear placeholder={t('inventory.allWarehouses')} />,
      initialValue: linkedWarehouse,
    },
    {
      title: t('inventory.keyword'),
      dataIndex: 'keyword',
      hideInTable: true,
      fieldProps: { placeholder: t('inventory.keywordPlaceholder') },
    },
    { title: t('inventory.skuCode'), dataIndex: 'skuCode', search: false, sorter: true, key: 'sku' },
    { title: t('inventory.product'), dataIndex: 'productName', search: false, ellipsis: true },
    { title: t('inventory.spec'), dataIndex: 'skuName', search: false },
    { title: t('inventory.unit'), dataIndex: 'baseUnit', search: false },
    { title: t('inventory.onHand'), dataIndex: 'onHand', search: false, sorter: true, align: 'right' },
    { title: t('inventory.reserved'), dataIndex: 'reserved', search: false, align: 'right' },
    {
      title: t('inventory.available'),
      dataIndex: 'available',
      search: false,
      sorter: true,
      align: 'right',
      render: (_, r) => (
        <Tooltip title={r.belowMinimum ? t('inventory.belowMinimum') : undefined}>
          <Typography.Text strong type={r.belowMinimum ? 'danger' : undefined}>
            {r.available}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('inventory.minStock'),
      dataIndex: 'minStock',
      search: false,
      align: 'right',
      render: (_, r) => r.minStock || '–',
    },
    { title: t('inventory.updatedAt'), dataIndex: 'updatedAt', search: false, sorter: true, render: (_, r) => formatDateTime(r.updatedAt) },
    {
      title: t('common.actions'),
      valueType: 'option',
      fixed: 'right',
      render: (_, r) => [
        <Button key="ledger" type="link" size="small" onClick={() => setLedgerRow(r)}>
          {t('inventory.ledger')}
        </Button>,
        can(Access.warehousesManage) && (
          <Button key="min" type="link" size="small" onClick={() => setMinRow(r)}>
            {t('inventory.setMinStock')}
          </Button>
        ),
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<StockRow, Params>
        rowKey={(r) => `${r.warehouseId}:${r.skuId}`}
        actionRef={actionRef}
        columns={columns}
        params={{ view }}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        rowClassName={(r) => (r.belowMinimum ? 'inventory-below-minimum' : '')}
        onRow={(r) => ({ style: r.belowMinimum ? { background: '#fff1f0' } : undefined, onDoubleClick: () => setLedgerRow(r) })}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: view,
            items: [
              { key: 'all', label: t('inventory.allStock') },
              { key: 'below', label: t('inventory.belowMinimumTab') },
            ],
            onChange: (key) => setView(key === 'below' ? 'below' : 'all'),
          },
        }}
        request={async (params, sorter) => {
          const { current = 1, pageSize = 20, warehouseId, keyword } = params;
          const [sort, order] = (Object.entries(sorter)[0] ?? []) as [Sort | undefined, 'ascend' | 'descend' | undefined];
          const page = await call(
            api.GET('/api/inventory/stock', {
              params: {
                query: {
                  warehouseId,
                  skuId: linkedSku,
                  keyword: keyword?.trim() || undefined,
                  belowMinimum: params.view === 'below' || undefined,
                  limit: pageSize,
                  offset: (current - 1) * pageSize,
                  sort,
                  order: order ? (order === 'ascend' ? 'asc' : 'desc') : undefined,
                },
              },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          can(Access.inventoryReceive)
            ? [
                <Button key="receive" type="primary" icon={<ImportOutlined />} onClick={() => setReceiving(true)}>
                  {t('inventory.receive')}
                </Button>,
              ]
            : []
        }
      />
      <LedgerDrawer row={ledgerRow} onClose={() => setLedgerRow(null)} />
      <MinStockForm row={minRow} onClose={() => setMinRow(null)} onSaved={reload} />
      <ReceiptForm open={receiving} onOpenChange={setReceiving} onSaved={reload} />
    </PageContainer>
  );
}
