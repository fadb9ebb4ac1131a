import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Access, useAccess } from '../../access';
import { api, call } from '../../api/client';
import { errorMessage } from '../../components/errors';
import { useSession } from '../../session';
import { fieldKeys } from './keys';
import { formatRate } from './options';

/** How many of my stores below their minimum the card names; the report has them all. */
const listed = 5;

function Rate({ title, rate, testId }: { title: string; rate: number | null; testId: string }) {
  const percent = rate === null ? 0 : Math.round(rate * 1000) / 10;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid={testId}>
      <Statistic title={title} value={formatRate(rate)} />
      <Progress percent={percent} showInfo={false} size="small" status={percent >= 80 ? 'success' : 'exception'} />
    </Space>
  );
}

/** The home page's column for the card; nothing for someone without compliance.read. */
export function ComplianceHomeWidget() {
  const can = useAccess();
  if (!can(Access.fieldComplianceRead)) return null;
  return (
    <Col xs={24} lg={12}>
      <ComplianceCard />
    </Col>
  );
}

/** CUS-5 on the home page: my compliance this month (and my team's for a manager), linking to the report. */
export function ComplianceCard() {
  const { t } = useTranslation();
  const can = useAccess();
  const { user } = useSession();
  const allowed = can(Access.fieldComplianceRead);
  const mine = useQuery({
    queryKey: [...fieldKeys.compliance, 'me'],
    queryFn: () => call(api.GET('/api/field/compliance/me')),
    enabled: allowed,
  });
  if (!allowed) return null;
  const data = mine.data;
  const hasOwnStores = (data?.mine.storesTotal ?? 0) > 0;

  return (
    <Card
      title={`${t('visitCompliance.card')}${data ? ` · ${data.month}` : ''}`}
      loading={mine.isPending}
      extra={
        data ? <Link to={`/field/compliance${hasOwnStores ? `?owner=${user.id}` : ''}`}>{t('visitCompliance.openReport')}</Link> : null
      }
      data-testid="compliance-card"
      style={{ height: '100%' }}
    >
      {mine.error && <Typography.Text type="danger">{errorMessage(mine.error, t('error.network'))}</Typography.Text>}
      {data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Row gutter={16}>
            {hasOwnStores && (
              <Col span={data.team ? 12 : 24}>
                <Rate title={t('visitCompliance.myRate')} rate={data.mine.complianceRate} testId="compliance-mine" />
              </Col>
            )}
            {data.team && (
              <Col span={hasOwnStores ? 12 : 24}>
                <Rate title={t('visitCompliance.teamRate')} rate={data.team.complianceRate} testId="compliance-team" />
              </Col>
            )}
          </Row>
          {hasOwnStores && (
            <>
              <Typography.Text type={data.belowMinimumTotal ? 'danger' : 'success'} data-testid="compliance-below-count">
                {data.belowMinimumTotal
                  ? t('visitCompliance.belowCount', { count: data.belowMinimumTotal })
                  : t('visitCompliance.allCompliant')}
              </Typography.Text>
              <List
                size="small"
                dataSource={data.belowMinimum.slice(0, listed)}
                locale={{ emptyText: ' ' }}
                renderItem={(store) => (
                  <List.Item data-testid={`compliance-store-${store.accountId}`}>
                    <Space>
                      <Tag color={store.grade === 'A' ? 'gold' : undefined}>{store.grade}</Tag>
                      <Typography.Text>{store.accountName}</Typography.Text>
                    </Space>
                    <Typography.Text type="danger">
                      {t('visitCompliance.doneOfRequired', { done: store.done, required: store.required })}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </>
          )}
          {!hasOwnStores && data.team && (
            <Typography.Text type="secondary">{t('visitCompliance.belowCount', { count: data.team.nonCompliant })}</Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}
