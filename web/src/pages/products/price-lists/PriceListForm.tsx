import { ModalForm, ProFormDatePicker, ProFormDigit, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { GeographyPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';
import { kindOptions } from '../../customers/options';
import type { AccountKind } from '../../customers/types';
import { productKeys } from '../keys';
import { listStatusOptions } from '../options';
import type { PriceList, PriceListStatus } from '../types';

interface Values {
  code: string;
  name: string;
  accountKind?: AccountKind | null;
  geographyId?: number | null;
  validFrom: string;
  validTo?: string | null;
  priority?: number;
  status?: PriceListStatus;
  note?: string;
}

/** PRD-2: who a list is for (kind, place), when it applies and how it ranks against lists on equal terms. */
export function PriceListForm(props: {
  list?: PriceList | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (list: PriceList) => void;
}) {
  const { list } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) => {
      const body = {
        code: values.code.trim(),
        name: values.name.trim(),
        accountKind: values.accountKind ?? null,
        geographyId: values.geographyId ?? null,
        validFrom: values.validFrom,
        validTo: values.validTo ?? null,
        priority: values.priority ?? 0,
        status: values.status,
        note: values.note?.trim() ? values.note.trim() : null,
      };
      return list
        ? call(api.PATCH('/api/products/price-lists/{id}', { params: { path: { id: list.id } }, body }))
        : call(api.POST('/api/products/price-lists', { body }));
    },
    { success: t('common.saved'), invalidate: [productKeys.priceLists], onSaved: props.onSaved },
  );
  return (
    <ModalForm<Values>
      title={list ? t('priceList.edit') : t('priceList.create')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={640}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        list
          ? {
              code: list.code,
              name: list.name,
              accountKind: list.accountKind as AccountKind | null,
              geographyId: list.geographyId,
              validFrom: list.validFrom,
              validTo: list.validTo,
              priority: list.priority,
              status: list.status,
              note: list.note ?? undefined,
            }
          : { priority: 0, status: 'draft' }
      }
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={10}>
          <ProFormText
            name="code"
            label={t('priceList.code')}
            rules={[{ required: true, whitespace: true }, { max: 40 }, { pattern: /^[A-Za-z0-9._-]+$/ }]}
          />
        </Col>
        <Col span={14}>
          <ProFormText name="name" label={t('priceList.name')} rules={[{ required: true, whitespace: true }, { max: 120 }]} />
        </Col>
        <Col span={12}>
          <ProFormSelect
            name="accountKind"
            label={t('priceList.accountKind')}
            placeholder={t('priceList.allKinds')}
            options={kindOptions(t)}
            allowClear
          />
        </Col>
        <Col span={12}>
          <Form.Item name="geographyId" label={t('priceList.geography')}>
            <GeographyPicker placeholder={t('priceList.national')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <ProFormDatePicker
            name="validFrom"
            label={t('priceList.validFrom')}
            rules={[{ required: true }]}
            fieldProps={{ style: { width: '100%' } }}
          />
        </Col>
        <Col span={8}>
          <ProFormDatePicker
            name="validTo"
            label={t('priceList.validTo')}
            placeholder={t('priceList.openEnded')}
            fieldProps={{ style: { width: '100%' } }}
          />
        </Col>
        <Col span={8}>
          <ProFormDigit
            name="priority"
            label={t('priceList.priority')}
            tooltip={t('priceList.priorityHint')}
            min={0}
            max={1000}
            fieldProps={{ precision: 0 }}
          />
        </Col>
        <Col span={8}>
          <ProFormSelect name="status" label={t('priceList.statusLabel')} options={listStatusOptions(t)} />
        </Col>
      </Row>
      <ProFormTextArea name="note" label={t('priceList.note')} rules={[{ max: 1000 }]} fieldProps={{ rows: 2 }} />
    </ModalForm>
  );
}
