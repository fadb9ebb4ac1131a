import { ModalForm, ProFormDigit } from '@ant-design/pro-components';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { inventoryKeys } from '../keys';
import type { StockRow } from '../types';

/** The minimum below which the warehouse manager hears about a SKU. */
export function MinStockForm({ row, onClose, onSaved }: { row: StockRow | null; onClose: () => void; onSaved?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ minStock: number }>();
  const onFinish = useSubmit(
    form,
    (values: { minStock: number }) =>
      call(
        api.PUT('/api/inventory/stock/min-stock', {
          body: { warehouseId: row?.warehouseId ?? 0, skuId: row?.skuId ?? 0, minStock: values.minStock },
        }),
      ),
    { success: t('common.saved'), invalidate: [inventoryKeys.stock], onSaved },
  );
  return (
    <ModalForm<{ minStock: number }>
      form={form}
      title={row ? t('inventory.setMinStockTitle', { warehouse: row.warehouseName, sku: row.skuCode }) : ''}
      open={row !== null}
      onOpenChange={(open) => !open && onClose()}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ minStock: row?.minStock ?? 0 }}
      onFinish={onFinish}
      width={420}
    >
      <ProFormDigit
        name="minStock"
        label={t('inventory.minStock')}
        extra={t('inventory.minStockHint')}
        min={0}
        fieldProps={{ precision: 0 }}
        rules={[{ required: true }]}
      />
    </ModalForm>
  );
}
