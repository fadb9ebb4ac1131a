import { PageContainer, ProCard, ProForm, ProFormDateRangePicker, ProFormSelect, QueryFilter } from '@ant-design/pro-components';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Col, Row, Statistic, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { Chart, type ChartOption } from '../../../components/Chart';
import { useReportError } from '../../../components/errors';
import { GeographyPicker } from '../../../components/pickers';
import { formatRate, leadStatuses, sourceOptions, statusAccents } from '../options';
import { leadKeys, useLeadTeams } from '../queries';
import type { LeadFunnel, LeadSource, LeadStatus } from '../types';

interface Filters {
  period?: [string, string];
  geographyId?: number;
  source?: LeadSource;
  teamId?: number;
}

/** The stages a lead passes in order; a lead at a later stage has passed the earlier ones. */
const stages: LeadStatus[] = ['new', 'assigned', 'following', 'appointed', 'converted'];

interface StageRow {
  status: LeadStatus;
  current: number;
  reached: number;
  ofTotal: number;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Reached = now at this stage or a later one; lost leads count in the total only, as the stage they left is not kept. */
function stageRows(counts: Record<LeadStatus, number>): { rows: StageRow[]; total: number } {
  const total = leadStatuses.reduce((sum, s) => sum + counts[s], 0);
  const rows = stages.map((status, i) => {
    const reached = i === 0 ? total : stages.slice(i).reduce((sum, s) => sum + counts[s], 0);
    return { status, current: counts[status], reached, ofTotal: share(reached, total) };
  });
  return { rows, total };
}

function funnelOption(rows: StageRow[], t: TFunction): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        minSize: '10%',
        left: '6%',
        width: '58%',
        gap: 2,
        // Outside on the right, so a long stage name never overflows a narrow lower stage.
        label: { position: 'right', formatter: '{b}  {c}' },
        labelLine: { show: true },
        data: rows.map((row, i) => ({
          name: i === 0 ? t('funnel.total') : t(`leadStatus.${row.status}`),
          value: row.reached,
          itemStyle: { color: statusAccents[row.status] },
        })),
      },
    ],
  };
}

/** Counts per current status with every filter, from the list's totals (one small query per status, in SQL). */
function useStatusCounts(filters: Filters) {
  const reportError = useReportError();
  const query = {
    createdFrom: filters.period?.[0],
    createdTo: filters.period?.[1],
    geographyId: filters.geographyId,
    source: filters.source,
    teamId: filters.teamId,
  };
  const results = useQueries({
    queries: leadStatuses.map((status) => ({
      queryKey: [...leadKeys.all, 'count', status, query],
      queryFn: () =>
        call(api.GET('/api/customers/leads', { params: { query: { ...query, status, limit: 1 } } })).catch((error: unknown) => {
          reportError(error);
          throw error;
        }),
    })),
  });
  const pending = results.some((r) => r.isPending);
  const counts = Object.fromEntries(leadStatuses.map((s, i) => [s, results[i]?.data?.total ?? 0])) as Record<LeadStatus, number>;
  return { counts, pending };
}

function BySource({ funnel, loading }: { funnel: LeadFunnel | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="source"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={funnel?.bySource ?? []}
      columns={[
        { title: t('funnel.source'), dataIndex: 'source', render: (source: LeadSource) => t(`leadSource.${source}`) },
        { title: t('funnel.total'), dataIndex: 'total', align: 'right' },
        { title: t('funnel.converted'), dataIndex: 'converted', align: 'right' },
        { title: t('funnel.lost'), dataIndex: 'lost', align: 'right' },
        { title: t('funnel.conversionRate'), dataIndex: 'conversionRate', align: 'right', render: (rate: number) => formatRate(rate) },
      ]}
      summary={() =>
        funnel ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('funnel.allSources')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{funnel.total}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong>{funnel.byStatus.converted}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong>{funnel.byStatus.lost}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <Typography.Text strong>{formatRate(funnel.conversionRate)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

/** CUS-7 / RPT-2 lead funnel: leads recorded in a period, how far they got, and conversion per source. */
export default function LeadFunnelPage() {
  const { t } = useTranslation();
  const reportError = useReportError();
  const teams = useLeadTeams();
  const [filters, setFilters] = useState<Filters>({});
  const { counts, pending } = useStatusCounts(filters);
  const { rows, total } = useMemo(() => stageRows(counts), [counts]);
  const funnel = useQuery({
    queryKey: [...leadKeys.all, 'funnel', filters.period, filters.geographyId],
    queryFn: () =>
      call(
        api.GET('/api/customers/leads/funnel', {
          params: { query: { from: filters.period?.[0], to: filters.period?.[1], geographyId: filters.geographyId } },
        }),
      ).catch((error: unknown) => {
        reportError(error);
        throw error;
      }),
  });
  const summary = rows
    .map((row, i) => `${i === 0 ? t('funnel.total') : t(`leadStatus.${row.status}`)} ${row.reached}`)
    .join(t('approval.separator'));

  return (
    <PageContainer>
      <ProCard style={{ marginBottom: 16 }}>
        <QueryFilter<Filters>
          defaultCollapsed={false}
          labelWidth="auto"
          onFinish={async (values) => setFilters(values)}
          onReset={() => setFilters({})}
        >
          <ProFormDateRangePicker name="period" label={t('funnel.period')} />
          <ProForm.Item name="geographyId" label={t('funnel.geography')}>
            <GeographyPicker />
          </ProForm.Item>
          <ProFormSelect name="source" label={t('funnel.source')} options={sourceOptions(t)} tooltip={t('funnel.sourceFilterHint')} />
          <ProFormSelect
            name="teamId"
            label={t('lead.team')}
            options={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
          />
        </QueryFilter>
      </ProCard>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <ProCard>
            <Statistic title={t('funnel.total')} value={total} loading={pending} />
          </ProCard>
        </Col>
        <Col xs={12} md={6}>
          <ProCard>
            <Statistic
              title={t('funnel.converted')}
              value={counts.converted}
              loading={pending}
              valueStyle={{ color: statusAccents.converted }}
            />
          </ProCard>
        </Col>
        <Col xs={12} md={6}>
          <ProCard>
            <Statistic title={t('funnel.conversionRate')} value={formatRate(share(counts.converted, total))} loading={pending} />
          </ProCard>
        </Col>
        <Col xs={12} md={6}>
          <ProCard>
            <Statistic
              title={t('funnel.lostRate')}
              value={formatRate(share(counts.lost, total))}
              suffix={
                <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                  ({counts.lost})
                </Typography.Text>
              }
              loading={pending}
            />
          </ProCard>
        </Col>
        <Col xs={24} lg={12}>
          <ProCard title={t('funnel.title')} loading={pending}>
            <Chart option={funnelOption(rows, t)} height={340} label={t('funnel.chartLabel', { summary })} />
          </ProCard>
        </Col>
        <Col xs={24} lg={12}>
          <ProCard title={t('funnel.byStage')}>
            <Table<StageRow>
              rowKey="status"
              size="small"
              loading={pending}
              pagination={false}
              dataSource={rows}
              columns={[
                { title: t('lead.status'), dataIndex: 'status', render: (status: LeadStatus) => t(`leadStatus.${status}`) },
                { title: t('funnel.current'), dataIndex: 'current', align: 'right' },
                { title: t('funnel.reached'), dataIndex: 'reached', align: 'right' },
                { title: t('funnel.stageRate'), dataIndex: 'ofTotal', align: 'right', render: (rate: number) => formatRate(rate) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('leadStatus.lost')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {counts.lost}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    –
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {formatRate(share(counts.lost, total))}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </ProCard>
        </Col>
        <Col span={24}>
          <ProCard title={t('funnel.bySource')}>
            <BySource funnel={funnel.data} loading={funnel.isPending} />
          </ProCard>
        </Col>
      </Row>
    </PageContainer>
  );
}
