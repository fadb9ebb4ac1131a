import { ModalForm, ProFormDigit, ProFormSwitch, ProFormText, ProFormTreeSelect } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { productKeys } from '../keys';
import type { Category } from '../types';
import type { CategoryNode } from '../useCategories';

interface Values {
  code: string;
  name: string;
  parentId?: number | null;
  sort?: number;
  active?: boolean;
}

/** PRD-1 品类: a node of the category tree. */
export function CategoryForm(props: {
  category?: Category | null;
  parentId?: number | null;
  tree: CategoryNode[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { category } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) => {
      const body = { ...values, code: values.code.trim(), name: values.name.trim(), parentId: values.parentId ?? null };
      return category
        ? call(api.PATCH('/api/products/categories/{id}', { params: { path: { id: category.id } }, body }))
        : call(api.POST('/api/products/categories', { body }));
    },
    { success: t('common.saved'), invalidate: [productKeys.categories] },
  );
  return (
    <ModalForm<Values>
      title={category ? t('products.categoryEdit') : t('products.categoryCreate')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={520}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        category
          ? { code: category.code, name: category.name, parentId: category.parentId, sort: category.sort, active: category.active }
          : { parentId: props.parentId ?? null, sort: 0, active: true }
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
      </Row>
      <ProFormTreeSelect
        name="parentId"
        label={t('products.categoryParent')}
        fieldProps={{ treeData: props.tree, allowClear: true, treeDefaultExpandAll: true }}
      />
      <Row gutter={16}>
        <Col span={12}>
          <ProFormDigit name="sort" label={t('common.sort')} min={0} max={100000} fieldProps={{ precision: 0 }} />
        </Col>
        <Col span={12}>
          <ProFormSwitch name="active" label={t('products.categoryActive')} />
        </Col>
      </Row>
    </ModalForm>
  );
}
