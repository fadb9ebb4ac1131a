import { ModalForm, ProFormItem, ProFormSelect, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { GeographyPicker, UserPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';
import { inventoryKeys } from '../keys';
import { kindOptions } from '../options';
import type { Warehouse, WarehouseKind } from '../types';

interface Values {
  code: string;
  name: string;
  kind: WarehouseKind;
  geographyId?: number | null;
  address?: string | null;
  managerUserId?: number | null;
  active: boolean;
}

/** A new warehouse, or changes to one (null = new). */
export function WarehouseForm(props: {
  warehouse: Warehouse | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { warehouse } = props;
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) => {
      const body = {
        ...values,
        geographyId: values.geographyId ?? null,
        managerUserId: values.managerUserId ?? null,
        address: values.address?.trim() || null,
      };
      return warehouse
        ? call(api.PATCH('/api/inventory/warehouses/{id}', { params: { path: { id: warehouse.id } }, body }))
        : call(api.POST('/api/inventory/warehouses', { body }));
    },
    { success: t('warehouse.saved'), invalidate: [inventoryKeys.warehouses], onSaved: props.onSaved },
  );
  return (
    <ModalForm<Values>
      form={form}
      title={warehouse ? t('warehouse.edit') : t('warehouse.create')}
      open={props.open}
      onOpenChange={props.onOpenChange}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        warehouse
          ? {
              code: warehouse.code,
              name: warehouse.name,
              kind: warehouse.kind,
              geographyId: warehouse.geographyId,
              address: warehouse.address,
              managerUserId: warehouse.managerUserId,
              active: warehouse.active,
            }
          : { kind: 'regional', active: true }
      }
      onFinish={onFinish}
      width={560}
    >
      <ProFormText
        name="code"
        label={t('warehouse.code')}
        rules={[{ required: true, pattern: /^[A-Za-z0-9_-]+$/ }]}
        fieldProps={{ maxLength: 30 }}
      />
      <ProFormText name="name" label={t('warehouse.name')} rules={[{ required: true, whitespace: true }]} fieldProps={{ maxLength: 100 }} />
      <ProFormSelect name="kind" label={t('warehouse.kindLabel')} options={kindOptions(t)} rules={[{ required: true }]} />
      <ProFormItem name="geographyId" label={t('warehouse.geography')} extra={t('warehouse.geographyHint')}>
        <GeographyPicker />
      </ProFormItem>
      <ProFormText name="address" label={t('warehouse.address')} fieldProps={{ maxLength: 300 }} />
      <ProFormItem name="managerUserId" label={t('warehouse.manager')}>
        <UserPicker current={warehouse?.managerUserId ? { id: warehouse.managerUserId, name: warehouse.managerName ?? '' } : null} />
      </ProFormItem>
      <ProFormSwitch name="active" label={t('warehouse.active')} />
    </ModalForm>
  );
}
