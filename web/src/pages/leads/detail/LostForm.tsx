import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { leadKeys } from '../queries';
import type { LeadDetail } from '../types';

/** Ends the lead as lost; the reason is required and feeds the funnel's loss analysis. */
export function LostForm(props: { lead: LeadDetail; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const onFinish = useSubmit(
    form,
    (values: { reason: string }) =>
      call(api.POST('/api/customers/leads/{id}/lost', { params: { path: { id: props.lead.id } }, body: { reason: values.reason.trim() } })),
    { success: t('lead.lostMarked'), invalidate: [leadKeys.all] },
  );
  return (
    <ModalForm<{ reason: string }>
      title={t('lead.markLost')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true, okButtonProps: { danger: true } }}
      onFinish={onFinish}
    >
      <ProFormTextArea
        name="reason"
        label={t('lead.lostReason')}
        placeholder={t('lead.lostReasonHint')}
        rules={[{ required: true, whitespace: true }, { max: 500 }]}
        fieldProps={{ rows: 3, showCount: true, maxLength: 500 }}
      />
    </ModalForm>
  );
}
