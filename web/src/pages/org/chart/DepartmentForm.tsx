import { ModalForm, ProForm, ProFormDigit, ProFormText } from '@ant-design/pro-components';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { Department } from '../../../api/types';
import { DepartmentPicker, UserPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';

interface Values {
  name: string;
  parentId: number | null;
  headUserId: number | null;
  sort: number;
}

/** Creates a department (under `parentId`) or edits `department`. */
export function DepartmentForm(props: {
  department?: Department;
  parentId?: number | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (department: Department) => void;
}) {
  const { department, parentId = null } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (body: Values) =>
      department
        ? call(api.PATCH('/api/org/departments/{id}', { params: { path: { id: department.id } }, body }))
        : call(api.POST('/api/org/departments', { body })),
    { success: t('common.saved'), invalidate: [keys.departments, keys.positions], onSaved: props.onSaved },
  );

  return (
    <ModalForm<Values>
      title={department ? t('department.edit') : t('department.create')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={520}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        department
          ? { name: department.name, parentId: department.parentId, headUserId: department.headUserId, sort: department.sort }
          : { name: '', parentId, headUserId: null, sort: 0 }
      }
      onFinish={onFinish}
    >
      <ProFormText name="name" label={t('department.name')} rules={[{ required: true }, { max: 60 }]} />
      <ProForm.Item name="parentId" label={t('department.parent')}>
        <DepartmentPicker placeholder={t('department.topLevel')} />
      </ProForm.Item>
      <ProForm.Item name="headUserId" label={t('department.head')}>
        <UserPicker current={department?.headUserId ? { id: department.headUserId, name: department.headName ?? '' } : null} />
      </ProForm.Item>
      <ProFormDigit name="sort" label={t('common.sort')} min={0} fieldProps={{ precision: 0 }} />
    </ModalForm>
  );
}
