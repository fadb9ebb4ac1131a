import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { useReportError } from './errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();

  return (
    <ModalForm<Values>
      title={t('password.change')}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={420}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async ({ currentPassword, newPassword }) => {
        try {
          await call(api.POST('/api/auth/password', { body: { currentPassword, newPassword } }));
          void message.success(t('password.changed'));
          return true;
        } catch (error) {
          reportError(error, form);
          return false;
        }
      }}
    >
      <ProFormText.Password name="currentPassword" label={t('password.current')} rules={[{ required: true }]} />
      <ProFormText.Password name="newPassword" label={t('password.new')} rules={[{ required: true }, { min: 8 }]} />
      <ProFormText.Password
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      />
    </ModalForm>
  );
}
