import { ModalForm, ProForm, ProFormDateTimePicker, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../access';
import { api, call } from '../../api/client';
import { GeographyPicker, UserPicker } from '../../components/pickers';
import { useSubmit } from '../../components/useSubmit';
import { sourceOptions } from './options';
import { LeadTeamPicker } from './pickers';
import { leadKeys } from './queries';
import type { LeadDetail, LeadSource } from './types';

interface Values {
  name: string;
  company?: string;
  mobile?: string;
  source: LeadSource;
  campaign?: string;
  teamId?: number | null;
  geographyId?: number | null;
  province?: string;
  city?: string;
  notes?: string;
  /** ProForm hands date-times over as 'YYYY-MM-DD HH:mm:ss' in local time. */
  nextFollowUpAt?: string | null;
  ownerUserId?: number | null;
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

function bodyOf(values: Values) {
  return {
    name: values.name.trim(),
    company: orNull(values.company),
    mobile: orNull(values.mobile),
    source: values.source,
    campaign: orNull(values.campaign),
    teamId: values.teamId ?? null,
    geographyId: values.geographyId ?? null,
    province: orNull(values.province),
    city: orNull(values.city),
    notes: orNull(values.notes),
    nextFollowUpAt: values.nextFollowUpAt ? dayjs(values.nextFollowUpAt).toISOString() : null,
  };
}

/** A masked number was never shown, so an empty field then means "unchanged", not "remove it". */
function changesOf(lead: LeadDetail, values: Values) {
  const { mobile, ...rest } = bodyOf(values);
  return lead.masked && mobile === null ? rest : { ...rest, mobile };
}

/** Records a new lead, or changes one; an assigner may name its owner at once (else it waits as new). */
export function LeadForm(props: {
  lead?: LeadDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved?: (lead: LeadDetail) => void;
}) {
  const { lead } = props;
  const { t } = useTranslation();
  const can = useAccess();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) =>
      lead
        ? call(api.PATCH('/api/customers/leads/{id}', { params: { path: { id: lead.id } }, body: changesOf(lead, values) }))
        : call(api.POST('/api/customers/leads', { body: { ...bodyOf(values), ownerUserId: values.ownerUserId ?? undefined } })),
    { success: lead ? t('common.saved') : t('lead.created'), invalidate: [leadKeys.all], onSaved: props.onSaved },
  );
  const initialValues = lead
    ? {
        ...lead,
        company: lead.company ?? undefined,
        // A masked number is not the number; leave it out so saving does not overwrite it.
        mobile: lead.masked ? undefined : (lead.mobile ?? undefined),
        nextFollowUpAt: lead.nextFollowUpAt ? dayjs(lead.nextFollowUpAt) : undefined,
      }
    : { source: 'walk_in' as const };

  return (
    <ModalForm<Values>
      title={lead ? t('lead.edit') : t('lead.create')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={720}
      modalProps={{ destroyOnHidden: true }}
      initialValues={initialValues}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={8}>
          <ProFormText name="name" label={t('lead.name')} rules={[{ required: true, whitespace: true }, { max: 60 }]} />
        </Col>
        <Col span={8}>
          <ProFormText name="mobile" label={t('lead.mobile')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('lead.mobileInvalid') }]} />
        </Col>
        <Col span={8}>
          <ProFormText name="company" label={t('lead.company')} rules={[{ max: 120 }]} />
        </Col>
        <Col span={8}>
          <ProFormSelect name="source" label={t('lead.source')} rules={[{ required: true }]} options={sourceOptions(t)} />
        </Col>
        <Col span={8}>
          <ProFormText name="campaign" label={t('lead.campaign')} rules={[{ max: 120 }]} />
        </Col>
        <Col span={8}>
          <ProForm.Item name="teamId" label={t('lead.team')}>
            <LeadTeamPicker />
          </ProForm.Item>
        </Col>
        <Col span={8}>
          <ProForm.Item name="geographyId" label={t('lead.geography')}>
            <GeographyPicker />
          </ProForm.Item>
        </Col>
        <Col span={8}>
          <ProFormText name="province" label={t('lead.province')} rules={[{ max: 20 }]} />
        </Col>
        <Col span={8}>
          <ProFormText name="city" label={t('lead.city')} rules={[{ max: 40 }]} />
        </Col>
        <Col span={12}>
          <ProFormDateTimePicker
            name="nextFollowUpAt"
            label={t('lead.nextFollowUpAt')}
            fieldProps={{ format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } }}
          />
        </Col>
        {!lead && can(Access.leadsAssign) && (
          <Col span={12}>
            <ProForm.Item name="ownerUserId" label={t('lead.owner')} tooltip={t('lead.ownerHint')}>
              <UserPicker />
            </ProForm.Item>
          </Col>
        )}
      </Row>
      <ProFormTextArea
        name="notes"
        label={t('lead.notes')}
        rules={[{ max: 2000 }]}
        fieldProps={{ rows: 3, showCount: true, maxLength: 2000 }}
      />
    </ModalForm>
  );
}
