import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { errorMessage } from '../../../components/errors';
import type { MissingWorkLogs } from '../types';

type Row = MissingWorkLogs['items'][number];

/** CUS-6: working days without a log per person in my team, for a chosen period (this month by default). */
export function MissingLogs() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const report = useQuery({
    queryKey: ['field', 'work-logs', 'missing', from, to],
    queryFn: () => call(api.GET('/api/field/work-logs/missing', { params: { query: { from, to } } })),
  });
  const data = report.data;

  return (
    <Card>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap size="large">
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          />
          {data && (
            <>
              <Statistic value={t('workLog.workingDays', { count: data.workingDays })} valueStyle={{ fontSize: 16 }} />
              <Statistic value={t('workLog.writers', { count: data.writers })} valueStyle={{ fontSize: 16 }} />
              <Statistic value={t('workLog.missingTotal', { count: data.missingTotal })} valueStyle={{ fontSize: 16, color: '#cf1322' }} />
            </>
          )}
        </Space>
        {report.error && <Alert type="error" showIcon message={errorMessage(report.error, t('error.network'))} />}
        <Table<Row>
          rowKey="userId"
          size="small"
          loading={report.isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('workLog.noneMissing') }}
          pagination={{ defaultPageSize: 20 }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('workLog.author'), dataIndex: 'userName', render: (_, r) => `${r.userName} (${r.username})` },
            { title: t('workLog.position'), dataIndex: 'positionName' },
            { title: t('workLog.geography'), dataIndex: 'geographyName', render: (v: string | null) => v ?? '–' },
            {
              title: t('workLog.missingCount'),
              dataIndex: 'missingCount',
              align: 'right',
              sorter: (a, b) => a.missingCount - b.missingCount,
              defaultSortOrder: 'descend',
            },
            {
              title: t('workLog.missingDates'),
              dataIndex: 'missingDates',
              render: (dates: string[]) => (
                <Space size={[4, 4]} wrap style={{ maxWidth: 560 }}>
                  {dates.map((d) => (
                    <Tag key={d}>{d.slice(5)}</Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
