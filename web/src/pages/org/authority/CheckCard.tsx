import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../../api/client';
import type { AuthorityAction, AuthorityCheck } from '../../../api/types';
import { errorMessage, markFields } from '../../../components/errors';
import { currentLanguage } from '../../../i18n';
import { AmountInput } from './AmountInput';
import { formatAmount, toWire } from './amount';

interface Values {
  action: string;
  amount: number | null;
}

const alertType: Record<AuthorityCheck['decision'], 'success' | 'warning' | 'error'> = {
  allowed: 'success',
  'needs-approval': 'warning',
  denied: 'error',
};

/** "May I?": asks the server how the matrix decides for me, an action and an amount (ORG-5). */
export function CheckCard({ actions }: { actions: AuthorityAction[] }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const actionKey = Form.useWatch('action', form);
  const action = actions.find((a) => a.key === actionKey);
  const check = useMutation({
    mutationFn: ({ action, amount }: Values) => call(api.POST('/api/org/authority/check', { body: { action, amount: toWire(amount) } })),
    onError: (error) => error instanceof ApiError && markFields(form, error),
  });
  const result = check.data;
  const checkedAction = actions.find((a) => a.key === check.variables?.action);

  return (
    <Card title={t('authority.check')}>
      <Form<Values> form={form} layout="inline" onFinish={(values) => check.mutate(values)} style={{ rowGap: 12 }}>
        <Form.Item name="action" rules={[{ required: true, message: t('authority.chooseAction') }]}>
          <Select
            style={{ width: 240 }}
            placeholder={t('authority.action')}
            options={actions.map((a) => ({ value: a.key, label: a[currentLanguage()] }))}
            onChange={() => check.reset()}
          />
        </Form.Item>
        {action && action.unit !== 'none' && (
          <Form.Item name="amount" style={{ width: 200 }}>
            <AmountInput unit={action.unit} />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={check.isPending}>
            {t('authority.checkButton')}
          </Button>
        </Form.Item>
      </Form>
      {check.error && <Alert style={{ marginTop: 16 }} type="error" showIcon message={errorMessage(check.error, t('error.network'))} />}
      {result && checkedAction && (
        <Alert
          style={{ marginTop: 16 }}
          type={alertType[result.decision]}
          showIcon
          message={t(`authorityDecision.${result.decision}`)}
          description={
            <Space direction="vertical" size={0}>
              <span>
                {t('authority.myLadder')}: {result.ladder ? t(`ladder.${result.ladder}`) : t('authority.noLadder')}
              </span>
              {result.mode && (
                <span>
                  {t('authority.mode')}: {t(`authorityMode.${result.mode}`)}
                  {result.mode === 'limit' && ` (${formatAmount(checkedAction.unit, result.limitAmount, i18n.language)})`}
                </span>
              )}
            </Space>
          }
        />
      )}
    </Card>
  );
}
