import { ModalForm, ProFormDigit, ProFormItem, ProFormList, ProFormText } from '@ant-design/pro-components';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { inventoryKeys } from '../keys';
import { SkuSelect, WarehouseSelect } from '../pickers';

interface Values {
  warehouseId: number;
  reference: string;
  lines: { skuId: number; quantity: number }[];
}

/** OSB-4 goods in: a reference and the quantities per SKU, each line one receipt in the ledger. */
export function ReceiptForm(props: { open: boolean; onOpenChange: (open: boolean) => void; warehouseId?: number; onSaved?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(form, (values: Values) => call(api.POST('/api/inventory/receipts', { body: values })), {
    success: t('inventory.received'),
    invalidate: [inventoryKeys.stock, ['inventory', 'ledger']],
    onSaved: props.onSaved,
  });
  return (
    <ModalForm<Values>
      form={form}
      title={t('inventory.receiveTitle')}
      open={props.open}
      onOpenChange={props.onOpenChange}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ warehouseId: props.warehouseId, lines: [{}] }}
      onFinish={onFinish}
      width={720}
    >
      <ProFormItem name="warehouseId" label={t('inventory.warehouse')} rules={[{ required: true }]}>
        <WarehouseSelect activeOnly />
      </ProFormItem>
      <ProFormText
        name="reference"
        label={t('inventory.receiptReference')}
        placeholder={t('inventory.receiptReferencePlaceholder')}
        rules={[{ required: true, whitespace: true }]}
        fieldProps={{ maxLength: 200 }}
      />
      <ProFormList name="lines" label={t('inventory.lines')} min={1} creatorButtonProps={{ creatorButtonText: t('inventory.addLine') }}>
        {(_, index) => (
          <div style={{ display: 'flex', gap: 8, width: 620 }}>
            <div style={{ flex: 1 }}>
              <ProFormItem name="skuId" rules={[{ required: true }]} key={`sku-${index}`}>
                <SkuSelect />
              </ProFormItem>
            </div>
            <ProFormDigit
              name="quantity"
              placeholder={t('inventory.quantity')}
              min={1}
              fieldProps={{ precision: 0 }}
              rules={[{ required: true }]}
              width="sm"
            />
          </div>
        )}
      </ProFormList>
    </ModalForm>
  );
}
