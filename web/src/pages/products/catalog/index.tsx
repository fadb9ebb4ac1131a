import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Popconfirm, Row, Space, Table, Tag, Tree, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { productKeys } from '../keys';
import { ProductStatusTag, productStatusEnum } from '../options';
import type { Category, Product, ProductStatus, Sku } from '../types';
import { useCategoryTree } from '../useCategories';
import { CategoryForm } from './CategoryForm';
import { ProductForm } from './ProductForm';
import { SkuForm } from './SkuForm';

interface Params {
  current?: number;
  pageSize?: number;
  keyword?: string;
  status?: ProductStatus;
  categoryId?: number;
  refresh?: number;
}

/** PRD-1 catalog: the category tree beside the products, each product opening onto its SKUs and packs. */
export default function CatalogPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const manage = can(Access.productsCatalogManage);
  const reportError = useReportError();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const categories = useCategoryTree();
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [refresh, setRefresh] = useState(0);
  const [categoryForm, setCategoryForm] = useState<{ category: Category | null } | null>(null);
  const [productForm, setProductForm] = useState<{ product: Product | null } | null>(null);
  const [skuForm, setSkuForm] = useState<{ product: Product; sku: Sku | null } | null>(null);
  const reload = () => setRefresh((n) => n + 1);
  const selected = categories.data?.find((c) => c.id === categoryId) ?? null;

  const deleteCategory = async (category: Category) => {
    try {
      await call(api.DELETE('/api/products/categories/{id}', { params: { path: { id: category.id } } }));
      void message.success(t('common.deleted'));
      setCategoryId(undefined);
      void queryClient.invalidateQueries({ queryKey: productKeys.categories });
    } catch (error) {
      reportError(error);
    }
  };

  const skuColumns = (product: Product): ColumnsType<Sku> => [
    { title: t('products.skuCode'), dataIndex: 'code', render: (code: string) => <Typography.Text copyable>{code}</Typography.Text> },
    { title: t('products.spec'), dataIndex: 'name' },
    { title: t('products.barcode'), dataIndex: 'barcode', render: (v: string | null) => v ?? '–' },
    {
      title: t('products.pack'),
      key: 'pack',
      render: (_, sku) =>
        sku.caseUnit ? t('products.packText', { n: sku.unitsPerCase, base: sku.baseUnit, case: sku.caseUnit }) : sku.baseUnit,
    },
    { title: t('products.minOrderQuantity'), dataIndex: 'minOrderQuantity', align: 'right', render: (v: number | null) => v ?? '–' },
    {
      title: t('products.tracksCodes'),
      dataIndex: 'tracksCodes',
      render: (v: boolean) => (v ? <Tag color="blue">{t('common.yes')}</Tag> : t('common.no')),
    },
    { title: t('products.statusLabel'), dataIndex: 'status', render: (s: ProductStatus) => <ProductStatusTag status={s} /> },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, sku: Sku) => (
              <Button type="link" size="small" onClick={() => setSkuForm({ product, sku })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const columns: ProColumns<Product>[] = [
    {
      title: t('common.keyword'),
      dataIndex: 'keyword',
      hideInTable: true,
      fieldProps: { placeholder: t('products.keywordPlaceholder') },
    },
    { title: t('products.code'), dataIndex: 'code', search: false, width: 130 },
    { title: t('products.name'), dataIndex: 'name', search: false, render: (_, p) => <Typography.Text strong>{p.name}</Typography.Text> },
    { title: t('products.category'), dataIndex: 'categoryName', search: false },
    { title: t('products.brand'), dataIndex: 'brand', search: false },
    {
      title: t('products.statusLabel'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: productStatusEnum(t),
      render: (_, p) => <ProductStatusTag status={p.status} />,
    },
    { title: t('products.skuCount'), dataIndex: 'skus', search: false, align: 'right', render: (_, p) => p.skus.length },
    {
      title: t('common.actions'),
      valueType: 'option',
      hideInTable: !manage,
      render: (_, product) => [
        <Button key="edit" type="link" size="small" onClick={() => setProductForm({ product })}>
          {t('common.edit')}
        </Button>,
        <Button key="sku" type="link" size="small" onClick={() => setSkuForm({ product, sku: null })}>
          {t('products.skuCreate')}
        </Button>,
      ],
    },
  ];

  return (
    <PageContainer>
      <Row gutter={16} wrap={false}>
        <Col flex="240px">
          <Card
            size="small"
            title={t('products.categories')}
            extra={
              manage ? (
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    icon={<PlusOutlined />}
                    title={t('products.categoryCreate')}
                    onClick={() => setCategoryForm({ category: null })}
                  />
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    title={t('products.categoryEdit')}
                    disabled={!selected}
                    onClick={() => selected && setCategoryForm({ category: selected })}
                  />
                  <Popconfirm
                    title={t('products.categoryDeleteConfirm', { name: selected?.name ?? '' })}
                    disabled={!selected}
                    onConfirm={() => selected && deleteCategory(selected)}
                  >
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} title={t('common.delete')} disabled={!selected} />
                  </Popconfirm>
                </Space>
              ) : null
            }
          >
            <Button
              type={categoryId === undefined ? 'link' : 'text'}
              size="small"
              onClick={() => setCategoryId(undefined)}
              style={{ paddingLeft: 4 }}
            >
              {t('products.allCategories')}
            </Button>
            {categories.tree.length ? (
              <Tree
                blockNode
                defaultExpandAll
                selectedKeys={categoryId === undefined ? [] : [categoryId]}
                treeData={categories.tree}
                titleRender={(node) => (
                  <Space size={4}>
                    <span style={{ color: node.category.active ? undefined : '#999' }}>{node.title}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {node.category.productCount}
                    </Typography.Text>
                  </Space>
                )}
                onSelect={(keys) => setCategoryId(keys.length ? Number(keys[0]) : undefined)}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <ProTable<Product, Params>
            rowKey="id"
            columns={columns}
            params={{ categoryId, refresh }}
            cardBordered
            columnEmptyText="–"
            scroll={{ x: 'max-content' }}
            search={{ labelWidth: 'auto' }}
            pagination={{ defaultPageSize: 20 }}
            options={{ density: true, reload: true, setting: false }}
            onRequestError={reportError}
            expandable={{
              expandedRowRender: (product) =>
                product.skus.length ? (
                  <Table<Sku> rowKey="id" size="small" pagination={false} columns={skuColumns(product)} dataSource={product.skus} />
                ) : (
                  <Typography.Text type="secondary">{t('products.noSkus')}</Typography.Text>
                ),
            }}
            request={async ({ current = 1, pageSize = 20, keyword, status }) => {
              const page = await call(
                api.GET('/api/products', {
                  params: {
                    query: { keyword: keyword || undefined, status, categoryId, limit: pageSize, offset: (current - 1) * pageSize },
                  },
                }),
              );
              return { data: page.items, total: page.total, success: true };
            }}
            toolBarRender={() =>
              manage
                ? [
                    <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setProductForm({ product: null })}>
                      {t('products.productCreate')}
                    </Button>,
                  ]
                : []
            }
          />
        </Col>
      </Row>
      <CategoryForm
        category={categoryForm?.category}
        parentId={categoryForm?.category ? undefined : categoryId}
        tree={categories.tree}
        open={categoryForm !== null}
        onOpenChange={(open) => !open && setCategoryForm(null)}
      />
      <ProductForm
        product={productForm?.product}
        categoryId={categoryId}
        tree={categories.tree}
        open={productForm !== null}
        onOpenChange={(open) => !open && setProductForm(null)}
        onSaved={reload}
      />
      {skuForm && (
        <SkuForm
          productId={skuForm.product.id}
          productCode={skuForm.product.code}
          sku={skuForm.sku}
          open
          onOpenChange={(open) => !open && setSkuForm(null)}
          onSaved={reload}
        />
      )}
    </PageContainer>
  );
}
