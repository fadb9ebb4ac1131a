import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, DatePicker, Progress, Result, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../../api/client';
import { errorMessage } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { useSession } from '../../../session';
import { CheckInForm } from '../CheckInForm';
import { fieldKeys } from '../keys';
import { formatRate } from '../options';
import type { ComplianceReport, ComplianceRow, StoreCompliance } from '../types';
import { ComplianceChart } from './ComplianceChart';
import { StoreTable } from './StoreTable';

type Step = { kind: 'market' | 'region' | 'rep'; id: number; name: string };
type Level = 'market' | 'region' | 'rep';

/** Below the nation come markets, then regions, then reps; below a rep, the stores. */
const levels: Level[] = ['market', 'region', 'rep'];

function RateBar({ rate }: { rate: number | null }) {
  if (rate === null) return <span>–</span>;
  const percent = Math.round(rate * 1000) / 10;
  return (
    <Progress
      percent={percent}
      size="small"
      status={percent >= 80 ? 'success' : 'exception'}
      format={() => formatRate(rate)}
      style={{ minWidth: 140 }}
    />
  );
}

function MonthTag({ report }: { report: Pick<ComplianceReport, 'frozen' | 'frozenAt'> }) {
  const { t } = useTranslation();
  return report.frozen ? (
    <Tag color="blue" data-testid="compliance-source">
      {t('visitCompliance.frozen')} · {t('visitCompliance.frozenAt', { at: formatDateTime(report.frozenAt) })}
    </Tag>
  ) : (
    <Tag color="orange" data-testid="compliance-source" title={t('visitCompliance.liveHint')}>
      {t('visitCompliance.live')}
    </Tag>
  );
}

/** CUS-5 拜访达标: a month's store compliance by market, drilled down to each rep's stores below their minimum. */
export default function CompliancePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [search] = useSearchParams();
  const [month, setMonth] = useState(() => search.get('month') ?? dayjs().format('YYYY-MM'));
  const [path, setPath] = useState<Step[]>(() => {
    const owner = Number(search.get('owner'));
    return owner ? [{ kind: 'rep', id: owner, name: owner === user.id ? user.displayName : `#${owner}` }] : [];
  });
  const [recordFor, setRecordFor] = useState<StoreCompliance | null>(null);
  const [version, setVersion] = useState(0);

  const last = path.at(-1);
  const level: Level | null = last?.kind === 'rep' ? null : (levels[path.length] ?? null);
  const report = (lvl: Level, geographyId?: number) => () =>
    call(api.GET('/api/field/compliance', { params: { query: { month, level: lvl, geographyId } } }));

  const markets = useQuery({ queryKey: [...fieldKeys.compliance, month, 'market', version], queryFn: report('market') });
  const drill = useQuery({
    queryKey: [...fieldKeys.compliance, month, level, last?.id, version],
    queryFn: report(level ?? 'market', last?.id),
    enabled: level !== null && path.length > 0,
  });
  const rows = path.length === 0 ? markets.data?.rows : drill.data?.rows;
  const total = markets.data?.total;
  const error = markets.error ?? drill.error;

  const regionOf = path.find((s) => s.kind === 'region');

  return (
    <PageContainer
      extra={
        <Space>
          {markets.data && <MonthTag report={markets.data} />}
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'month')}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            aria-label={t('visitCompliance.month')}
          />
        </Space>
      }
    >
      {error && <Result status="error" title={errorMessage(error, t('error.network'))} />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card loading={markets.isPending}>
              <Statistic title={t('visitCompliance.rate')} value={formatRate(total?.complianceRate)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card loading={markets.isPending}>
              <Statistic title={t('visitCompliance.stores')} value={total?.storesTotal ?? 0} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card loading={markets.isPending}>
              <Statistic title={t('visitCompliance.nonCompliant')} value={total?.nonCompliant ?? 0} valueStyle={{ color: '#cf1322' }} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card loading={markets.isPending}>
              <Statistic
                title={t('visitCompliance.visitsMissing')}
                value={total?.visitsMissing ?? 0}
                suffix={`/ ${total?.visitsRequired ?? 0}`}
              />
            </Card>
          </Col>
        </Row>
        <Card title={t('visitCompliance.chartTitle')} loading={markets.isPending}>
          {markets.data && <ComplianceChart rows={markets.data.rows} />}
        </Card>
        <Card
          title={
            <Breadcrumb
              items={[
                { title: <Typography.Link onClick={() => setPath([])}>{t('visitCompliance.nation')}</Typography.Link> },
                ...path.map((step, i) => ({
                  title:
                    i === path.length - 1 ? (
                      step.name
                    ) : (
                      <Typography.Link onClick={() => setPath(path.slice(0, i + 1))}>{step.name}</Typography.Link>
                    ),
                })),
              ]}
            />
          }
        >
          {last?.kind === 'rep' ? (
            <StoreTable month={month} ownerUserId={last.id} geographyId={regionOf?.id} version={version} onRecord={setRecordFor} />
          ) : (
            <Table<ComplianceRow>
              rowKey={(row) => `${row.id ?? 'none'}`}
              size="small"
              loading={path.length === 0 ? markets.isPending : drill.isFetching}
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={rows ?? []}
              onRow={(row) => ({
                style: row.id !== null ? { cursor: 'pointer' } : undefined,
                onClick: () => {
                  if (row.id === null || !level) return;
                  setPath([...path, { kind: level, id: row.id, name: row.name ?? t('visitCompliance.unassigned') }]);
                },
              })}
              columns={[
                {
                  title: level ? t(`visitCompliance.level.${level}`) : '',
                  dataIndex: 'name',
                  render: (name: string | null, row) =>
                    row.id !== null ? (
                      <Typography.Link>{name ?? t('visitCompliance.unassigned')}</Typography.Link>
                    ) : (
                      (name ?? t('visitCompliance.unassigned'))
                    ),
                },
                { title: t('visitCompliance.stores'), dataIndex: 'storesTotal', align: 'right' },
                { title: t('visitCompliance.compliant'), dataIndex: 'compliant', align: 'right' },
                { title: t('visitCompliance.nonCompliant'), dataIndex: 'nonCompliant', align: 'right' },
                { title: t('visitCompliance.rate'), dataIndex: 'complianceRate', render: (rate: number | null) => <RateBar rate={rate} /> },
                {
                  title: `${t('visitCompliance.visitsDone')} / ${t('visitCompliance.visitsRequired')}`,
                  key: 'visits',
                  align: 'right',
                  render: (_, row) => `${row.visitsDone} / ${row.visitsRequired}`,
                },
                { title: t('visitCompliance.visitsMissing'), dataIndex: 'visitsMissing', align: 'right' },
              ]}
            />
          )}
        </Card>
      </Space>
      <CheckInForm
        open={recordFor !== null}
        onOpenChange={(open) => !open && setRecordFor(null)}
        account={recordFor ? { id: recordFor.accountId, name: recordFor.accountName } : null}
        onSaved={() => setVersion((v) => v + 1)}
      />
    </PageContainer>
  );
}
