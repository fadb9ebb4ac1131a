import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, ModalForm, type ProColumns, ProFormTextArea, ProTable } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Spin, Table } from 'antd';
import dayjs from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { formatDate, formatDateTime } from '../../../components/format';
import { UserPicker } from '../../../components/pickers';
import { useSession } from '../../../session';
import { fieldKeys } from '../keys';
import { PlanStatusTag, VisitKindTag, VisitStatusTag } from '../options';
import type { Visit, VisitPlan, VisitPlanStatus } from '../types';

interface Params {
  current?: number;
  pageSize?: number;
  repUserId?: number;
  status?: VisitPlanStatus;
}

/** The visits filed in one weekly plan, read when the row opens. */
function PlanVisits({ plan, onOpen }: { plan: VisitPlan; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: [...fieldKeys.plans, 'detail', plan.id],
    queryFn: () => call(api.GET('/api/field/visit-plans/{id}', { params: { path: { id: plan.id } } })),
  });
  if (detail.isPending) return <Spin size="small" />;
  return (
    <Table<Visit>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={detail.data?.visits ?? []}
      onRow={(v) => ({ onClick: () => onOpen(v.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('visit.date'), dataIndex: 'visitDate', render: (value: string) => formatDate(value) },
        { title: t('visit.account'), dataIndex: 'accountName' },
        { title: t('visit.kind'), dataIndex: 'kind', render: (_, v) => <VisitKindTag kind={v.kind} /> },
        { title: t('visit.status'), dataIndex: 'status', render: (_, v) => <VisitStatusTag status={v.status} /> },
        { title: t('visit.purpose'), dataIndex: 'purpose', ellipsis: true },
      ]}
    />
  );
}

/** CUS-4 weekly visit plans: mine to open, annotate and hand in; a manager reads the team's. */
export function PlanTable({ onOpen, onPlan }: { onOpen: (id: number) => void; onPlan: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const can = useAccess();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const action = useRef<ActionType>(null);
  const mayRecord = can(Access.fieldVisitsRecord);

  const run = async (work: Promise<unknown>, success: string) => {
    try {
      await work;
      void message.success(success);
      void queryClient.invalidateQueries({ queryKey: fieldKeys.plans });
      void action.current?.reload();
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  };

  const columns: ProColumns<VisitPlan>[] = [
    { title: t('visitPlan.weekStart'), dataIndex: 'weekStart', search: false, render: (_, p) => formatDate(p.weekStart) },
    {
      title: t('visitPlan.rep'),
      dataIndex: 'repUserId',
      render: (_, p) => p.repName,
      renderFormItem: () => <UserPicker activeOnly={false} />,
    },
    {
      title: t('visitPlan.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: { draft: { text: t('visitPlan.statuses.draft') }, submitted: { text: t('visitPlan.statuses.submitted') } },
      render: (_, p) => <PlanStatusTag status={p.status} />,
    },
    {
      title: t('visitPlan.counts'),
      key: 'counts',
      search: false,
      render: (_, p) => `${p.plannedCount} / ${p.doneCount} / ${p.cancelledCount}`,
    },
    { title: t('visitPlan.note'), dataIndex: 'note', search: false, ellipsis: true, width: 260 },
    { title: t('visitPlan.submittedAt'), dataIndex: 'submittedAt', search: false, render: (_, p) => formatDateTime(p.submittedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      search: false,
      render: (_, p) =>
        p.repUserId === user.id && p.status === 'draft' && mayRecord ? (
          <Space size={0}>
            <ModalForm<{ note: string }>
              title={t('visitPlan.editNote')}
              trigger={
                <Button type="link" size="small">
                  {t('visitPlan.editNote')}
                </Button>
              }
              width={520}
              initialValues={{ note: p.note }}
              modalProps={{ destroyOnHidden: true }}
              onFinish={({ note }) =>
                run(
                  call(api.PATCH('/api/field/visit-plans/{id}', { params: { path: { id: p.id } }, body: { note: note ?? '' } })),
                  t('common.saved'),
                )
              }
            >
              <ProFormTextArea
                name="note"
                label={t('visitPlan.note')}
                rules={[{ max: 2000 }]}
                fieldProps={{ rows: 5, showCount: true, maxLength: 2000 }}
              />
            </ModalForm>
            <Popconfirm
              title={t('visitPlan.confirmSubmit')}
              onConfirm={() =>
                run(call(api.POST('/api/field/visit-plans/{id}/submit', { params: { path: { id: p.id } } })), t('visitPlan.submitted'))
              }
            >
              <Button type="link" size="small">
                {t('visitPlan.submit')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  const weekStart = dayjs()
    .subtract((dayjs().day() + 6) % 7, 'day')
    .format('YYYY-MM-DD');

  return (
    <ProTable<VisitPlan, Params>
      actionRef={action}
      rowKey="id"
      columns={columns}
      cardBordered
      columnEmptyText="–"
      scroll={{ x: 'max-content' }}
      search={{ labelWidth: 'auto' }}
      pagination={{ defaultPageSize: 10 }}
      options={{ density: false, reload: true, setting: false }}
      onRequestError={reportError}
      expandable={{ expandedRowRender: (p) => <PlanVisits plan={p} onOpen={onOpen} /> }}
      request={async (params) => {
        const { current = 1, pageSize = 10, repUserId, status } = params;
        const page = await call(
          api.GET('/api/field/visit-plans', {
            params: { query: { repUserId, status, limit: pageSize, offset: (current - 1) * pageSize } },
          }),
        );
        return { data: page.items, total: page.total, success: true };
      }}
      toolBarRender={() =>
        mayRecord
          ? [
              <Button
                key="open"
                onClick={() => void run(call(api.POST('/api/field/visit-plans', { body: { weekStart } })), t('visitPlan.created'))}
              >
                {t('visitPlan.create')}
              </Button>,
              <Button key="plan" type="primary" icon={<PlusOutlined />} onClick={onPlan}>
                {t('visit.plan')}
              </Button>,
            ]
          : []
      }
    />
  );
}
