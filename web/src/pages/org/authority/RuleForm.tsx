import { ModalForm, ProForm, ProFormDependency, ProFormRadio } from '@ant-design/pro-components';
import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { AuthorityAction, AuthorityRule } from '../../../api/types';
import { useSubmit } from '../../../components/useSubmit';
import { currentLanguage } from '../../../i18n';
import { AmountInput } from './AmountInput';
import { fromWire, toWire } from './amount';

interface Values {
  mode: AuthorityRule['mode'];
  limitAmount: number | null;
}

const modes: AuthorityRule['mode'][] = ['allowed', 'limit', 'approval', 'denied'];

/** Edits one cell of the matrix: how this ladder level may take this decision. */
export function RuleForm(props: { action: AuthorityAction; rule: AuthorityRule; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { action, rule } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onFinish = useSubmit(
    form,
    ({ mode, limitAmount }: Values) =>
      call(
        api.PUT('/api/org/authority/{action}/{ladder}', {
          params: { path: { action: action.key, ladder: rule.ladder } },
          body: { mode, limitAmount: mode === 'limit' ? (toWire(limitAmount) ?? null) : null },
        }),
      ),
    { success: t('common.saved'), invalidate: [keys.authority] },
  );
  const available = action.unit === 'none' ? modes.filter((m) => m !== 'limit') : modes;

  return (
    <ModalForm<Values>
      title={`${action[currentLanguage()]} · ${t(`ladder.${rule.ladder}`)}`}
      form={form}
      open={props.open}
      onOpenChange={props.onOpenChange}
      width={460}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ mode: rule.mode, limitAmount: fromWire(rule.limitAmount) }}
      onFinish={onFinish}
    >
      <ProFormRadio.Group
        name="mode"
        label={t('authority.mode')}
        radioType="button"
        options={available.map((mode) => ({ value: mode, label: t(`authorityMode.${mode}`) }))}
      />
      <ProFormDependency name={['mode']}>
        {({ mode }) =>
          mode === 'limit' && (
            <ProForm.Item
              name="limitAmount"
              label={action.unit === 'fen' ? t('authority.limitYuan') : t('authority.limitPercent')}
              rules={[{ required: true }]}
            >
              <AmountInput unit={action.unit} />
            </ProForm.Item>
          )
        }
      </ProFormDependency>
      {action.unit !== 'none' && <Typography.Paragraph type="secondary">{t('authority.modeHint')}</Typography.Paragraph>}
    </ModalForm>
  );
}
