import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { orderKeys } from '../options';
import type { OrderDetail } from '../types';

/** OSB-1: cancel with a reason before anything ships; the server releases a reservation. */
export function CancelForm({ order, open, onOpenChange }: { order: OrderDetail; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const onFinish = useSubmit(
    form,
    ({ reason }: { reason: string }) =>
      call(api.POST('/api/orders/{id}/cancel', { params: { path: { id: order.id } }, body: { reason: reason.trim() } })),
    { success: t('order.cancelled'), invalidate: [orderKeys.all] },
  );
  return (
    <ModalForm<{ reason: string }>
      title={`${t('order.cancel')} · ${order.number}`}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: t('order.cancel') } }}
      onFinish={onFinish}
    >
      <ProFormTextArea name="reason" label={t('order.reason')} rules={[{ required: true, whitespace: true }, { max: 500 }]} />
    </ModalForm>
  );
}
