import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { ExpenseClaimDetail } from '../../../api/types';
import { formatFen } from '../../../components/format';
import { useSubmit } from '../../../components/useSubmit';

interface Values {
  paymentReference: string;
}

/** Finance records that an approved claim was paid, with the bank or voucher reference. */
export function PayForm({
  claim,
  open,
  onOpenChange,
}: {
  claim: ExpenseClaimDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    ({ paymentReference }: Values) =>
      call(
        api.POST('/api/expense-claims/{id}/pay', {
          params: { path: { id: claim.id } },
          body: { paymentReference: paymentReference.trim() },
        }),
      ),
    { success: t('expense.paid'), invalidate: [keys.expenses] },
  );
  return (
    <ModalForm<Values>
      title={`${t('expense.pay')} · ${claim.claimantName} ${formatFen(claim.amount, i18n.language)}`}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: t('expense.pay') } }}
      onFinish={onFinish}
    >
      <ProFormText
        name="paymentReference"
        label={t('expense.paymentReference')}
        rules={[{ required: true, whitespace: true }, { max: 100 }]}
      />
    </ModalForm>
  );
}
