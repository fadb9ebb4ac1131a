import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { orderKeys } from '../options';

/** OSB-3: calls off a prepared shipment with a reason; the server frees its quantities and codes. */
export function CancelShipmentForm({ shipment, onClose }: { shipment: { id: number; number: string }; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const onFinish = useSubmit(
    form,
    ({ reason }: { reason: string }) =>
      call(api.POST('/api/orders/shipments/{id}/cancel', { params: { path: { id: shipment.id } }, body: { reason: reason.trim() } })),
    { success: t('shipmentForm.cancelled'), invalidate: [orderKeys.all] },
  );
  return (
    <ModalForm<{ reason: string }>
      title={`${t('shipmentForm.cancel')} · ${shipment.number}`}
      form={form}
      open
      width={520}
      onOpenChange={(open) => !open && onClose()}
      modalProps={{ destroyOnHidden: true }}
      submitter={{
        searchConfig: { submitText: t('shipmentForm.cancel'), resetText: t('shipmentForm.keep') },
        submitButtonProps: { danger: true },
      }}
      onFinish={async (values) => {
        const ok = await onFinish(values);
        if (ok) onClose();
        return ok;
      }}
    >
      <Alert type="warning" showIcon message={t('shipmentForm.cancelHint')} style={{ marginBottom: 16 }} />
      <ProFormTextArea
        name="reason"
        label={t('shipmentForm.cancelReason')}
        rules={[{ required: true, whitespace: true }, { max: 500 }]}
        fieldProps={{ maxLength: 500, showCount: true, autoFocus: true }}
      />
    </ModalForm>
  );
}
