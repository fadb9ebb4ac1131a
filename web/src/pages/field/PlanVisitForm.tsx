import { ModalForm, ProForm, ProFormDatePicker, ProFormRadio, ProFormText } from '@ant-design/pro-components';
import { Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';
import { AccountSelect } from './AccountSelect';
import { fieldKeys } from './keys';
import { kindOptions } from './options';
import type { VisitKind } from './types';

interface Values {
  accountId: number;
  kind: VisitKind;
  /** ProForm hands dates over as YYYY-MM-DD strings. */
  plannedFor: string;
  purpose?: string;
}

/** CUS-4: a planned visit for today or later; the server files it in my plan of that week. */
export function PlanVisitForm(props: { open: boolean; onOpenChange: (open: boolean) => void; day?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useSubmit(
    form,
    (values: Values) =>
      call(
        api.POST('/api/field/visits/planned', {
          body: { ...values, plannedFor: dayjs(values.plannedFor).format('YYYY-MM-DD'), purpose: values.purpose?.trim() || undefined },
        }),
      ),
    { success: t('visit.planned'), invalidate: [fieldKeys.all] },
  );
  const initialDay = props.day && !dayjs(props.day).isBefore(dayjs(), 'day') ? dayjs(props.day) : dayjs();
  return (
    <ModalForm<Values>
      title={t('visit.plan')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={560}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ kind: 'onsite', plannedFor: initialDay }}
      onFinish={(values) => submit(values) as Promise<boolean>}
    >
      <ProForm.Item name="accountId" label={t('visit.account')} rules={[{ required: true }]}>
        <AccountSelect />
      </ProForm.Item>
      <ProFormRadio.Group name="kind" label={t('visit.kind')} rules={[{ required: true }]} radioType="button" options={kindOptions(t)} />
      <ProFormDatePicker
        name="plannedFor"
        label={t('visit.plannedFor')}
        rules={[{ required: true }]}
        fieldProps={{ disabledDate: (day: Dayjs) => day.isBefore(dayjs(), 'day'), style: { width: '100%' } }}
      />
      <ProFormText name="purpose" label={t('visit.purpose')} rules={[{ max: 500 }]} />
    </ModalForm>
  );
}
