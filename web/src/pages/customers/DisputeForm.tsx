import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';
import { customerKeys } from './keys';

/**
 * CUS-2 争议处理: claims an account someone else owns. The server opens an approval to the common superior
 * of both reps; the decision moves the account.
 */
export function DisputeForm(props: {
  account: { id: number; code: string; name: string; ownerName: string | null };
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { account } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ reason: string }>();
  const onFinish = useSubmit(
    form,
    ({ reason }) =>
      call(api.POST('/api/customers/accounts/{id}/disputes', { params: { path: { id: account.id } }, body: { reason: reason.trim() } })),
    {
      success: t('customers.dispute.filed'),
      invalidate: [customerKeys.all],
      onSaved: (dispute) => (dispute.approvalId ? void navigate(`/approvals/${dispute.approvalId}`) : undefined),
    },
  );
  return (
    <ModalForm<{ reason: string }>
      title={t('customers.dispute.file')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      modalProps={{ destroyOnHidden: true }}
      width={560}
      onFinish={onFinish}
      submitter={{ searchConfig: { submitText: t('customers.dispute.submit') } }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`${account.code} ${account.name}`}
        description={t('customers.dispute.explain', { owner: account.ownerName ?? t('customers.pool.inPool') })}
      />
      <ProFormTextArea
        name="reason"
        label={t('customers.dispute.reason')}
        placeholder={t('customers.dispute.reasonPlaceholder')}
        rules={[{ required: true, whitespace: true }, { max: 500 }]}
        fieldProps={{ rows: 4, showCount: true, maxLength: 500 }}
      />
    </ModalForm>
  );
}
