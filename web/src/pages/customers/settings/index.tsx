import { PageContainer, ProCard, ProForm, ProFormDigit, ProFormRadio } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Form, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { ladders } from '../../../components/options';
import { useSubmit } from '../../../components/useSubmit';
import { customerKeys } from '../keys';
import { accountGrades } from '../options';
import type { CustomerSettings } from '../types';

/** CUS-3 visit minimums per grade and CUS-12 public pool rules: one set for the whole company. */
export default function CustomerSettingsPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<CustomerSettings>();
  const settings = useQuery({ queryKey: customerKeys.settings, queryFn: () => call(api.GET('/api/customers/settings')) });
  const save = (values: CustomerSettings) => {
    // A level left blank falls back to the company default, so it is left out rather than sent empty.
    const holdingLimits = Object.fromEntries(Object.entries(values.holdingLimits ?? {}).filter(([, limit]) => typeof limit === 'number'));
    const body = { ...(settings.data as CustomerSettings), ...values, holdingLimits };
    return call(api.PUT('/api/customers/settings', { body }));
  };
  const onFinish = useSubmit(form, save, {
    success: t('common.saved'),
    invalidate: [customerKeys.settings],
  });
  const days = (name: 'poolDays' | 'dealDays' | 'warnDays', extra?: string) => (
    <ProFormDigit
      name={name}
      label={t(`customers.settings.${name}`)}
      extra={extra}
      min={0}
      max={3650}
      fieldProps={{ precision: 0, addonAfter: t('customers.settings.days') }}
      rules={[{ required: true }]}
    />
  );
  return (
    <PageContainer content={t('customers.settings.explain')}>
      {settings.isPending ? (
        <Spin />
      ) : (
        <ProForm<CustomerSettings>
          form={form}
          initialValues={settings.data}
          onFinish={onFinish}
          submitter={{ searchConfig: { submitText: t('customers.settings.save') }, resetButtonProps: false }}
        >
          <ProCard title={t('customers.settings.visitMinimums')} bordered headerBordered style={{ marginBottom: 16 }}>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('customers.settings.visitMinimumsHint')} />
            <Row gutter={16}>
              {accountGrades.map((grade) => (
                <Col key={grade} xs={12} md={6}>
                  <ProFormDigit
                    name={['visitMinimums', grade]}
                    label={t('customers.gradeLabel', { grade })}
                    min={0}
                    max={31}
                    fieldProps={{ precision: 0, addonAfter: t('customers.settings.perMonth') }}
                    rules={[{ required: true }]}
                  />
                </Col>
              ))}
            </Row>
          </ProCard>
          <ProCard title={t('customers.settings.pool')} bordered headerBordered style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                {days('poolDays', t('customers.settings.zeroOff'))}
              </Col>
              <Col xs={24} md={8}>
                {days('dealDays', t('customers.settings.zeroOff'))}
              </Col>
              <Col xs={24} md={8}>
                {days('warnDays')}
              </Col>
              <Col xs={24} md={8}>
                <ProFormDigit
                  name="holdingLimit"
                  label={t('customers.settings.holdingLimit')}
                  min={1}
                  max={100_000}
                  fieldProps={{ precision: 0, addonAfter: t('customers.settings.accounts') }}
                  rules={[{ required: true }]}
                />
              </Col>
              <Col xs={24} md={8}>
                <ProFormRadio.Group
                  name="poolScope"
                  label={t('customers.settings.poolScope')}
                  radioType="button"
                  options={[
                    { value: 'market', label: t('customers.settings.poolScopeMarket') },
                    { value: 'national', label: t('customers.settings.poolScopeNational') },
                  ]}
                  rules={[{ required: true }]}
                />
              </Col>
              <Col xs={24} md={8}>
                <ProFormDigit
                  name="lockedLimit"
                  label={t('customers.settings.lockedLimit')}
                  min={0}
                  max={100_000}
                  fieldProps={{ precision: 0, addonAfter: t('customers.settings.accounts') }}
                  rules={[{ required: true }]}
                />
              </Col>
            </Row>
          </ProCard>
          <ProCard title={t('customers.settings.holdingLimits')} bordered headerBordered style={{ marginBottom: 16 }}>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('customers.settings.holdingLimitsHint')} />
            <Row gutter={16}>
              {ladders.map((ladder) => (
                <Col key={ladder} xs={12} md={6}>
                  <ProFormDigit
                    name={['holdingLimits', ladder]}
                    label={t(`ladder.${ladder}`)}
                    min={1}
                    max={100_000}
                    fieldProps={{ precision: 0, addonAfter: t('customers.settings.accounts') }}
                  />
                </Col>
              ))}
            </Row>
          </ProCard>
        </ProForm>
      )}
    </PageContainer>
  );
}
