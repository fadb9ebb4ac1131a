import { type ActionType, PageContainer, type ProColumns, ProForm, ProFormTextArea, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Form, Row, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../../api/client';
import { errorMessage, useReportError } from '../../../components/errors';
import { formatDate, formatDateTime } from '../../../components/format';
import { useSubmit } from '../../../components/useSubmit';
import { fieldKeys } from '../keys';
import { LogComments } from '../LogComments';
import { LogVisits } from '../LogVisits';
import type { WorkLog } from '../types';
import { VisitDrawer } from '../VisitDrawer';

/** A log can be written for today and the 7 days before (the server's rule). */
const writableDays = 7;

interface Values {
  progress: string;
  problems?: string;
  helpNeeded?: string;
}

/** My log of a day, or null when none was written (404). */
async function myLog(date: string) {
  try {
    return await call(api.GET('/api/field/work-logs/mine/{date}', { params: { path: { date } } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** CUS-6 销售工作日志: today's log with the day's visits linked, the superiors' comments, and my past logs. */
export default function WorkLogsPage() {
  const { t } = useTranslation();
  const reportError = useReportError();
  const [date, setDate] = useState(() => dayjs().format('YYYY-MM-DD'));
  const [openId, setOpenId] = useState<number | null>(null);
  const [form] = Form.useForm<Values>();
  const history = useRef<ActionType>(null);
  const writable = !dayjs(date).isBefore(dayjs().subtract(writableDays, 'day'), 'day');

  const log = useQuery({ queryKey: [...fieldKeys.workLogs, 'mine', date], queryFn: () => myLog(date) });
  // Before a log exists the day's visits come from my calendar; once written, the log links them itself.
  const dayVisits = useQuery({
    queryKey: [...fieldKeys.calendar, 'me', date, date],
    queryFn: () => call(api.GET('/api/field/visits/calendar', { params: { query: { from: date, to: date } } })),
    enabled: log.data === null,
  });
  const visits = (log.data ? log.data.visits : (dayVisits.data?.days[0]?.visits ?? [])).filter((v) => v.status === 'done');

  useEffect(() => {
    if (log.isPending) return;
    form.setFieldsValue({ progress: log.data?.progress ?? '', problems: log.data?.problems ?? '', helpNeeded: log.data?.helpNeeded ?? '' });
  }, [form, log.data, log.isPending]);

  const submit = useSubmit(
    form,
    (values: Values) =>
      call(
        api.PUT('/api/field/work-logs/mine/{date}', {
          params: { path: { date } },
          body: { progress: values.progress.trim(), problems: values.problems?.trim() ?? '', helpNeeded: values.helpNeeded?.trim() ?? '' },
        }),
      ),
    { success: t('workLog.saved'), invalidate: [fieldKeys.workLogs], onSaved: () => void history.current?.reload() },
  );

  const columns: ProColumns<WorkLog>[] = [
    {
      title: t('workLog.date'),
      dataIndex: 'date',
      render: (_, l) => <Typography.Link onClick={() => setDate(l.date)}>{formatDate(l.date)}</Typography.Link>,
    },
    { title: t('workLog.progress'), dataIndex: 'progress', ellipsis: true, width: 320 },
    { title: t('workLog.doneVisitCount'), dataIndex: 'doneVisitCount', align: 'right' },
    { title: t('workLog.commentCount'), dataIndex: 'commentCount', align: 'right' },
    { title: t('workLog.updatedAt'), dataIndex: 'updatedAt', render: (_, l) => formatDateTime(l.updatedAt) },
  ];

  return (
    <PageContainer>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          title={date === dayjs().format('YYYY-MM-DD') ? t('workLog.today') : `${t('workLog.date')} ${date}`}
          loading={log.isPending}
          extra={
            <DatePicker
              allowClear={false}
              value={dayjs(date)}
              disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')}
              onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
              aria-label={t('workLog.date')}
            />
          }
        >
          {log.error && <Alert type="error" showIcon message={errorMessage(log.error, t('error.network'))} />}
          {log.data === null && <Alert type="warning" showIcon message={t('workLog.notWritten')} style={{ marginBottom: 16 }} />}
          <Row gutter={24}>
            <Col xs={24} lg={12}>
              <ProForm<Values>
                form={form}
                disabled={!writable}
                onFinish={(values) => submit(values).then(() => undefined)}
                submitter={{
                  searchConfig: { submitText: t('workLog.save') },
                  resetButtonProps: { style: { display: 'none' } },
                }}
              >
                <ProFormTextArea
                  name="progress"
                  label={t('workLog.progress')}
                  rules={[{ required: true, whitespace: true }, { max: 4000 }]}
                  fieldProps={{ rows: 5, showCount: true, maxLength: 4000 }}
                />
                <ProFormTextArea
                  name="problems"
                  label={t('workLog.problems')}
                  rules={[{ max: 4000 }]}
                  fieldProps={{ rows: 3, maxLength: 4000 }}
                />
                <ProFormTextArea
                  name="helpNeeded"
                  label={t('workLog.helpNeeded')}
                  rules={[{ max: 2000 }]}
                  fieldProps={{ rows: 2, maxLength: 2000 }}
                />
              </ProForm>
              <Typography.Text type="secondary">{t('workLog.editableHint')}</Typography.Text>
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('workLog.dayVisits')}</Typography.Title>
              <LogVisits visits={visits} onOpen={setOpenId} />
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                {t('workLog.comments')}
              </Typography.Title>
              <LogComments comments={log.data?.comments ?? []} />
            </Col>
          </Row>
        </Card>
        <ProTable<WorkLog>
          actionRef={history}
          headerTitle={t('workLog.mine')}
          rowKey="id"
          columns={columns}
          search={false}
          cardBordered
          columnEmptyText="–"
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 10 }}
          options={{ density: false, reload: true, setting: false }}
          onRequestError={reportError}
          request={async (params) => {
            const { current = 1, pageSize = 10 } = params;
            const page = await call(
              api.GET('/api/field/work-logs/mine', { params: { query: { limit: pageSize, offset: (current - 1) * pageSize } } }),
            );
            return { data: page.items, total: page.total, success: true };
          }}
        />
      </Space>
      <VisitDrawer id={openId} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
