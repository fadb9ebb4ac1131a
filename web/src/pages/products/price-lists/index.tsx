import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { kindEnum } from '../../customers/options';
import type { AccountKind } from '../../customers/types';
import { listStatusEnum, PriceListStatusTag } from '../options';
import type { PriceList, PriceListStatus } from '../types';
import { PriceListForm } from './PriceListForm';

interface Params {
  current?: number;
  pageSize?: number;
  keyword?: string;
  status?: PriceListStatus;
  accountKind?: AccountKind;
  validOn?: string;
}

/** PRD-2 price lists by account kind, geography and period. */
export default function PriceListsPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const manage = can(Access.productsPricesManage);
  const reportError = useReportError();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  const columns: ProColumns<PriceList>[] = [
    { title: t('common.keyword'), dataIndex: 'keyword', hideInTable: true },
    {
      title: t('priceList.code'),
      dataIndex: 'code',
      search: false,
      render: (_, l) => <Link to={`/products/price-lists/${l.id}`}>{l.code}</Link>,
    },
    { title: t('priceList.name'), dataIndex: 'name', search: false, render: (_, l) => <Typography.Text strong>{l.name}</Typography.Text> },
    {
      title: t('priceList.accountKind'),
      dataIndex: 'accountKind',
      valueType: 'select',
      valueEnum: kindEnum(t),
      render: (_, l) => (l.accountKind ? t(`customers.kind.${l.accountKind as AccountKind}`) : t('priceList.allKinds')),
    },
    {
      title: t('priceList.geography'),
      dataIndex: 'geographyName',
      search: false,
      render: (_, l) => l.geographyName ?? t('priceList.national'),
    },
    {
      title: t('priceList.validity'),
      dataIndex: 'validFrom',
      search: false,
      render: (_, l) => `${l.validFrom} ~ ${l.validTo ?? t('priceList.openEnded')}`,
    },
    { title: t('priceList.validOn'), dataIndex: 'validOn', valueType: 'date', hideInTable: true },
    { title: t('priceList.priority'), dataIndex: 'priority', search: false, align: 'right' },
    { title: t('priceList.itemCount'), dataIndex: 'itemCount', search: false, align: 'right' },
    {
      title: t('priceList.statusLabel'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: listStatusEnum(t),
      render: (_, l) => <PriceListStatusTag status={l.status} />,
    },
  ];

  return (
    <PageContainer>
      <Alert type="info" showIcon message={t('priceList.resolution')} style={{ marginBottom: 16 }} />
      <ProTable<PriceList, Params>
        rowKey="id"
        columns={columns}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        request={async ({ current = 1, pageSize = 20, keyword, status, accountKind, validOn }) => {
          const page = await call(
            api.GET('/api/products/price-lists', {
              params: {
                query: { keyword: keyword || undefined, status, accountKind, validOn, limit: pageSize, offset: (current - 1) * pageSize },
              },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          manage
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('priceList.create')}
                </Button>,
              ]
            : []
        }
      />
      <PriceListForm open={creating} onOpenChange={setCreating} onSaved={(list) => navigate(`/products/price-lists/${list.id}`)} />
    </PageContainer>
  );
}
