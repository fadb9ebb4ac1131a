import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, type ProColumns, ProDescriptions, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Result, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { formatFen, yuanToFen } from '../../../components/format';
import { MoneyInput } from '../../../components/MoneyInput';
import type { AccountKind } from '../../customers/types';
import { productKeys } from '../keys';
import { PriceListStatusTag } from '../options';
import { PriceListForm } from '../price-lists/PriceListForm';
import type { PriceListItem } from '../types';
import { AddItemsForm } from './AddItemsForm';

/** A row as edited: the fen from the API shown and typed as yuan. */
type Row = PriceListItem & { unitPrice: number; floorPrice: number };

/** PRD-2 price list detail: its terms and an editable table of its prices per base unit. */
export default function PriceListPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const can = useAccess();
  const manage = can(Access.productsPricesManage);
  const reportError = useReportError();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const actionRef = useRef<ActionType>(null);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: productKeys.priceList(id),
    queryFn: () => call(api.GET('/api/products/price-lists/{id}', { params: { path: { id } } })),
  });
  if (list.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!list.data) return <Result status="404" title={list.error ? String(list.error.message) : t('error.pageNotFound')} />;
  const data = list.data;
  const money = (fen: number) => formatFen(fen, i18n.language);

  const remove = async (row: Row) => {
    try {
      await call(api.DELETE('/api/products/price-lists/{id}/items/{skuId}', { params: { path: { id, skuId: row.skuId } } }));
      void message.success(t('common.deleted'));
      actionRef.current?.reload();
      void list.refetch();
    } catch (error) {
      reportError(error);
    }
  };

  const columns: ProColumns<Row>[] = [
    { title: t('products.skuCode'), dataIndex: 'skuCode', editable: false, width: 150 },
    { title: t('products.product'), dataIndex: 'productName', editable: false },
    { title: t('products.spec'), dataIndex: 'skuName', editable: false },
    { title: t('products.baseUnit'), dataIndex: 'baseUnit', editable: false, width: 80 },
    {
      title: t('priceList.unitPrice'),
      dataIndex: 'unitPrice',
      align: 'right',
      width: 170,
      render: (_, row) => money(row.unitPriceFen),
      renderFormItem: () => <MoneyInput />,
      formItemProps: { rules: [{ required: true }] },
    },
    {
      title: t('priceList.floorPrice'),
      dataIndex: 'floorPrice',
      align: 'right',
      width: 170,
      render: (_, row) => money(row.floorPriceFen),
      renderFormItem: () => <MoneyInput />,
      formItemProps: { rules: [{ required: true }] },
    },
    {
      title: t('priceList.casePrice'),
      dataIndex: 'casePrice',
      editable: false,
      align: 'right',
      render: (_, row) => (row.caseUnit ? `${money(row.unitPriceFen * row.unitsPerCase)} / ${row.caseUnit}` : '–'),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      hideInTable: !manage,
      width: 140,
      render: (_, row, __, action) => [
        <Button key="edit" type="link" size="small" onClick={() => action?.startEditable?.(row.skuId)}>
          {t('common.edit')}
        </Button>,
        <Popconfirm key="remove" title={t('priceList.removeConfirm', { code: row.skuCode })} onConfirm={() => remove(row)}>
          <Button type="link" size="small" danger>
            {t('priceList.removeItem')}
          </Button>
        </Popconfirm>,
      ],
    },
  ];

  return (
    <PageContainer
      title={`${data.code} ${data.name}`}
      onBack={() => navigate('/products/price-lists')}
      tags={<PriceListStatusTag status={data.status} />}
      extra={
        manage
          ? [
              <Button key="edit" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('priceList.edit')}
              </Button>,
            ]
          : []
      }
    >
      <Card title={t('priceList.basics')} size="small" style={{ marginBottom: 16 }}>
        <ProDescriptions column={3} dataSource={data}>
          <ProDescriptions.Item label={t('priceList.accountKind')}>
            {data.accountKind ? t(`customers.kind.${data.accountKind as AccountKind}`) : t('priceList.allKinds')}
          </ProDescriptions.Item>
          <ProDescriptions.Item label={t('priceList.geography')}>{data.geographyName ?? t('priceList.national')}</ProDescriptions.Item>
          <ProDescriptions.Item
            label={t('priceList.validity')}
          >{`${data.validFrom} ~ ${data.validTo ?? t('priceList.openEnded')}`}</ProDescriptions.Item>
          <ProDescriptions.Item label={t('priceList.priority')}>{data.priority}</ProDescriptions.Item>
          <ProDescriptions.Item label={t('priceList.itemCount')}>{data.itemCount}</ProDescriptions.Item>
          <ProDescriptions.Item label={t('priceList.note')}>{data.note ?? '–'}</ProDescriptions.Item>
        </ProDescriptions>
      </Card>
      <ProTable<Row, { keyword?: string }>
        headerTitle={t('priceList.items')}
        rowKey="skuId"
        actionRef={actionRef}
        columns={columns}
        cardBordered
        columnEmptyText="–"
        search={false}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 20 }}
        options={{ density: true, reload: true, setting: false, search: { placeholder: t('products.keywordPlaceholder') } }}
        onRequestError={reportError}
        request={async ({ current = 1, pageSize = 20, keyword }) => {
          const page = await call(
            api.GET('/api/products/price-lists/{id}/items', {
              params: { path: { id }, query: { keyword: keyword || undefined, limit: pageSize, offset: (current - 1) * pageSize } },
            }),
          );
          return {
            data: page.items.map((item) => ({ ...item, unitPrice: item.unitPriceFen / 100, floorPrice: item.floorPriceFen / 100 })),
            total: page.total,
            success: true,
          };
        }}
        editable={{
          type: 'single',
          actionRender: (_, __, dom) => [dom.save, dom.cancel],
          onSave: async (_, row) => {
            try {
              await call(
                api.PUT('/api/products/price-lists/{id}/items', {
                  params: { path: { id } },
                  body: { items: [{ skuId: row.skuId, unitPriceFen: yuanToFen(row.unitPrice), floorPriceFen: yuanToFen(row.floorPrice) }] },
                }),
              );
              void message.success(t('priceList.itemsSaved'));
              actionRef.current?.reload();
            } catch (error) {
              reportError(error);
              throw error;
            }
          },
        }}
        toolBarRender={() =>
          manage
            ? [
                <Button key="add" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  {t('priceList.addItems')}
                </Button>,
              ]
            : []
        }
      />
      <PriceListForm list={data} open={editing} onOpenChange={setEditing} onSaved={() => void list.refetch()} />
      <AddItemsForm
        listId={id}
        open={adding}
        onOpenChange={setAdding}
        onSaved={() => {
          actionRef.current?.reload();
          void list.refetch();
        }}
      />
    </PageContainer>
  );
}
