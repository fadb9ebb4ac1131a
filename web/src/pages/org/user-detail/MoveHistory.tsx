import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { UserMove } from '../../../api/types';
import { errorMessage } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';

const kindColors: Record<UserMove['kind'], string> = { hire: 'blue', promote: 'green', transfer: 'gold', leave: 'default' };

function Change({ from, to }: { from: string | null; to: string | null }) {
  if (from === to) return <>{to ?? '–'}</>;
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">{from ?? '–'}</Typography.Text>→<span>{to ?? '–'}</span>
    </Space>
  );
}

function Handover({ handover }: { handover: UserMove['handover'] }) {
  const { t } = useTranslation();
  const entries = Object.entries(handover ?? {});
  if (!entries.length) return <>–</>;
  return (
    <Space size={[4, 4]} wrap>
      {entries.map(([entity, count]) => (
        <Tag key={entity}>{t('move.handoverCount', { entity, count })}</Tag>
      ))}
    </Space>
  );
}

/** Hires, promotions, transfers and the departure of one person, newest first (ORG-6). */
export function MoveHistory({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const moves = useQuery({
    queryKey: [...keys.users, userId, 'moves', page],
    queryFn: () =>
      call(
        api.GET('/api/org/users/{id}/moves', {
          params: { path: { id: userId }, query: { limit: page.pageSize, offset: (page.current - 1) * page.pageSize } },
        }),
      ),
  });
  return (
    <Card title={t('move.history')}>
      {moves.error ? (
        <Typography.Text type="danger">{errorMessage(moves.error, t('error.network'))}</Typography.Text>
      ) : (
        <Table<UserMove>
          rowKey="id"
          size="small"
          loading={moves.isPending}
          dataSource={moves.data?.items}
          scroll={{ x: 'max-content' }}
          pagination={{
            ...page,
            total: moves.data?.total,
            hideOnSinglePage: true,
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
          columns={[
            { title: t('move.at'), dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
            {
              title: t('move.kind'),
              dataIndex: 'kind',
              width: 90,
              render: (kind: UserMove['kind']) => <Tag color={kindColors[kind]}>{t(`moveKind.${kind}`)}</Tag>,
            },
            { title: t('user.position'), key: 'position', render: (_, m) => <Change from={m.fromPositionName} to={m.toPositionName} /> },
            {
              title: t('user.geography'),
              key: 'geography',
              render: (_, m) => <Change from={m.fromGeographyName} to={m.toGeographyName} />,
            },
            { title: t('move.successor'), dataIndex: 'successorName', render: (v: string | null) => v ?? '–' },
            { title: t('move.handover'), dataIndex: 'handover', render: (h: UserMove['handover']) => <Handover handover={h} /> },
            {
              title: t('move.reason'),
              dataIndex: 'reason',
              render: (v: string) => (
                <Typography.Text style={{ maxWidth: 280 }} ellipsis={{ tooltip: v }}>
                  {v}
                </Typography.Text>
              ),
            },
            { title: t('move.by'), dataIndex: 'byName', render: (v: string | null) => v ?? '–' },
          ]}
        />
      )}
    </Card>
  );
}
