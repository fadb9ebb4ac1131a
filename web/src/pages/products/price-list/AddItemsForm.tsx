import { ModalForm } from '@ant-design/pro-components';
import { Col, Form, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { yuanToFen } from '../../../components/format';
import { MoneyInput } from '../../../components/MoneyInput';
import { useSubmit } from '../../../components/useSubmit';
import { productKeys } from '../keys';
import type { SkuListItem } from '../types';

interface Values {
  skuIds: number[];
  unitPrice: number;
  floorPrice: number;
}

/** Adds several SKUs to a list at one price and floor (per base unit); rows are fine-tuned in the table after. */
export function AddItemsForm(props: { listId: number; open: boolean; onOpenChange: (open: boolean) => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [options, setOptions] = useState<SkuListItem[]>([]);
  const search = async (keyword: string) => {
    const page = await call(api.GET('/api/products/skus', { params: { query: { keyword: keyword || undefined, limit: 50 } } }));
    setOptions(page.items);
  };
  const onFinish = useSubmit(
    form,
    (values: Values) =>
      call(
        api.PUT('/api/products/price-lists/{id}/items', {
          params: { path: { id: props.listId } },
          body: {
            items: values.skuIds.map((skuId) => ({
              skuId,
              unitPriceFen: yuanToFen(values.unitPrice),
              floorPriceFen: yuanToFen(values.floorPrice),
            })),
          },
        }),
      ),
    { success: t('priceList.itemsSaved'), invalidate: [productKeys.priceList(props.listId)], onSaved: props.onSaved },
  );
  return (
    <ModalForm<Values>
      title={t('priceList.addItems')}
      form={form}
      open={props.open}
      onOpenChange={(open) => {
        if (open) void search('');
        props.onOpenChange(open);
      }}
      width={640}
      modalProps={{ destroyOnHidden: true }}
      onFinish={onFinish}
    >
      <Typography.Paragraph type="secondary">{t('priceList.addItemsHint')}</Typography.Paragraph>
      <Form.Item name="skuIds" label={t('priceList.skus')} rules={[{ required: true }]}>
        <Select
          mode="multiple"
          showSearch
          filterOption={false}
          onSearch={(keyword) => void search(keyword)}
          options={options.map((s) => ({ value: s.id, label: `${s.code} ${s.productName} ${s.name}` }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="unitPrice" label={t('priceList.unitPrice')} rules={[{ required: true }]}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="floorPrice"
            label={t('priceList.floorPrice')}
            dependencies={['unitPrice']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value: number | null) =>
                  value === null || value === undefined || value <= (getFieldValue('unitPrice') ?? 0)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('priceList.floorAbove'))),
              }),
            ]}
          >
            <MoneyInput />
          </Form.Item>
        </Col>
      </Row>
    </ModalForm>
  );
}
