import { ModalForm, ProForm, ProFormText } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { BodyOf } from '../../../api/types';
import { GeographyPicker, PositionPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';

type Values = BodyOf<'/api/org/users', 'post'>;

/** Empty optional inputs mean "none", not an empty string the server would reject. */
function withoutBlanks(values: Values): Values {
  return { ...values, mobile: values.mobile || null, email: values.email || null };
}

export function UserCreateForm({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(form, (values: Values) => call(api.POST('/api/org/users', { body: withoutBlanks(values) })), {
    success: t('common.saved'),
    invalidate: [keys.users, keys.positions, keys.departments],
    onSaved: (user) => void navigate(`/org/users/${user.id}`),
  });

  return (
    <ModalForm<Values>
      title={t('user.create')}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={640}
      modalProps={{ destroyOnHidden: true }}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProFormText name="username" label={t('user.username')} rules={[{ required: true }, { min: 2, max: 40 }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="displayName" label={t('user.displayName')} rules={[{ required: true }, { max: 60 }]} />
        </Col>
        <Col span={12}>
          <ProFormText.Password
            name="password"
            label={t('user.initialPassword')}
            rules={[{ required: true }, { min: 8 }]}
            fieldProps={{ autoComplete: 'new-password' }}
          />
        </Col>
        <Col span={12}>
          <ProFormText name="mobile" label={t('user.mobile')} />
        </Col>
        <Col span={12}>
          <ProFormText name="email" label={t('user.email')} />
        </Col>
        <Col span={12}>
          <ProForm.Item name="positionId" label={t('user.position')}>
            <PositionPicker />
          </ProForm.Item>
        </Col>
        <Col span={12}>
          <ProForm.Item name="geographyId" label={t('user.geography')}>
            <GeographyPicker />
          </ProForm.Item>
        </Col>
      </Row>
    </ModalForm>
  );
}
