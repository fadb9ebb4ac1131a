import { CalendarOutlined, UserOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Badge, Card, Empty, Flex, Space, Spin, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client';
import { formatDateTime } from '../../../components/format';
import { leadStatuses, statusAccents, statusColors } from '../options';
import { leadKeys } from '../queries';
import type { Lead, LeadFilter, LeadStatus } from '../types';

/** Cards per column; the column's count is the full total, the list view pages through the rest. */
const perColumn = 30;

function LeadCard({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const due = lead.nextFollowUpAt && dayjs(lead.nextFollowUpAt).isBefore(dayjs());
  return (
    <Card size="small" styles={{ body: { padding: 10 } }} data-testid={`lead-card-${lead.id}`}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="baseline" gap={8}>
          <Link to={`/leads/${lead.id}`} style={{ fontWeight: 600 }}>
            {lead.name}
          </Link>
          <Tag style={{ marginInlineEnd: 0 }}>{t(`leadSource.${lead.source}`)}</Tag>
        </Flex>
        {lead.company && (
          <Typography.Text type="secondary" ellipsis={{ tooltip: lead.company }} style={{ fontSize: 12 }}>
            {lead.company}
          </Typography.Text>
        )}
        <Space size={4} style={{ fontSize: 12, color: token.colorTextSecondary }}>
          <UserOutlined />
          {lead.ownerName ?? <Typography.Text type="warning">{t('lead.unassigned')}</Typography.Text>}
        </Space>
        {lead.status === 'converted' && lead.convertedAccountCode && (
          <Space size={4} style={{ fontSize: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('lead.convertedAccount')}
            </Typography.Text>
            {lead.convertedAccountId ? (
              <Link to={`/customers/accounts/${lead.convertedAccountId}`}>{lead.convertedAccountCode}</Link>
            ) : (
              lead.convertedAccountCode
            )}
          </Space>
        )}
        {lead.status === 'lost' && lead.lostReason && (
          <Typography.Text type="secondary" ellipsis={{ tooltip: lead.lostReason }} style={{ fontSize: 12 }}>
            {lead.lostReason}
          </Typography.Text>
        )}
        {lead.nextFollowUpAt && (
          <Space size={4} style={{ fontSize: 12, color: due ? token.colorError : token.colorTextSecondary }}>
            <CalendarOutlined />
            {formatDateTime(lead.nextFollowUpAt)}
          </Space>
        )}
      </Flex>
    </Card>
  );
}

function Column({ status, leads, total, loading }: { status: LeadStatus; leads: Lead[]; total: number; loading: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <div
      data-testid={`lead-column-${status}`}
      style={{
        flex: '1 0 170px',
        minWidth: 170,
        background: token.colorFillQuaternary,
        borderRadius: token.borderRadiusLG,
        borderTop: `3px solid ${statusAccents[status]}`,
        padding: 8,
        display: 'flex',
        flexDirection: 'column',
        maxHeight: 'calc(100vh - 260px)',
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '2px 4px 8px' }}>
        <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
          {t(`leadStatus.${status}`)}
        </Tag>
        {!loading && (
          <Badge count={total} showZero overflowCount={9999} color={token.colorTextTertiary} title={t('lead.count', { count: total })} />
        )}
      </Flex>
      <Flex vertical gap={8} style={{ overflowY: 'auto', flex: 1, paddingInline: 2 }}>
        {loading ? (
          <Spin style={{ margin: 24 }} />
        ) : leads.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lead.empty')} />
        ) : (
          leads.map((lead) => <LeadCard key={lead.id} lead={lead} />)
        )}
        {total > leads.length && (
          <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
            {t('lead.moreInList', { count: total - leads.length })}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}

/** The leads by stage: one column per status with its count; one query per column, each paged and filtered in SQL. */
export function Kanban({ filter, onError }: { filter: LeadFilter; onError: (error: unknown) => void }) {
  const statuses = filter.status ? [filter.status] : leadStatuses;
  const columns = useQueries({
    queries: statuses.map((status) => ({
      queryKey: [...leadKeys.all, 'board', status, filter],
      queryFn: () =>
        call(
          api.GET('/api/customers/leads', {
            params: { query: { ...filter, status, limit: perColumn, sort: 'updatedAt', order: 'desc' } },
          }),
        ).catch((error: unknown) => {
          onError(error);
          throw error;
        }),
      placeholderData: (previous: { items: Lead[]; total: number } | undefined) => previous,
    })),
  });
  return (
    <Flex gap={12} style={{ overflowX: 'auto', paddingBottom: 8 }}>
      {statuses.map((status, i) => (
        <Column
          key={status}
          status={status}
          leads={columns[i]?.data?.items ?? []}
          total={columns[i]?.data?.total ?? 0}
          loading={columns[i]?.isPending ?? true}
        />
      ))}
    </Flex>
  );
}
