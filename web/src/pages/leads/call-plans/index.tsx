import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Button, Progress, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { UserPicker } from '../../../components/pickers';
import { useSession } from '../../../session';
import { formatRate } from '../options';
import type { CallDay } from '../types';
import { CallResultForm } from './CallResultForm';
import { PlanForm } from './PlanForm';

type View = 'mine' | 'team';

interface Params {
  current?: number;
  pageSize?: number;
  period?: [string, string];
  callerUserId?: number;
  view?: View;
  refresh?: number;
}

interface Totals {
  target: number;
  calls: number;
  appointments: number;
}

/** Last week and this one: the results so far beside the days still to plan. */
function defaultPeriod(): [string, string] {
  return [dayjs().startOf('week').subtract(7, 'day').format('YYYY-MM-DD'), dayjs().endOf('week').format('YYYY-MM-DD')];
}

function Attainment({ day }: { day: CallDay }) {
  if (day.attainment === null) return <Typography.Text type="secondary">–</Typography.Text>;
  const percent = Math.round(day.attainment * 100);
  return (
    <Tooltip title={formatRate(day.attainment)}>
      <Progress
        percent={Math.min(percent, 100)}
        format={() => `${percent}%`}
        size="small"
        status={percent >= 100 ? 'success' : 'normal'}
        style={{ width: 120, margin: 0 }}
      />
    </Tooltip>
  );
}

/** CUS-7 call plans (call客): each caller's target per day beside the calls and appointments actually recorded. */
export default function CallPlansPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const { user } = useSession();
  const reportError = useReportError();
  const assigner = can(Access.leadsAssign);
  const manage = can(Access.leadsManage);
  // Whoever plans for a team starts from the team; a caller from their own days.
  const [view, setView] = useState<View>(assigner ? 'team' : 'mine');
  const [planning, setPlanning] = useState<{ day: CallDay | null } | null>(null);
  const [recording, setRecording] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [totals, setTotals] = useState<Totals | null>(null);
  const reload = () => setRefresh((n) => n + 1);
  const team = assigner && view === 'team';

  const columns: ProColumns<CallDay>[] = [
    {
      title: t('callPlan.period'),
      dataIndex: 'period',
      valueType: 'dateRange',
      hideInTable: true,
      initialValue: defaultPeriod(),
      fieldProps: { allowClear: false },
      formItemProps: { rules: [{ required: true }], tooltip: t('callPlan.rangeHint') },
    },
    { title: t('callPlan.date'), dataIndex: 'date', search: false, render: (_, day) => day.date },
    {
      title: t('callPlan.caller'),
      dataIndex: 'callerUserId',
      hideInSearch: !team,
      hideInTable: !team,
      render: (_, day) => day.callerName,
      renderFormItem: () => <UserPicker activeOnly={false} />,
    },
    {
      title: t('callPlan.target'),
      dataIndex: 'targetCalls',
      search: false,
      align: 'right',
      render: (_, day) => day.targetCalls ?? <Typography.Text type="secondary">{t('callPlan.noPlan')}</Typography.Text>,
    },
    { title: t('callPlan.calls'), dataIndex: 'calls', search: false, align: 'right' },
    { title: t('callPlan.leadsCalled'), dataIndex: 'leadsCalled', search: false, align: 'right' },
    { title: t('callPlan.appointments'), dataIndex: 'appointments', search: false, align: 'right' },
    { title: t('callPlan.attainment'), dataIndex: 'attainment', search: false, render: (_, day) => <Attainment day={day} /> },
    { title: t('callPlan.note'), dataIndex: 'note', search: false, ellipsis: true, width: 200 },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, day) =>
        manage && (day.callerUserId === user.id || assigner) ? (
          <Button key="plan" type="link" size="small" onClick={() => setPlanning({ day })}>
            {t('callPlan.plan')}
          </Button>
        ) : null,
    },
  ];

  return (
    <PageContainer>
      <ProTable<CallDay, Params>
        rowKey={(day) => `${day.callerUserId}-${day.date}`}
        columns={columns}
        params={{ view, refresh }}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        headerTitle={
          totals && (
            <Typography.Text type="secondary" data-testid="call-plan-totals">
              {t('callPlan.totals', { ...totals })}
            </Typography.Text>
          )
        }
        toolbar={
          assigner
            ? {
                menu: {
                  type: 'tab',
                  activeKey: view,
                  items: [
                    { key: 'mine', label: t('callPlan.mine') },
                    { key: 'team', label: t('callPlan.team') },
                  ],
                  onChange: (key) => setView(key === 'team' ? 'team' : 'mine'),
                },
              }
            : undefined
        }
        request={async (params) => {
          const { current = 1, pageSize = 20, period, callerUserId } = params;
          const [from, to] = period ?? defaultPeriod();
          const caller = params.view === 'team' && assigner ? callerUserId : user.id;
          const page = await call(
            api.GET('/api/customers/call-plans', {
              params: { query: { from, to, callerUserId: caller ?? undefined, limit: pageSize, offset: (current - 1) * pageSize } },
            }),
          );
          setTotals(
            page.items.reduce<Totals>(
              (sum, day) => ({
                target: sum.target + (day.targetCalls ?? 0),
                calls: sum.calls + day.calls,
                appointments: sum.appointments + day.appointments,
              }),
              { target: 0, calls: 0, appointments: 0 },
            ),
          );
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          manage
            ? [
                <Button key="record" icon={<PhoneOutlined />} onClick={() => setRecording(true)}>
                  {t('callPlan.recordCall')}
                </Button>,
                <Button key="plan" type="primary" icon={<PlusOutlined />} onClick={() => setPlanning({ day: null })}>
                  {t('callPlan.plan')}
                </Button>,
              ]
            : []
        }
      />
      <PlanForm
        day={planning?.day}
        forTeam={team}
        open={planning !== null}
        onOpenChange={(open) => !open && setPlanning(null)}
        onSaved={reload}
      />
      <CallResultForm open={recording} onOpenChange={setRecording} onSaved={reload} />
    </PageContainer>
  );
}
