import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ProForm, ProFormText } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { ApprovalType } from '../../../api/types';
import { useReportError } from '../../../components/errors';
import { MoneyInput } from '../../../components/MoneyInput';
import { type DefinitionValues, markDefinitionFields, newStep, toDefinition, toValues } from './definition-form';
import { StepRow } from './StepRow';

/** APR-1 definition editor: tiers picked by amount, each an ordered list of steps with their approver rules. */
export function DefinitionEditor({ type }: { type: ApprovalType }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [form] = Form.useForm<DefinitionValues>();

  const onFinish = async (values: DefinitionValues) => {
    try {
      const saved = await call(
        api.PUT('/api/approvals/definitions/{type}', { params: { path: { type: type.key } }, body: toDefinition(values) }),
      );
      form.setFieldsValue(toValues(saved));
      void message.success(t('common.saved'));
      // Previews resolve the saved definition, so they are stale now too.
      void queryClient.invalidateQueries({ queryKey: keys.approvalTypes });
      void queryClient.invalidateQueries({ queryKey: keys.approvals });
    } catch (error) {
      if (error instanceof ApiError) markDefinitionFields(form, error, t);
      reportError(error);
    }
  };

  return (
    <ProForm<DefinitionValues>
      form={form}
      layout="vertical"
      initialValues={toValues(type.definition)}
      onFinish={onFinish}
      submitter={{
        searchConfig: { submitText: t('approvalDef.save'), resetText: t('approvalDef.reset') },
        render: (_, dom) => <div style={{ display: 'flex', gap: 8 }}>{dom}</div>,
      }}
    >
      <ProFormText name="name" label={t('approvalDef.name')} width="md" rules={[{ required: true, whitespace: true }, { max: 60 }]} />
      <Form.List name="tiers">
        {(tiers, { add, remove }, { errors }) => (
          <>
            {tiers.map((tier, tierIndex) => (
              <Card
                key={tier.key}
                size="small"
                style={{ marginBottom: 16 }}
                title={t('approvalDef.tier', { n: tierIndex + 1 })}
                data-testid={`tier-${tierIndex}`}
                extra={
                  <Button type="text" danger icon={<DeleteOutlined />} disabled={tiers.length === 1} onClick={() => remove(tier.name)}>
                    {t('approvalDef.removeTier')}
                  </Button>
                }
              >
                {tierIndex === 0 ? (
                  <Form.Item label={t('approvalDef.minAmount')}>
                    <Typography.Text>{t('approvalDef.fromZero')}</Typography.Text>
                  </Form.Item>
                ) : (
                  <Form.Item
                    name={[tier.name, 'minAmount']}
                    label={t('approvalDef.minAmount')}
                    rules={[{ required: true }]}
                    style={{ maxWidth: 280 }}
                  >
                    <MoneyInput />
                  </Form.Item>
                )}
                <Typography.Text type="secondary">{t('approvalDef.steps')}</Typography.Text>
                <Form.List name={[tier.name, 'steps']}>
                  {(steps, stepOps, { errors: stepErrors }) => (
                    <div style={{ marginTop: 8 }}>
                      {steps.map((step, stepIndex) => (
                        <StepRow
                          key={step.key}
                          tier={tier.name}
                          step={step.name}
                          index={stepIndex}
                          count={steps.length}
                          move={stepOps.move}
                          remove={stepOps.remove}
                        />
                      ))}
                      <Form.ErrorList errors={stepErrors} />
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => stepOps.add({ ...newStep })} style={{ marginBottom: 8 }}>
                        {t('approvalDef.addStep')}
                      </Button>
                    </div>
                  )}
                </Form.List>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ minAmount: null, steps: [{ ...newStep }] })}
              style={{ marginBottom: 24 }}
            >
              {t('approvalDef.addTier')}
            </Button>
          </>
        )}
      </Form.List>
    </ProForm>
  );
}
