import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Button, Progress } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { Delta, StocktakeStatusTag, stocktakeStatusEnum } from '../options';
import { WarehouseSelect } from '../pickers';
import type { StocktakeRow, StocktakeStatus } from '../types';
import { OpenStocktakeForm } from './OpenStocktakeForm';

interface Params {
  current?: number;
  pageSize?: number;
  warehouseId?: number;
  status?: StocktakeStatus;
}

/** OSB-4 盘库: count sheets per warehouse with their progress, variances and approval state. */
export default function StocktakesPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const navigate = useNavigate();
  const reportError = useReportError();
  const [opening, setOpening] = useState(false);

  const columns: ProColumns<StocktakeRow>[] = [
    {
      title: t('stocktake.number'),
      dataIndex: 'id',
      search: false,
      render: (_, s) => <Link to={`/inventory/stocktakes/${s.id}`}>#{s.id}</Link>,
    },
    {
      title: t('inventory.warehouse'),
      dataIndex: 'warehouseId',
      render: (_, s) => s.warehouseName,
      renderFormItem: () => <WarehouseSelect allowClear placeholder={t('inventory.allWarehouses')} />,
    },
    {
      title: t('stocktake.statusLabel'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: stocktakeStatusEnum(t),
      render: (_, s) => <StocktakeStatusTag status={s.status} />,
    },
    {
      title: t('stocktake.progress'),
      key: 'progress',
      search: false,
      width: 180,
      render: (_, s) => (
        <Progress
          size="small"
          percent={s.lineCount ? Math.round((s.countedCount / s.lineCount) * 100) : 0}
          format={() => t('stocktake.progressText', { counted: s.countedCount, total: s.lineCount })}
        />
      ),
    },
    { title: t('stocktake.varianceCount'), dataIndex: 'varianceCount', search: false, align: 'right' },
    {
      title: t('stocktake.varianceTotal'),
      dataIndex: 'varianceTotal',
      search: false,
      align: 'right',
      render: (_, s) => <Delta value={s.varianceTotal} />,
    },
    { title: t('stocktake.note'), dataIndex: 'note', search: false, ellipsis: true },
    { title: t('stocktake.openedBy'), dataIndex: 'openedByName', search: false },
    { title: t('stocktake.createdAt'), dataIndex: 'createdAt', search: false, render: (_, s) => formatDateTime(s.createdAt) },
    { title: t('stocktake.postedAt'), dataIndex: 'postedAt', search: false, render: (_, s) => formatDateTime(s.postedAt) },
  ];

  return (
    <PageContainer>
      <ProTable<StocktakeRow, Params>
        rowKey="id"
        columns={columns}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        onRow={(s) => ({ onDoubleClick: () => void navigate(`/inventory/stocktakes/${s.id}`) })}
        request={async (params) => {
          const { current = 1, pageSize = 20, warehouseId, status } = params;
          const page = await call(
            api.GET('/api/inventory/stocktakes', {
              params: { query: { warehouseId, status, limit: pageSize, offset: (current - 1) * pageSize } },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          can(Access.inventoryStocktake)
            ? [
                <Button key="open" type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
                  {t('stocktake.open')}
                </Button>,
              ]
            : []
        }
      />
      <OpenStocktakeForm open={opening} onOpenChange={setOpening} onOpened={(s) => void navigate(`/inventory/stocktakes/${s.id}`)} />
    </PageContainer>
  );
}
