import { ModalForm, ProFormSelect, ProFormText, ProFormTextArea, ProFormTreeSelect } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { productKeys } from '../keys';
import { productStatusOptions } from '../options';
import type { Product, ProductStatus } from '../types';
import type { CategoryNode } from '../useCategories';

interface Values {
  code: string;
  name: string;
  categoryId: number;
  brand?: string;
  description?: string;
  status?: ProductStatus;
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** PRD-1: a product as marketed; its SKUs are added beneath it. */
export function ProductForm(props: {
  product?: Product | null;
  categoryId?: number;
  tree: CategoryNode[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
}) {
  const { product } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) => {
      const body = {
        code: values.code.trim(),
        name: values.name.trim(),
        categoryId: values.categoryId,
        brand: orNull(values.brand),
        description: orNull(values.description),
        status: values.status,
      };
      return product
        ? call(api.PATCH('/api/products/{id}', { params: { path: { id: product.id } }, body }))
        : call(api.POST('/api/products', { body }));
    },
    { success: t('common.saved'), invalidate: [productKeys.products, productKeys.categories], onSaved: props.onSaved },
  );
  return (
    <ModalForm<Values>
      title={product ? t('products.productEdit') : t('products.productCreate')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={640}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        product
          ? {
              code: product.code,
              name: product.name,
              categoryId: product.categoryId,
              brand: product.brand ?? undefined,
              description: product.description ?? undefined,
              status: product.status,
            }
          : { categoryId: props.categoryId, status: 'draft' }
      }
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={10}>
          <ProFormText
            name="code"
            label={t('products.code')}
            rules={[{ required: true, whitespace: true }, { max: 40 }, { pattern: /^[A-Za-z0-9._-]+$/ }]}
          />
        </Col>
        <Col span={14}>
          <ProFormText name="name" label={t('products.name')} rules={[{ required: true, whitespace: true }, { max: 120 }]} />
        </Col>
        <Col span={10}>
          <ProFormTreeSelect
            name="categoryId"
            label={t('products.category')}
            rules={[{ required: true }]}
            fieldProps={{ treeData: props.tree, treeDefaultExpandAll: true }}
          />
        </Col>
        <Col span={7}>
          <ProFormText name="brand" label={t('products.brand')} rules={[{ max: 60 }]} />
        </Col>
        <Col span={7}>
          <ProFormSelect name="status" label={t('products.statusLabel')} options={productStatusOptions(t)} />
        </Col>
      </Row>
      <ProFormTextArea name="description" label={t('products.description')} rules={[{ max: 4000 }]} fieldProps={{ rows: 3 }} />
    </ModalForm>
  );
}
