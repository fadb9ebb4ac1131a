import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { historyActionLabel } from '../options';
import { GradeTag } from '../tags';
import type { AccountKind, AccountSource, AccountStatus, GradeReview, HistoryEntry, PoolEvent } from '../types';

/** CUS-3 the grade reviews of the account, newest first. */
export function GradeReviewsTab({ reviews }: { reviews: GradeReview[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<GradeReview> = [
    { title: t('customers.history.at'), dataIndex: 'reviewedAt', render: (v: string) => formatDateTime(v) },
    { title: t('customers.grade.from'), dataIndex: 'fromGrade', render: (_, r) => <GradeTag grade={r.fromGrade} /> },
    { title: t('customers.grade.to'), dataIndex: 'toGrade', render: (_, r) => <GradeTag grade={r.toGrade} /> },
    { title: t('customers.grade.reason'), dataIndex: 'reason' },
    { title: t('customers.history.actor'), dataIndex: 'reviewerName', render: (v) => v ?? t('customers.history.system') },
  ];
  return (
    <Table<GradeReview>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={reviews}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
    />
  );
}

/** CUS-12 releases, claims, returns, assignments, locks and disputes of the account. */
export function PoolEventsTab({ events }: { events: PoolEvent[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<PoolEvent> = [
    { title: t('customers.history.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    { title: t('customers.history.event'), dataIndex: 'kind', render: (_, e) => t(`customers.historyAction.${e.kind}`) },
    { title: t('customers.history.from'), dataIndex: 'fromUserName', render: (v) => v ?? '–' },
    { title: t('customers.history.to'), dataIndex: 'toUserName', render: (v) => v ?? '–' },
    { title: t('customers.history.reason'), dataIndex: 'reason', render: (v) => v ?? '–' },
    { title: t('customers.history.actor'), dataIndex: 'actorName', render: (v) => v ?? t('customers.history.system') },
  ];
  return (
    <Table<PoolEvent>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={events}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
    />
  );
}

/** Bookkeeping columns that change with every write and tell the reader nothing. */
const hiddenKeys = new Set(['id', 'accountId', 'createdAt', 'updatedAt', 'reviewId', 'normalizedName', 'searchText']);

const labelledKeys = {
  name: 'customers.field.name',
  kind: 'customers.field.kind',
  partyType: 'customers.field.partyType',
  grade: 'customers.field.grade',
  status: 'customers.field.status',
  creditCode: 'customers.field.creditCode',
  mobile: 'customers.field.mobile',
  geographyId: 'customers.field.geography',
  ownerUserId: 'customers.field.owner',
  province: 'customers.field.province',
  city: 'customers.field.city',
  address: 'customers.field.address',
  source: 'customers.field.source',
  tags: 'customers.field.tags',
  locked: 'customers.field.locked',
  reason: 'customers.history.reason',
} as const;

function useChangeText() {
  const { t } = useTranslation();
  const label = (key: string) => (key in labelledKeys ? t(labelledKeys[key as keyof typeof labelledKeys]) : key);
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (key === 'kind' && typeof value === 'string') return t(`customers.kind.${value as AccountKind}`, { defaultValue: value });
    if (key === 'status' && typeof value === 'string') return t(`customers.status.${value as AccountStatus}`, { defaultValue: value });
    if (key === 'source' && typeof value === 'string') return t(`customers.source.${value as AccountSource}`, { defaultValue: value });
    if (Array.isArray(value)) return value.map(String).join('、') || '–';
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  return { label, show };
}

function Changes({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const { label, show } = useChangeText();
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const changed = Object.keys(after).filter((key) => !hiddenKeys.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (!changed.length) return <Typography.Text type="secondary">–</Typography.Text>;
  const line = (key: string) =>
    entry.before ? `${label(key)}：${show(key, before[key])} → ${show(key, after[key])}` : `${label(key)}：${show(key, after[key])}`;
  return (
    <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: t('customers.history.more') }}>
      {changed.map(line).join('；')}
    </Typography.Paragraph>
  );
}

/** CUS-1 full change history of the card, from the audit trail. */
export function ChangeHistoryTab({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<HistoryEntry> = [
    { title: t('customers.history.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('customers.history.actor'), dataIndex: 'actorName', width: 120, render: (v) => v ?? t('customers.history.system') },
    { title: t('customers.history.action'), dataIndex: 'action', width: 140, render: (v: string) => historyActionLabel(t, v) },
    { title: t('customers.history.changes'), key: 'changes', render: (_, entry) => <Changes entry={entry} /> },
  ];
  return (
    <Table<HistoryEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={history}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
    />
  );
}
