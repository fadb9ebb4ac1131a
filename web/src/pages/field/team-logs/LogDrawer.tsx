import { ProForm, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Form, Result, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { errorMessage } from '../../../components/errors';
import { formatDate, formatDateTime } from '../../../components/format';
import { useSubmit } from '../../../components/useSubmit';
import { fieldKeys } from '../keys';
import { LogComments } from '../LogComments';
import { LogVisits } from '../LogVisits';

const pre = { whiteSpace: 'pre-wrap', marginBottom: 0 } as const;

/** One team member's log with its visits and comments; a superior adds a comment (点评). */
export function LogDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ body: string }>();
  const log = useQuery({
    queryKey: [...fieldKeys.workLogs, 'detail', id],
    queryFn: () => call(api.GET('/api/field/work-logs/{id}', { params: { path: { id: id as number } } })),
    enabled: id !== null,
  });
  const submit = useSubmit(
    form,
    ({ body }: { body: string }) =>
      call(api.POST('/api/field/work-logs/{id}/comments', { params: { path: { id: id as number } }, body: { body: body.trim() } })),
    { success: t('workLog.commented'), invalidate: [fieldKeys.workLogs], onSaved: () => form.resetFields() },
  );
  const l = log.data;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      destroyOnHidden
      title={l ? `${l.userName} · ${formatDate(l.date)}` : t('menu.fieldTeamLogs')}
    >
      {log.isPending && <Spin />}
      {log.error && <Result status="error" title={errorMessage(log.error, t('error.network'))} />}
      {l && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('workLog.author')}>{l.userName}</Descriptions.Item>
            <Descriptions.Item label={t('workLog.geography')}>{l.geographyName ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('workLog.progress')}>
              <Typography.Paragraph style={pre}>{l.progress}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('workLog.problems')}>
              <Typography.Paragraph style={pre}>{l.problems || '–'}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('workLog.helpNeeded')}>
              <Typography.Paragraph style={pre}>{l.helpNeeded || '–'}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('workLog.submittedAt')}>{formatDateTime(l.submittedAt)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('workLog.dayVisits')}</Typography.Title>
            <LogVisits visits={l.visits.filter((v) => v.status === 'done')} />
          </div>
          <div>
            <Typography.Title level={5}>{t('workLog.comments')}</Typography.Title>
            <LogComments comments={l.comments} />
          </div>
          <ProForm<{ body: string }>
            form={form}
            onFinish={(values) => submit(values).then(() => undefined)}
            submitter={{ searchConfig: { submitText: t('workLog.comment') }, resetButtonProps: { style: { display: 'none' } } }}
          >
            <ProFormTextArea
              name="body"
              placeholder={t('workLog.commentPlaceholder')}
              rules={[{ required: true, whitespace: true }, { max: 2000 }]}
              fieldProps={{ rows: 3, showCount: true, maxLength: 2000 }}
            />
          </ProForm>
        </Space>
      )}
    </Drawer>
  );
}
