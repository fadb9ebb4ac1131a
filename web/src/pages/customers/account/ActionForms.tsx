import { ModalForm, ProForm, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { UserPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';
import { customerKeys } from '../keys';
import { gradeOptions } from '../options';
import type { AccountDetail, AccountGrade } from '../types';

interface DialogProps {
  account: AccountDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

const reasonRules = [{ required: true, whitespace: true }, { max: 500 }];

/** CUS-3: a new grade with the reason of the review (kept in the grade reviews tab). */
export function RegradeForm({ account, open, onOpenChange }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ grade: AccountGrade; reason: string }>();
  const onFinish = useSubmit(
    form,
    (v: { grade: AccountGrade; reason: string }) =>
      call(
        api.POST('/api/customers/accounts/{id}/grade', {
          params: { path: { id: account.id } },
          body: { grade: v.grade, reason: v.reason.trim() },
        }),
      ),
    { success: t('customers.grade.saved'), invalidate: [customerKeys.all] },
  );
  return (
    <ModalForm
      title={t('customers.grade.regrade')}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ grade: account.grade ?? undefined }}
      onFinish={onFinish}
    >
      <ProFormRadio.Group
        name="grade"
        label={t('customers.grade.newGrade')}
        rules={[{ required: true }]}
        radioType="button"
        options={gradeOptions(t)}
      />
      <ProFormTextArea
        name="reason"
        label={t('customers.grade.reason')}
        rules={reasonRules}
        fieldProps={{ rows: 3, maxLength: 500, showCount: true }}
      />
    </ModalForm>
  );
}

/** CUS-12: back to the public pool with a reason; anyone of the market may then claim it. */
export function ReleaseForm({ account, open, onOpenChange }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const onFinish = useSubmit(
    form,
    (v: { reason: string }) =>
      call(api.POST('/api/customers/accounts/{id}/release', { params: { path: { id: account.id } }, body: { reason: v.reason.trim() } })),
    { success: t('customers.pool.released'), invalidate: [customerKeys.all] },
  );
  return (
    <ModalForm
      title={t('customers.pool.release')}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      onFinish={onFinish}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('customers.pool.releaseWarning', { name: account.name })} />
      <ProFormTextArea
        name="reason"
        label={t('customers.pool.releaseReason')}
        rules={reasonRules}
        fieldProps={{ rows: 3, maxLength: 500, showCount: true }}
      />
    </ModalForm>
  );
}

/** Gives the account to someone of my team (both the current and the new owner must be mine). */
export function AssignForm({ account, open, onOpenChange }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ ownerUserId: number; reason?: string }>();
  const onFinish = useSubmit(
    form,
    (v: { ownerUserId: number; reason?: string }) =>
      call(
        api.POST('/api/customers/accounts/{id}/assign', {
          params: { path: { id: account.id } },
          body: { ownerUserId: v.ownerUserId, reason: v.reason?.trim() || null },
        }),
      ),
    { success: t('customers.assign.saved'), invalidate: [customerKeys.all] },
  );
  return (
    <ModalForm
      title={t('customers.assign.title')}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      onFinish={onFinish}
    >
      <ProForm.Item name="ownerUserId" label={t('customers.assign.newOwner')} rules={[{ required: true }]}>
        <UserPicker />
      </ProForm.Item>
      <ProFormTextArea name="reason" label={t('customers.assign.reason')} rules={[{ max: 500 }]} fieldProps={{ rows: 3, maxLength: 500 }} />
    </ModalForm>
  );
}
