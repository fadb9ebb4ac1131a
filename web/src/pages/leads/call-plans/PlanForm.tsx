import { ModalForm, ProForm, ProFormDatePicker, ProFormDigit, ProFormTextArea } from '@ant-design/pro-components';
import { Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { UserPicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';
import { leadKeys } from '../queries';
import type { CallDay } from '../types';

interface Values {
  callerUserId?: number | null;
  date: string;
  targetCalls: number;
  note?: string;
}

/** Sets a caller's call target for a day: my own, or (for an assigner) someone's on the team. */
export function PlanForm(props: {
  day?: CallDay | null;
  forTeam: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
}) {
  const { day } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) =>
      call(
        api.PUT('/api/customers/call-plans', {
          body: {
            callerUserId: values.callerUserId ?? undefined,
            date: values.date,
            targetCalls: values.targetCalls,
            note: values.note?.trim() || null,
          },
        }),
      ),
    { success: t('callPlan.planned'), invalidate: [leadKeys.callPlans], onSaved: props.onSaved },
  );
  return (
    <ModalForm<Values>
      title={t('callPlan.plan')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        day
          ? { callerUserId: day.callerUserId, date: day.date, targetCalls: day.targetCalls ?? undefined, note: day.note ?? undefined }
          : { date: dayjs().format('YYYY-MM-DD') }
      }
      onFinish={onFinish}
    >
      {props.forTeam && (
        <ProForm.Item name="callerUserId" label={t('callPlan.caller')}>
          <UserPicker current={day ? { id: day.callerUserId, name: day.callerName } : null} disabled={Boolean(day)} />
        </ProForm.Item>
      )}
      <ProFormDatePicker
        name="date"
        label={t('callPlan.date')}
        rules={[{ required: true }]}
        disabled={Boolean(day)}
        fieldProps={{ style: { width: '100%' } }}
      />
      <ProFormDigit
        name="targetCalls"
        label={t('callPlan.target')}
        rules={[{ required: true }]}
        min={0}
        max={1000}
        fieldProps={{ precision: 0 }}
      />
      <ProFormTextArea
        name="note"
        label={t('callPlan.note')}
        rules={[{ max: 500 }]}
        fieldProps={{ rows: 2, maxLength: 500, showCount: true }}
      />
    </ModalForm>
  );
}
