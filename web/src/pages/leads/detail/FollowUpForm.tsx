import { ModalForm, ProFormDateTimePicker, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { followUpKindOptions } from '../options';
import { leadKeys } from '../queries';
import type { FollowUpKind, LeadDetail } from '../types';

interface Values {
  kind: FollowUpKind;
  outcome?: string;
  note?: string;
  /** 'YYYY-MM-DD HH:mm:ss', local time, as ProForm hands date-times over. */
  at?: string;
  scheduledFor?: string;
  nextFollowUpAt?: string;
}

const iso = (value: string | undefined) => (value ? dayjs(value).toISOString() : undefined);
const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/**
 * A call, visit or message on the lead, or (mode appointment) a booked meeting: the appointment's
 * time becomes the lead's next follow-up unless another is given.
 */
export function FollowUpForm(props: {
  lead: LeadDetail;
  mode: 'follow-up' | 'appointment';
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { lead, mode } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const appointment = mode === 'appointment' || kind === 'appointment';
  const onFinish = useSubmit(
    form,
    (values: Values) =>
      call(
        api.POST('/api/customers/leads/{id}/follow-ups', {
          params: { path: { id: lead.id } },
          body: {
            kind: mode === 'appointment' ? 'appointment' : values.kind,
            outcome: orNull(values.outcome),
            note: orNull(values.note),
            at: iso(values.at),
            scheduledFor: appointment ? (iso(values.scheduledFor) ?? null) : undefined,
            nextFollowUpAt: iso(values.nextFollowUpAt),
          },
        }),
      ),
    {
      success: mode === 'appointment' ? t('lead.appointmentBooked') : t('lead.followUpAdded'),
      invalidate: [leadKeys.all, leadKeys.callPlans],
    },
  );
  return (
    <ModalForm<Values>
      title={mode === 'appointment' ? t('lead.bookAppointment') : t('lead.addFollowUp')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={600}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ kind: mode === 'appointment' ? 'appointment' : 'call' }}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        {mode === 'follow-up' && (
          <Col span={12}>
            <ProFormSelect
              name="kind"
              label={t('lead.kind')}
              rules={[{ required: true }]}
              options={followUpKindOptions(t, ['call', 'visit', 'message'])}
            />
          </Col>
        )}
        <Col span={12}>
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
        </Col>
        {appointment && (
          <Col span={12}>
            <ProFormDateTimePicker
              name="scheduledFor"
              label={t('lead.scheduledFor')}
              rules={[{ required: true }]}
              fieldProps={{ format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } }}
            />
          </Col>
        )}
        <Col span={12}>
          <ProFormText name="outcome" label={t('lead.outcome')} rules={[{ max: 200 }]} />
        </Col>
        {!appointment && (
          <Col span={12}>
            <ProFormDateTimePicker
              name="nextFollowUpAt"
              label={t('lead.setNextFollowUp')}
              fieldProps={{ format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } }}
            />
          </Col>
        )}
      </Row>
      <ProFormTextArea
        name="note"
        label={t('lead.note')}
        rules={[{ max: 2000 }]}
        fieldProps={{ rows: 3, showCount: true, maxLength: 2000 }}
      />
    </ModalForm>
  );
}
