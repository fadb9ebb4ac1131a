import { ModalForm, ProForm, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { User } from '../../../api/types';
import { GeographyPicker, PositionPicker, UserPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';

interface DialogProps {
  user: User;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

interface EditValues {
  displayName: string;
  mobile: string | null;
  email: string | null;
}

export function UserEditForm({ user, open, onOpenChange }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const onFinish = useSubmit(
    form,
    (values: EditValues) =>
      call(
        api.PATCH('/api/org/users/{id}', {
          params: { path: { id: user.id } },
          body: { displayName: values.displayName, mobile: values.mobile || null, email: values.email || null },
        }),
      ),
    { success: t('common.saved'), invalidate: [keys.users] },
  );
  return (
    <ModalForm<EditValues>
      title={t('user.edit')}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ displayName: user.displayName, mobile: user.mobile, email: user.email }}
      onFinish={onFinish}
    >
      <ProFormText name="displayName" label={t('user.displayName')} rules={[{ required: true }, { max: 60 }]} />
      <ProFormText name="mobile" label={t('user.mobile')} />
      <ProFormText name="email" label={t('user.email')} />
    </ModalForm>
  );
}

export function ResetPasswordForm({ user, open, onOpenChange }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const onFinish = useSubmit(
    form,
    ({ password }: { password: string }) =>
      call(api.POST('/api/org/users/{id}/reset-password', { params: { path: { id: user.id } }, body: { password } })),
    { success: t('user.passwordReset'), invalidate: [] },
  );
  return (
    <ModalForm<{ password: string }>
      title={t('user.resetPasswordOf', { name: user.displayName })}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={420}
      modalProps={{ destroyOnHidden: true }}
      onFinish={onFinish}
    >
      <ProFormText.Password
        name="password"
        label={t('password.new')}
        rules={[{ required: true }, { min: 8 }]}
        fieldProps={{ autoComplete: 'new-password' }}
      />
    </ModalForm>
  );
}

export type MoveKind = 'promote' | 'transfer' | 'leave';

interface MoveValues {
  positionId?: number;
  geographyId?: number;
  successorUserId?: number;
  reason: string;
}

function submitMove(user: User, kind: MoveKind, values: MoveValues) {
  const path = { params: { path: { id: user.id } } };
  const { reason, positionId, geographyId, successorUserId } = values;
  switch (kind) {
    case 'promote':
      return call(api.POST('/api/org/users/{id}/promote', { ...path, body: { positionId: positionId ?? 0, reason } }));
    case 'transfer':
      return call(api.POST('/api/org/users/{id}/transfer', { ...path, body: { positionId, geographyId, reason } }));
    case 'leave':
      return call(api.POST('/api/org/users/{id}/leave', { ...path, body: { successorUserId: successorUserId ?? 0, reason } }));
  }
}

/** Promote, transfer, or record a departure with a successor (ORG-6). */
export function MoveForm({ user, kind, open, onOpenChange }: DialogProps & { kind: MoveKind }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveValues>();
  const onFinish = useSubmit(form, (values: MoveValues) => submitMove(user, kind, values), {
    success: t(`move.done.${kind}`),
    invalidate: [keys.users, keys.positions, keys.departments],
  });
  return (
    <ModalForm<MoveValues>
      title={t(`move.title.${kind}`, { name: user.displayName })}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={520}
      modalProps={{ destroyOnHidden: true }}
      onFinish={onFinish}
    >
      {kind !== 'leave' && (
        <ProForm.Item
          name="positionId"
          label={t('move.toPosition')}
          rules={kind === 'promote' ? [{ required: true }] : []}
          extra={kind === 'transfer' ? t('move.transferHint') : undefined}
        >
          <PositionPicker exclude={user.positionId ?? undefined} />
        </ProForm.Item>
      )}
      {kind === 'transfer' && (
        <ProForm.Item name="geographyId" label={t('move.toGeography')}>
          <GeographyPicker />
        </ProForm.Item>
      )}
      {kind === 'leave' && (
        <ProForm.Item name="successorUserId" label={t('move.successor')} rules={[{ required: true }]} extra={t('move.leaveHint')}>
          <UserPicker />
        </ProForm.Item>
      )}
      <ProFormTextArea name="reason" label={t('move.reason')} rules={[{ required: true }, { max: 500 }]} fieldProps={{ rows: 3 }} />
    </ModalForm>
  );
}
