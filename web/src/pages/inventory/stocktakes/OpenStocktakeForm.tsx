import { ModalForm, ProFormItem, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { inventoryKeys } from '../keys';
import { WarehouseSelect } from '../pickers';
import type { Stocktake } from '../types';

interface Values {
  warehouseId: number;
  note?: string;
}

export function OpenStocktakeForm(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onOpened: (stocktake: Stocktake) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) =>
      call(api.POST('/api/inventory/stocktakes', { body: { warehouseId: values.warehouseId, note: values.note?.trim() || null } })),
    { success: t('common.saved'), invalidate: [inventoryKeys.stocktakes], onSaved: props.onOpened },
  );
  return (
    <ModalForm<Values>
      form={form}
      title={t('stocktake.openTitle')}
      open={props.open}
      onOpenChange={props.onOpenChange}
      modalProps={{ destroyOnHidden: true }}
      onFinish={onFinish}
      width={520}
    >
      <Alert type="info" showIcon message={t('stocktake.openHint')} style={{ marginBottom: 16 }} />
      <ProFormItem name="warehouseId" label={t('inventory.warehouse')} rules={[{ required: true }]}>
        <WarehouseSelect activeOnly />
      </ProFormItem>
      <ProFormTextArea name="note" label={t('stocktake.note')} fieldProps={{ maxLength: 500 }} />
    </ModalForm>
  );
}
