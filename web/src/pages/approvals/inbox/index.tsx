import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client';
import type { ApprovalDoneItem, ApprovalInboxItem, ApprovalMineItem, ApprovalStatus } from '../../../api/types';
import { TaskStatusTag } from '../../../components/ApprovalStatusTag';
import { useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { pendingCountKey, usePendingCount } from '../../../components/PendingBadge';
import { useTypeEnum } from '../useApprovalTypes';
import { sharedColumns } from './columns';

const tabs = ['inbox', 'mine', 'done'] as const;
type Tab = (typeof tabs)[number];

interface Params {
  current?: number;
  pageSize?: number;
  type?: string;
  status?: ApprovalStatus;
}

function paging({ current = 1, pageSize = 20 }: Params) {
  return { limit: pageSize, offset: (current - 1) * pageSize };
}

/** The ProTable settings the three lists share. */
function ApprovalTable<T extends { approvalId: number }>(props: {
  columns: ProColumns<T>[];
  load: (params: Params) => Promise<{ items: T[]; total: number }>;
  empty?: string;
}) {
  const reportError = useReportError();
  return (
    <ProTable<T, Params>
      rowKey={(row) => ('taskId' in row ? `${row.approvalId}-${row.taskId}` : String(row.approvalId))}
      columns={props.columns}
      cardBordered
      columnEmptyText="–"
      scroll={{ x: 'max-content' }}
      search={{ labelWidth: 'auto' }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true }}
      options={{ density: true, reload: true, setting: false }}
      locale={props.empty ? { emptyText: props.empty } : undefined}
      onRequestError={reportError}
      request={async (params) => {
        const page = await props.load(params);
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}

function InboxTable() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const shared = sharedColumns<ApprovalInboxItem>(t, i18n.language, useTypeEnum());
  const columns: ProColumns<ApprovalInboxItem>[] = [
    shared.type,
    shared.summary,
    shared.amount,
    shared.requester,
    { title: t('approval.step'), dataIndex: 'stepName', search: false, render: (_, row) => row.stepName ?? `#${row.stepIndex + 1}` },
    { title: t('approval.waitingSince'), dataIndex: 'waitingSince', search: false, render: (_, row) => formatDateTime(row.waitingSince) },
    {
      title: t('common.actions'),
      key: 'open',
      search: false,
      fixed: 'right',
      render: (_, row) => <Link to={`/approvals/${row.approvalId}`}>{t('approval.open')}</Link>,
    },
  ];
  return (
    <ApprovalTable
      columns={columns}
      empty={t('approval.empty')}
      load={async (params) => {
        const page = await call(api.GET('/api/approvals/inbox', { params: { query: { type: params.type, ...paging(params) } } }));
        // The list is the fresher count: keep the header badge in step with it.
        queryClient.setQueryData(pendingCountKey, { count: page.total });
        return page;
      }}
    />
  );
}

function MineTable() {
  const { t, i18n } = useTranslation();
  const shared = sharedColumns<ApprovalMineItem>(t, i18n.language, useTypeEnum());
  const columns: ProColumns<ApprovalMineItem>[] = [
    shared.type,
    shared.summary,
    shared.amount,
    shared.status,
    {
      title: t('approval.currentApprovers'),
      dataIndex: 'currentApprovers',
      search: false,
      render: (_, row) => row.currentApprovers.map((p) => p.displayName).join(t('approval.separator')) || '–',
    },
    { title: t('approval.createdAt'), dataIndex: 'createdAt', search: false, render: (_, row) => formatDateTime(row.createdAt) },
    { title: t('approval.decidedAt'), dataIndex: 'decidedAt', search: false, render: (_, row) => formatDateTime(row.decidedAt) },
  ];
  return (
    <ApprovalTable
      columns={columns}
      load={(params) =>
        call(api.GET('/api/approvals/mine', { params: { query: { type: params.type, status: params.status, ...paging(params) } } }))
      }
    />
  );
}

function DoneTable() {
  const { t, i18n } = useTranslation();
  const shared = sharedColumns<ApprovalDoneItem>(t, i18n.language, {});
  const columns: ProColumns<ApprovalDoneItem>[] = [
    { ...shared.type, search: false },
    shared.summary,
    shared.amount,
    shared.requester,
    {
      title: t('approval.myDecision'),
      dataIndex: 'myDecision',
      search: false,
      render: (_, row) => <TaskStatusTag status={row.myDecision} />,
    },
    {
      title: t('approval.myComment'),
      dataIndex: 'myComment',
      search: false,
      ellipsis: true,
      render: (_, row) => row.myComment ?? '–',
    },
    { title: t('approval.actedAt'), dataIndex: 'actedAt', search: false, render: (_, row) => formatDateTime(row.actedAt) },
    { ...shared.status, search: false },
  ];
  return <ApprovalTable columns={columns} load={(params) => call(api.GET('/api/approvals/done', { params: { query: paging(params) } }))} />;
}

function isTab(value: string | null): value is Tab {
  return tabs.includes(value as Tab);
}

/** APR-1 lists: what waits for me (待办), what I asked for, what I decided. */
export default function ApprovalInboxPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'inbox';
  const pending = usePendingCount();

  return (
    <PageContainer
      tabActiveKey={tab}
      onTabChange={(key) => setSearch(key === 'inbox' ? {} : { tab: key }, { replace: true })}
      tabList={[
        {
          key: 'inbox',
          tab: (
            <Space size={6}>
              {t('approval.inbox')}
              <Badge count={pending} size="small" />
            </Space>
          ),
        },
        { key: 'mine', tab: t('approval.mine') },
        { key: 'done', tab: t('approval.done') },
      ]}
    >
      {tab === 'inbox' && <InboxTable />}
      {tab === 'mine' && <MineTable />}
      {tab === 'done' && <DoneTable />}
    </PageContainer>
  );
}
