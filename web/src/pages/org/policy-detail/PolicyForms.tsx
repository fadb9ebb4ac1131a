import { ModalForm, ProForm, ProFormDatePicker, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { PolicyDetail } from '../../../api/types';
import { DepartmentPicker, PositionPicker, UserPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';

interface DialogProps {
  policy: PolicyDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

interface VersionValues {
  version: string;
  body: string;
  changeSummary: string;
}

/** Drafts the next version, starting from the text in force. */
export function VersionForm({ policy, open, onOpenChange }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VersionValues>();
  const onFinish = useSubmit(
    form,
    (body: VersionValues) => call(api.POST('/api/org/policies/{id}/versions', { params: { path: { id: policy.id } }, body })),
    { success: t('common.saved'), invalidate: [keys.policies] },
  );
  return (
    <ModalForm<VersionValues>
      title={t('policy.newVersion')}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={760}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ body: policy.body ?? '', changeSummary: '' }}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={8}>
          <ProFormText name="version" label={t('policy.version')} rules={[{ required: true }, { max: 20 }]} placeholder="V2.0" />
        </Col>
        <Col span={16}>
          <ProFormText name="changeSummary" label={t('policy.changeSummary')} rules={[{ required: true }, { max: 500 }]} />
        </Col>
      </Row>
      <ProFormTextArea
        name="body"
        label={t('policy.body')}
        rules={[{ required: true }]}
        fieldProps={{ rows: 14 }}
        extra={t('policy.bodyHint')}
      />
    </ModalForm>
  );
}

interface PublishValues {
  reviewedBy: number;
  approvedBy: number;
  /** ProForm hands dates over as YYYY-MM-DD strings (its default dateFormatter). */
  effectiveDate: string;
}

/** Puts the draft in force with its reviewer (审核) and approver (批准); everyone targeted must then acknowledge it. */
export function PublishForm({ policy, open, onOpenChange }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PublishValues>();
  const draft = policy.draft;
  const onFinish = useSubmit(
    form,
    ({ reviewedBy, approvedBy, effectiveDate }: PublishValues) =>
      call(
        api.POST('/api/org/policies/{id}/versions/{versionId}/publish', {
          params: { path: { id: policy.id, versionId: draft?.id ?? 0 } },
          body: { reviewedBy, approvedBy, effectiveDate },
        }),
      ),
    { success: t('policy.publishedMessage'), invalidate: [keys.policies, keys.home] },
  );
  return (
    <ModalForm<PublishValues>
      title={t('policy.publishVersion', { version: draft?.version ?? '' })}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      onFinish={onFinish}
    >
      <ProForm.Item name="reviewedBy" label={t('policy.reviewedBy')} rules={[{ required: true }]}>
        <UserPicker />
      </ProForm.Item>
      <ProForm.Item name="approvedBy" label={t('policy.approvedBy')} rules={[{ required: true }]}>
        <UserPicker />
      </ProForm.Item>
      <ProFormDatePicker name="effectiveDate" label={t('policy.effectiveDate')} rules={[{ required: true }]} width="md" />
    </ModalForm>
  );
}

interface TargetValues {
  departmentIds: number[];
  positionIds: number[];
}

/** Who must read the policy: departments (with everything below them) and single positions. */
export function TargetsForm({ policy, open, onOpenChange }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TargetValues>();
  const onFinish = useSubmit(
    form,
    (body: TargetValues) => call(api.PUT('/api/org/policies/{id}/targets', { params: { path: { id: policy.id } }, body })),
    { success: t('common.saved'), invalidate: [keys.policies, keys.home] },
  );
  return (
    <ModalForm<TargetValues>
      title={t('policy.editTargets')}
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      width={560}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ departmentIds: policy.targets.departments.map((d) => d.id), positionIds: policy.targets.positions.map((p) => p.id) }}
      onFinish={onFinish}
    >
      <ProForm.Item name="departmentIds" label={t('policy.targetDepartments')} extra={t('policy.targetDepartmentsHint')}>
        <DepartmentPicker multiple />
      </ProForm.Item>
      <ProForm.Item name="positionIds" label={t('policy.targetPositions')}>
        <PositionPicker multiple />
      </ProForm.Item>
    </ModalForm>
  );
}
