import { ModalForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Descriptions, Form, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { accountGrades, accountKindOptions, partyTypeOptions } from '../options';
import { leadKeys } from '../queries';
import type { ConversionInput, LeadDetail } from '../types';

type Values = Omit<ConversionInput, 'tags'>;

/** The existing account a duplicate answer names (CUS-2); its owner is masked when out of the caller's scope. */
interface Existing {
  id: number;
  code: string;
  name: string;
  ownerName: string | null;
  matchedOn: 'creditCode' | 'mobile' | 'name';
}

interface DuplicateAnswer {
  message: string;
  existing: Existing;
}

function duplicateOf(status: number, body: unknown): DuplicateAnswer | null {
  const error = (body as { error?: { code?: string; message?: string; details?: { existing?: Existing } } } | undefined)?.error;
  if (status !== 409 || error?.code !== 'customers.duplicate' || !error.details?.existing) return null;
  return { message: error.message ?? '', existing: error.details.existing };
}

const orNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/**
 * Turns the lead into an account through duplicate protection. A duplicate does not create anything:
 * the answer names the existing account and its owner, and offers to close the lead against it.
 */
export function ConvertForm(props: { lead: LeadDetail; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { lead } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const [duplicate, setDuplicate] = useState<DuplicateAnswer | null>(null);
  const [linking, setLinking] = useState(false);
  const path = { params: { path: { id: lead.id } } };

  const done = (text: string) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: leadKeys.all });
    props.onOpenChange(false);
  };

  const onFinish = async (values: Values): Promise<boolean> => {
    setDuplicate(null);
    const body: ConversionInput = {
      kind: values.kind,
      name: orNull(values.name) ?? undefined,
      partyType: values.partyType,
      creditCode: orNull(values.creditCode),
      mobile: values.mobile === undefined ? undefined : orNull(values.mobile),
      grade: values.grade ?? null,
      address: orNull(values.address),
    };
    const { data, error, response } = await api.POST('/api/customers/leads/{id}/convert', { ...path, body });
    if (response.ok && data) {
      done(t('lead.converted', { code: data.lead.convertedAccountCode ?? data.accountId }));
      return true;
    }
    const answer = duplicateOf(response.status, error);
    if (answer) {
      setDuplicate(answer);
      const field = answer.existing.matchedOn === 'name' ? 'name' : answer.existing.matchedOn;
      form.setFields([{ name: field, errors: [answer.message] }]);
    } else {
      reportError(ApiError.from(response.status, error), form);
    }
    return false;
  };

  const link = async (accountId: number) => {
    setLinking(true);
    try {
      await call(api.POST('/api/customers/leads/{id}/link', { ...path, body: { accountId } }));
      done(t('lead.linked'));
    } catch (error) {
      reportError(error);
    } finally {
      setLinking(false);
    }
  };

  return (
    <ModalForm<Values>
      title={t('lead.convert')}
      form={form}
      open={props.open}
      onOpenChange={(open) => {
        if (!open) setDuplicate(null);
        props.onOpenChange(open);
      }}
      width={720}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{
        kind: 'retail_store',
        name: lead.company ?? lead.name,
        partyType: lead.company ? 'company' : 'person',
        mobile: lead.masked ? undefined : (lead.mobile ?? undefined),
      }}
      onFinish={onFinish}
    >
      <Alert type="info" showIcon message={t('lead.convertHint')} style={{ marginBottom: 16 }} />
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          data-testid="lead-duplicate"
          style={{ marginBottom: 16 }}
          message={t('lead.duplicateTitle')}
          description={
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('lead.existingAccount')}>
                  {duplicate.existing.code} {duplicate.existing.name}
                </Descriptions.Item>
                <Descriptions.Item label={t('lead.owner')}>{duplicate.existing.ownerName ?? '–'}</Descriptions.Item>
                <Descriptions.Item label={t('lead.matchedOn')}>{t(`leadMatched.${duplicate.existing.matchedOn}`)}</Descriptions.Item>
              </Descriptions>
              <Space wrap>
                <Link to={`/customers/accounts/${duplicate.existing.id}`} target="_blank">
                  {t('lead.openAccount')}
                </Link>
                <Button size="small" loading={linking} onClick={() => void link(duplicate.existing.id)}>
                  {t('lead.linkExisting')}
                </Button>
              </Space>
            </Space>
          }
        />
      )}
      <Row gutter={16}>
        <Col span={12}>
          <ProFormText name="name" label={t('lead.accountName')} tooltip={t('lead.accountNameHint')} rules={[{ max: 120 }]} />
        </Col>
        <Col span={12}>
          <ProFormSelect
            name="kind"
            label={t('lead.accountKind')}
            rules={[{ required: true }]}
            options={accountKindOptions(t)}
            showSearch
          />
        </Col>
        <Col span={8}>
          <ProFormSelect name="partyType" label={t('lead.partyType')} options={partyTypeOptions(t)} />
        </Col>
        <Col span={8}>
          <ProFormSelect name="grade" label={t('lead.grade')} options={accountGrades.map((g) => ({ value: g, label: g }))} />
        </Col>
        <Col span={8}>
          <ProFormText name="mobile" label={t('lead.mobile')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('lead.mobileInvalid') }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="creditCode" label={t('lead.creditCode')} rules={[{ max: 18 }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="address" label={t('lead.address')} rules={[{ max: 200 }]} />
        </Col>
      </Row>
    </ModalForm>
  );
}
