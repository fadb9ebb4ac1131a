import { ModalForm, ProFormDigit, ProFormSelect, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { productKeys } from '../keys';
import { productStatusOptions } from '../options';
import type { ProductStatus, Sku } from '../types';

interface Values {
  code: string;
  name: string;
  barcode?: string;
  baseUnit: string;
  caseUnit?: string;
  unitsPerCase?: number;
  tracksCodes?: boolean;
  minOrderQuantity?: number | null;
  status?: ProductStatus;
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** PRD-1 SKU: a spec with its units and case pack; quantities everywhere count the base unit. */
export function SkuForm(props: {
  productId: number;
  productCode: string;
  sku?: Sku | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
}) {
  const { sku } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) => {
      const body = {
        code: values.code.trim(),
        name: values.name.trim(),
        barcode: orNull(values.barcode),
        baseUnit: values.baseUnit.trim(),
        caseUnit: orNull(values.caseUnit),
        unitsPerCase: values.unitsPerCase ?? 1,
        tracksCodes: values.tracksCodes ?? false,
        minOrderQuantity: typeof values.minOrderQuantity === 'number' ? values.minOrderQuantity : null,
        status: values.status,
      };
      return sku
        ? call(api.PATCH('/api/products/skus/{id}', { params: { path: { id: sku.id } }, body }))
        : call(api.POST('/api/products/{id}/skus', { params: { path: { id: props.productId } }, body }));
    },
    { success: t('common.saved'), invalidate: [productKeys.products], onSaved: props.onSaved },
  );
  return (
    <ModalForm<Values>
      title={sku ? t('products.skuEdit') : t('products.skuCreate')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={640}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        sku
          ? {
              code: sku.code,
              name: sku.name,
              barcode: sku.barcode ?? undefined,
              baseUnit: sku.baseUnit,
              caseUnit: sku.caseUnit ?? undefined,
              unitsPerCase: sku.unitsPerCase,
              tracksCodes: sku.tracksCodes,
              minOrderQuantity: sku.minOrderQuantity,
              status: sku.status,
            }
          : { code: `${props.productCode}-`, baseUnit: '瓶', caseUnit: '箱', unitsPerCase: 12, tracksCodes: false, status: 'draft' }
      }
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProFormText
            name="code"
            label={t('products.skuCode')}
            rules={[{ required: true, whitespace: true }, { max: 40 }, { pattern: /^[A-Za-z0-9._-]+$/ }]}
          />
        </Col>
        <Col span={12}>
          <ProFormText name="name" label={t('products.spec')} rules={[{ required: true, whitespace: true }, { max: 120 }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="barcode" label={t('products.barcode')} rules={[{ max: 32 }, { pattern: /^[0-9A-Za-z-]*$/ }]} />
        </Col>
        <Col span={12}>
          <ProFormSelect name="status" label={t('products.statusLabel')} options={productStatusOptions(t)} />
        </Col>
        <Col span={8}>
          <ProFormText
            name="baseUnit"
            label={t('products.baseUnit')}
            tooltip={t('products.baseUnitHint')}
            rules={[{ required: true, whitespace: true }, { max: 10 }]}
          />
        </Col>
        <Col span={8}>
          <ProFormText name="caseUnit" label={t('products.caseUnit')} rules={[{ max: 10 }]} />
        </Col>
        <Col span={8}>
          <ProFormDigit
            name="unitsPerCase"
            label={t('products.unitsPerCase')}
            min={1}
            max={10000}
            fieldProps={{ precision: 0 }}
            rules={[{ required: true }]}
          />
        </Col>
        <Col span={12}>
          <ProFormDigit
            name="minOrderQuantity"
            label={t('products.minOrderQuantity')}
            min={1}
            max={1000000}
            fieldProps={{ precision: 0 }}
          />
        </Col>
        <Col span={12}>
          <ProFormSwitch name="tracksCodes" label={t('products.tracksCodes')} />
        </Col>
      </Row>
    </ModalForm>
  );
}
