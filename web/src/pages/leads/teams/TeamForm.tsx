import { ModalForm, ProFormDateRangePicker, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { teamStatusOptions } from '../options';
import { leadKeys } from '../queries';
import type { LeadTeam, LeadTeamStatus } from '../types';

interface Values {
  name: string;
  vendor: string;
  contact?: string;
  phone?: string;
  contract: [string, string];
  status?: LeadTeamStatus;
  note?: string;
}

/** The server names contractStart/contractEnd; the form holds both dates in one range field. */
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => (f.field === 'contractStart' || f.field === 'contractEnd' ? { ...f, field: 'contract' } : f));
  return new ApiError(error.status, error.code, error.message, fields);
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

function bodyOf(values: Values) {
  return {
    name: values.name.trim(),
    vendor: values.vendor.trim(),
    contact: orNull(values.contact),
    phone: orNull(values.phone),
    contractStart: values.contract[0],
    contractEnd: values.contract[1],
    status: values.status,
    note: orNull(values.note),
  };
}

/** An outsourced lead team under contract: who, with which company, for which dates. */
export function TeamForm(props: { team?: LeadTeam | null; open: boolean; onOpenChange: (open: boolean) => void; onSaved: () => void }) {
  const { team } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    (values: Values) =>
      (team
        ? call(api.PATCH('/api/customers/lead-teams/{id}', { params: { path: { id: team.id } }, body: bodyOf(values) }))
        : call(api.POST('/api/customers/lead-teams', { body: bodyOf(values) }))
      ).catch((error: unknown) => {
        throw onFormFields(error);
      }),
    { success: t('leadTeam.saved'), invalidate: [leadKeys.teams], onSaved: props.onSaved },
  );
  return (
    <ModalForm<Values>
      title={team ? t('leadTeam.edit') : t('leadTeam.create')}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={640}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        team
          ? {
              name: team.name,
              vendor: team.vendor,
              contact: team.contact ?? undefined,
              phone: team.phone ?? undefined,
              contract: [team.contractStart, team.contractEnd],
              status: team.status,
              note: team.note ?? undefined,
            }
          : { status: 'active' }
      }
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProFormText name="name" label={t('leadTeam.name')} rules={[{ required: true, whitespace: true }, { max: 60 }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="vendor" label={t('leadTeam.vendor')} rules={[{ required: true, whitespace: true }, { max: 120 }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="contact" label={t('leadTeam.contact')} rules={[{ max: 40 }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="phone" label={t('leadTeam.phone')} rules={[{ max: 30 }]} />
        </Col>
        <Col span={16}>
          <ProFormDateRangePicker
            name="contract"
            label={t('leadTeam.contract')}
            rules={[{ required: true }]}
            fieldProps={{ style: { width: '100%' } }}
          />
        </Col>
        <Col span={8}>
          <ProFormSelect name="status" label={t('leadTeam.status')} options={teamStatusOptions(t)} />
        </Col>
      </Row>
      <ProFormTextArea
        name="note"
        label={t('leadTeam.note')}
        rules={[{ max: 1000 }]}
        fieldProps={{ rows: 3, maxLength: 1000, showCount: true }}
      />
    </ModalForm>
  );
}
