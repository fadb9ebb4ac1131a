import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { formatDate, formatDateTime } from '../../../components/format';
import { UserPicker } from '../../../components/pickers';
import type { WorkLog } from '../types';
import { LogDrawer } from './LogDrawer';
import { MissingLogs } from './MissingLogs';

type Tab = 'team' | 'missing';

interface Params {
  current?: number;
  pageSize?: number;
  userId?: number;
  period?: [string, string];
}

/** CUS-6 review: the team's logs by day with the superior's comment, and the missing-logs report. */
export default function TeamLogsPage() {
  const { t } = useTranslation();
  const reportError = useReportError();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = search.get('tab') === 'missing' ? 'missing' : 'team';
  const [openId, setOpenId] = useState<number | null>(null);

  const columns: ProColumns<WorkLog>[] = [
    {
      title: t('workLog.date'),
      dataIndex: 'date',
      search: false,
      render: (_, l) => <Typography.Link onClick={() => setOpenId(l.id)}>{formatDate(l.date)}</Typography.Link>,
    },
    {
      title: t('visit.period'),
      dataIndex: 'period',
      valueType: 'dateRange',
      hideInTable: true,
      initialValue: [dayjs().subtract(6, 'day'), dayjs()],
    },
    {
      title: t('workLog.author'),
      dataIndex: 'userId',
      render: (_, l) => l.userName,
      renderFormItem: () => <UserPicker activeOnly={false} />,
    },
    { title: t('workLog.geography'), dataIndex: 'geographyName', search: false },
    { title: t('workLog.progress'), dataIndex: 'progress', search: false, ellipsis: true, width: 320 },
    { title: t('workLog.helpNeeded'), dataIndex: 'helpNeeded', search: false, ellipsis: true, width: 200 },
    { title: t('workLog.doneVisitCount'), dataIndex: 'doneVisitCount', search: false, align: 'right' },
    { title: t('workLog.commentCount'), dataIndex: 'commentCount', search: false, align: 'right' },
    { title: t('workLog.submittedAt'), dataIndex: 'submittedAt', search: false, render: (_, l) => formatDateTime(l.submittedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      search: false,
      render: (_, l) => <Typography.Link onClick={() => setOpenId(l.id)}>{t('workLog.comment')}</Typography.Link>,
    },
  ];

  return (
    <PageContainer
      tabActiveKey={tab}
      onTabChange={(key) => setSearch({ tab: key }, { replace: true })}
      tabList={[
        { key: 'team', tab: t('workLog.team') },
        { key: 'missing', tab: t('workLog.missing') },
      ]}
    >
      {tab === 'team' ? (
        <ProTable<WorkLog, Params>
          rowKey="id"
          columns={columns}
          cardBordered
          columnEmptyText="–"
          scroll={{ x: 'max-content' }}
          search={{ labelWidth: 'auto' }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true }}
          options={{ density: true, reload: true, setting: false }}
          onRequestError={reportError}
          onRow={(l) => ({ onDoubleClick: () => setOpenId(l.id) })}
          request={async (params) => {
            const { current = 1, pageSize = 20, userId, period } = params;
            const page = await call(
              api.GET('/api/field/work-logs', {
                params: { query: { userId, from: period?.[0], to: period?.[1], limit: pageSize, offset: (current - 1) * pageSize } },
              }),
            );
            return { data: page.items, total: page.total, success: true };
          }}
        />
      ) : (
        <MissingLogs />
      )}
      <LogDrawer id={openId} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
