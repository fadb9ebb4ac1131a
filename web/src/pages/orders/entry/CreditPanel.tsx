import { Alert, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../components/format';
import type { EntryFacts } from './lines';

/** CUS-8 / OSB-2: the account's credit as the submit check will see it, against the order typed so far. */
export function CreditPanel({ facts, totalFen, loading }: { facts?: EntryFacts; totalFen: number; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const money = (fen: number | null) => formatFen(fen, i18n.language);
  const credit = facts?.credit;
  const left = credit?.availableFen === null || credit?.availableFen === undefined ? null : credit.availableFen - totalFen;
  return (
    <Card title={t('orderEntry.credit')} size="small" loading={loading && !facts} data-testid="credit-panel">
      {!credit ? (
        <Typography.Text type="secondary">{t('orderEntry.pickAccount')}</Typography.Text>
      ) : (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('orderEntry.creditLimit')}>
              {credit.limitFen === null ? t('orderEntry.cashOnly') : money(credit.limitFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('orderEntry.openReceivables')}>{money(credit.openReceivablesFen)}</Descriptions.Item>
            {credit.availableFen !== null && (
              <Descriptions.Item label={t('orderEntry.availableCredit')}>{money(credit.availableFen)}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('orderEntry.thisOrder')}>
              <Typography.Text strong>{money(totalFen)}</Typography.Text>
            </Descriptions.Item>
            {left !== null && (
              <Descriptions.Item label={t('orderEntry.afterOrder')}>
                <Typography.Text type={left < 0 ? 'danger' : 'success'} strong data-testid="credit-left">
                  {money(left)}
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          {left !== null && left < 0 && <Alert type="warning" showIcon message={t('orderEntry.overCredit')} />}
        </>
      )}
    </Card>
  );
}
