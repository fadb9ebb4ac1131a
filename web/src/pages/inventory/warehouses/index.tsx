import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Button, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { kindEnum } from '../options';
import type { Warehouse, WarehouseKind } from '../types';
import { WarehouseForm } from './WarehouseForm';

interface Params {
  current?: number;
  pageSize?: number;
  keyword?: string;
  kind?: WarehouseKind;
}

/** OSB-4 warehouses: which market each serves and who runs it. */
export default function WarehousesPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const reportError = useReportError();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<Warehouse | null | 'new'>(null);
  const manage = can(Access.warehousesManage);

  const columns: ProColumns<Warehouse>[] = [
    { title: t('inventory.keyword'), dataIndex: 'keyword', hideInTable: true },
    { title: t('warehouse.code'), dataIndex: 'code', search: false },
    {
      title: t('warehouse.name'),
      dataIndex: 'name',
      search: false,
      render: (_, w) => <Link to={`/inventory/stock?warehouseId=${w.id}`}>{w.name}</Link>,
    },
    { title: t('warehouse.kindLabel'), dataIndex: 'kind', valueType: 'select', valueEnum: kindEnum(t) },
    {
      title: t('warehouse.geography'),
      dataIndex: 'geographyName',
      search: false,
      render: (_, w) => w.geographyName ?? (w.kind === 'central' ? t('warehouse.allMarkets') : '–'),
    },
    { title: t('warehouse.address'), dataIndex: 'address', search: false, ellipsis: true, width: 280 },
    { title: t('warehouse.manager'), dataIndex: 'managerName', search: false },
    {
      title: t('warehouse.status'),
      dataIndex: 'active',
      search: false,
      render: (_, w) => (w.active ? <Tag color="success">{t('warehouse.activeTag')}</Tag> : <Tag>{t('warehouse.inactiveTag')}</Tag>),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      hideInTable: !manage,
      render: (_, w) => [
        <Button key="edit" type="link" size="small" onClick={() => setEditing(w)}>
          {t('common.edit')}
        </Button>,
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<Warehouse, Params>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        request={async (params) => {
          const { current = 1, pageSize = 20, keyword, kind } = params;
          const page = await call(
            api.GET('/api/inventory/warehouses', {
              params: { query: { keyword: keyword?.trim() || undefined, kind, limit: pageSize, offset: (current - 1) * pageSize } },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          manage
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                  {t('warehouse.create')}
                </Button>,
              ]
            : []
        }
      />
      <WarehouseForm
        warehouse={editing === 'new' ? null : editing}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        onSaved={() => void actionRef.current?.reload()}
      />
    </PageContainer>
  );
}
