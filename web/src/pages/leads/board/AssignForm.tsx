import { ModalForm, ProForm } from '@ant-design/pro-components';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { UserPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';
import { leadKeys } from '../queries';

/** Hands the chosen open leads to one person within the assigner's scope. */
export function AssignForm(props: { leadIds: number[]; open: boolean; onOpenChange: (open: boolean) => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ ownerUserId: number }>();
  const onFinish = useSubmit(
    form,
    (values: { ownerUserId: number }) =>
      call(api.POST('/api/customers/leads/assign', { body: { leadIds: props.leadIds, ownerUserId: values.ownerUserId } })),
    {
      success: t('lead.assigned', { count: props.leadIds.length }),
      invalidate: [leadKeys.all, leadKeys.callPlans],
      onSaved: props.onSaved,
    },
  );
  return (
    <ModalForm<{ ownerUserId: number }>
      title={t('lead.assignTitle', { count: props.leadIds.length })}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={440}
      modalProps={{ destroyOnHidden: true }}
      onFinish={onFinish}
    >
      <ProForm.Item name="ownerUserId" label={t('lead.assignTo')} rules={[{ required: true }]}>
        <UserPicker />
      </ProForm.Item>
    </ModalForm>
  );
}
