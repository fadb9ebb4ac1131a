import { ModalForm, ProForm, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { BodyOf } from '../../../api/types';
import { DepartmentPicker, PositionPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';

type Values = BodyOf<'/api/org/policies', 'post'>;

/** A new policy starts as a draft with its first version (ORG-7); publishing happens on its page. */
export function PolicyCreateForm({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(form, (body: Values) => call(api.POST('/api/org/policies', { body })), {
    success: t('common.saved'),
    invalidate: [keys.policies],
    onSaved: (policy) => void navigate(`/org/policies/${policy.id}`),
  });
  return (
    <ModalForm<Values>
      title={t('policy.create')}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={760}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ version: 'V1.0', departmentIds: [], positionIds: [] }}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={8}>
          <ProFormText name="code" label={t('policy.code')} rules={[{ required: true }, { max: 30 }]} placeholder="MKT-001" />
        </Col>
        <Col span={16}>
          <ProFormText name="title" label={t('policy.title')} rules={[{ required: true }, { max: 120 }]} />
        </Col>
        <Col span={8}>
          <ProFormText name="category" label={t('policy.category')} rules={[{ required: true }, { max: 40 }]} />
        </Col>
        <Col span={8}>
          <ProForm.Item name="ownerDepartmentId" label={t('policy.ownerDepartment')}>
            <DepartmentPicker />
          </ProForm.Item>
        </Col>
        <Col span={8}>
          <ProFormText name="version" label={t('policy.version')} rules={[{ required: true }, { max: 20 }]} />
        </Col>
        <Col span={12}>
          <ProForm.Item name="departmentIds" label={t('policy.targetDepartments')}>
            <DepartmentPicker multiple />
          </ProForm.Item>
        </Col>
        <Col span={12}>
          <ProForm.Item name="positionIds" label={t('policy.targetPositions')}>
            <PositionPicker multiple />
          </ProForm.Item>
        </Col>
      </Row>
      <ProFormTextArea
        name="body"
        label={t('policy.body')}
        rules={[{ required: true }]}
        fieldProps={{ rows: 10 }}
        extra={t('policy.bodyHint')}
      />
      <ProFormText name="changeSummary" label={t('policy.changeSummary')} rules={[{ max: 500 }]} />
    </ModalForm>
  );
}
