import { QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../access';
import { api, call } from '../../api/client';
import type { ResponseOf } from '../../api/types';
import { errorMessage } from '../../components/errors';
import { formatRate } from '../field/options';
import { orderKeys } from '../orders/options';
import { customerKeys } from './keys';
import type { AccountKind } from './types';

/** The same window for both KPIs: the repeat-purchase default of the server, the last 90 Shanghai days. */
const periodDays = 90;
const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

function lastDays(days: number): { from: string; to: string } {
  const to = shanghaiDay.format(new Date());
  return {
    from: dayjs(to)
      .subtract(days - 1, 'day')
      .format('YYYY-MM-DD'),
    to,
  };
}

type Surveys = ResponseOf<'/api/customers/surveys/summary'>;
type Repeat = ResponseOf<'/api/orders/kpi/repeat-purchase'>;

interface KindRow {
  kind: AccountKind;
  averageScore?: number | null;
  nps?: number | null;
  rate?: number | null;
}

const formatScore = (score: number | null | undefined) => (score === null || score === undefined ? '–' : score.toFixed(2));
const formatNps = (nps: number | null | undefined) => (nps === null || nps === undefined ? '–' : `${nps > 0 ? '+' : ''}${nps.toFixed(1)}`);

/** One row per account kind that has surveys or orders in the period. */
function byKind(surveys: Surveys | undefined, repeat: Repeat | undefined): KindRow[] {
  const rows = new Map<AccountKind, KindRow>();
  const row = (kind: AccountKind) => {
    const found = rows.get(kind);
    if (found) return found;
    const created: KindRow = { kind };
    rows.set(kind, created);
    return created;
  };
  for (const s of surveys?.byKind ?? []) Object.assign(row(s.kind), { averageScore: s.averageScore, nps: s.nps });
  for (const r of repeat?.byKind ?? []) row(r.kind).rate = r.rate;
  return [...rows.values()];
}

function Hint({ title }: { title: string }) {
  return (
    <Tooltip title={title}>
      <QuestionCircleOutlined style={{ marginLeft: 4 }} />
    </Tooltip>
  );
}

/** The home page's column for the card; nothing for someone who may read neither accounts nor orders. */
export function CustomerKpiHomeWidget() {
  const can = useAccess();
  if (!can(Access.customersRead) && !can(Access.ordersRead)) return null;
  return (
    <Col xs={24} lg={12}>
      <CustomerKpiCard />
    </Col>
  );
}

/** CUS-10 on the home page: satisfaction, NPS and repeat-purchase rate over the caller's scope, each shown to who may read it. */
export function CustomerKpiCard() {
  const { t } = useTranslation();
  const can = useAccess();
  const showSurveys = can(Access.customersRead);
  const showRepeat = can(Access.ordersRead);
  const period = lastDays(periodDays);
  const surveys = useQuery({
    queryKey: [...customerKeys.all, 'survey-summary', period],
    queryFn: () => call(api.GET('/api/customers/surveys/summary', { params: { query: period } })),
    enabled: showSurveys,
  });
  const repeat = useQuery({
    queryKey: [...orderKeys.all, 'kpi', 'repeat-purchase', period],
    queryFn: () => call(api.GET('/api/orders/kpi/repeat-purchase', { params: { query: period } })),
    enabled: showRepeat,
  });
  if (!showSurveys && !showRepeat) return null;

  const error = surveys.error ?? repeat.error;
  const loading = (showSurveys && surveys.isPending) || (showRepeat && repeat.isPending);
  const kinds = byKind(surveys.data, repeat.data);
  const span = showSurveys && showRepeat ? 8 : showSurveys ? 12 : 24;
  const rate = repeat.data?.rate ?? null;
  const percent = rate === null ? 0 : Math.round(rate * 1000) / 10;

  return (
    <Card
      title={t('customerKpi.card')}
      extra={
        <Tooltip title={t('customerKpi.periodDates', period)}>
          <Typography.Text type="secondary">{t('customerKpi.period', { days: periodDays })}</Typography.Text>
        </Tooltip>
      }
      loading={loading}
      data-testid="customer-kpi-card"
      style={{ height: '100%' }}
    >
      {error && <Typography.Text type="danger">{errorMessage(error, t('error.network'))}</Typography.Text>}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Row gutter={16}>
          {showSurveys && surveys.data && (
            <>
              <Col span={span} data-testid="customer-kpi-score">
                <Statistic
                  title={t('customerKpi.averageScore')}
                  value={formatScore(surveys.data.averageScore)}
                  suffix={
                    surveys.data.averageScore === null ? undefined : (
                      <Typography.Text type="secondary">{t('customerKpi.outOfFive')}</Typography.Text>
                    )
                  }
                />
                <Typography.Text type="secondary">{t('customerKpi.surveys', { count: surveys.data.count })}</Typography.Text>
              </Col>
              <Col span={span} data-testid="customer-kpi-nps">
                <Statistic
                  title={
                    <>
                      {t('customerKpi.nps')}
                      <Hint title={t('customerKpi.npsHint')} />
                    </>
                  }
                  value={formatNps(surveys.data.nps)}
                />
                <Typography.Text type="secondary">{t('customerKpi.npsAnswers', { count: surveys.data.npsAnswers })}</Typography.Text>
              </Col>
            </>
          )}
          {showRepeat && repeat.data && (
            <Col span={span} data-testid="customer-kpi-repeat">
              <Statistic
                title={
                  <>
                    {t('customerKpi.repeatRate')}
                    <Hint title={t('customerKpi.repeatHint')} />
                  </>
                }
                value={formatRate(repeat.data.rate)}
              />
              <Progress percent={percent} showInfo={false} size="small" />
              <Typography.Text type="secondary">
                {t('customerKpi.repeatOf', { repeat: repeat.data.repeatAccounts, accounts: repeat.data.accounts })}
              </Typography.Text>
            </Col>
          )}
        </Row>
        <Table<KindRow>
          rowKey="kind"
          size="small"
          pagination={false}
          locale={{ emptyText: t('customerKpi.noData') }}
          dataSource={kinds}
          columns={[
            { title: t('customerKpi.kind'), dataIndex: 'kind', render: (kind: AccountKind) => t(`customers.kind.${kind}`) },
            ...(showSurveys
              ? [
                  { title: t('customerKpi.averageScore'), dataIndex: 'averageScore', align: 'right' as const, render: formatScore },
                  { title: t('customerKpi.nps'), dataIndex: 'nps', align: 'right' as const, render: formatNps },
                ]
              : []),
            ...(showRepeat
              ? [
                  {
                    title: t('customerKpi.repeatRate'),
                    dataIndex: 'rate',
                    align: 'right' as const,
                    render: (rate: number | null) => formatRate(rate),
                  },
                ]
              : []),
          ]}
        />
      </Space>
    </Card>
  );
}
