import { ModalForm, ProFormDateTimePicker, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { useSession } from '../../../session';
import { leadKeys } from '../queries';

interface Values {
  leadId: number;
  outcome?: string;
  note?: string;
  at?: string;
  nextFollowUpAt?: string;
}

const iso = (value: string | undefined) => (value ? dayjs(value).toISOString() : undefined);

/** My open leads matching what I type, for the call being recorded. */
async function myOpenLeads(ownerUserId: number, keyWords: string | undefined) {
  const page = await call(
    api.GET('/api/customers/leads', {
      params: { query: { ownerUserId, q: keyWords || undefined, limit: 20, sort: 'nextFollowUpAt', order: 'asc' } },
    }),
  );
  return page.items
    .filter((lead) => lead.status !== 'converted' && lead.status !== 'lost')
    .map((lead) => ({ value: lead.id, label: [lead.name, lead.company, lead.mobile].filter(Boolean).join(' · ') }));
}

/** A call's result is a follow-up of kind call on the lead; the day's results count those (CUS-7). */
export function CallResultForm(props: { open: boolean; onOpenChange: (open: boolean) => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) =>
      call(
        api.POST('/api/customers/leads/{id}/follow-ups', {
          params: { path: { id: values.leadId } },
          body: {
            kind: 'call',
            outcome: values.outcome?.trim() || null,
            note: values.note?.trim() || null,
            at: iso(values.at),
            nextFollowUpAt: iso(values.nextFollowUpAt),
          },
        }),
      ),
    { success: t('callPlan.callRecorded'), invalidate: [leadKeys.callPlans, leadKeys.all], onSaved: props.onSaved },
  );
  return (
    <ModalForm<Values>
      title={t('callPlan.recordCall')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={560}
      modalProps={{ destroyOnHidden: true }}
      onFinish={onFinish}
    >
      <ProFormSelect
        name="leadId"
        label={t('callPlan.lead')}
        placeholder={t('callPlan.leadHint')}
        rules={[{ required: true }]}
        showSearch
        debounceTime={300}
        request={({ keyWords }) => myOpenLeads(user.id, keyWords)}
      />
      <ProFormText name="outcome" label={t('lead.outcome')} rules={[{ max: 200 }]} />
      <ProFormDateTimePicker
        name="at"
        label={t('lead.at')}
        fieldProps={{
          format: 'YYYY-MM-DD HH:mm',
          style: { width: '100%' },
          disabledDate: (day: Dayjs) => day.isAfter(dayjs(), 'day'),
          placeholder: dayjs().format('YYYY-MM-DD HH:mm'),
        }}
      />
      <ProFormDateTimePicker
        name="nextFollowUpAt"
        label={t('lead.setNextFollowUp')}
        fieldProps={{ format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } }}
      />
      <ProFormTextArea name="note" label={t('lead.note')} rules={[{ max: 2000 }]} fieldProps={{ rows: 2 }} />
    </ModalForm>
  );
}
