import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Col, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client';
import type { AuditEntry } from '../../../api/types';
import { useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { UserPicker } from '../../../components/pickers';

interface Params {
  current?: number;
  pageSize?: number;
  actorUserId?: number;
  entity?: string;
  entityId?: string;
  at?: [string, string];
}

const actionColors: Record<string, string> = { create: 'green', update: 'blue', delete: 'red' };

function Json({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <pre
        style={{ margin: '4px 0 0', padding: 12, background: '#fafafa', borderRadius: 6, maxHeight: 360, overflow: 'auto', fontSize: 12 }}
      >
        {value === null || value === undefined ? '–' : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

/** The search form hands local 'YYYY-MM-DD HH:mm:ss' strings; the API wants instants. */
function isoOf(value: string | undefined): string | undefined {
  return value ? dayjs(value).toISOString() : undefined;
}

/** Who changed what and when; read-only by construction (DESIGN rule 5). */
export default function AuditPage() {
  const { t } = useTranslation();
  const reportError = useReportError();

  const columns: ProColumns<AuditEntry>[] = [
    { title: t('audit.at'), dataIndex: 'at', search: false, width: 160, render: (_, a) => formatDateTime(a.at) },
    { title: t('audit.period'), dataIndex: 'at', valueType: 'dateTimeRange', hideInTable: true },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUserId',
      render: (_, a) => (a.actorUserId ? <Link to={`/org/users/${a.actorUserId}`}>#{a.actorUserId}</Link> : t('audit.system')),
      renderFormItem: () => <UserPicker activeOnly={false} />,
    },
    { title: t('audit.entity'), dataIndex: 'entity' },
    { title: t('audit.entityId'), dataIndex: 'entityId' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      search: false,
      render: (_, a) => <Tag color={actionColors[a.action] ?? 'default'}>{a.action}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', search: false, render: (_, a) => a.ip ?? '–' },
  ];

  return (
    <PageContainer>
      <ProTable<AuditEntry, Params>
        rowKey="id"
        columns={columns}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        expandable={{
          expandedRowRender: (a) => (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Json title={t('audit.before')} value={a.before} />
              </Col>
              <Col xs={24} md={12}>
                <Json title={t('audit.after')} value={a.after} />
              </Col>
            </Row>
          ),
        }}
        request={async ({ current = 1, pageSize = 20, actorUserId, entity, entityId, at }) => {
          const page = await call(
            api.GET('/api/audit', {
              params: {
                query: {
                  actorUserId,
                  entity: entity || undefined,
                  entityId: entityId || undefined,
                  from: isoOf(at?.[0]),
                  to: isoOf(at?.[1]),
                  limit: pageSize,
                  offset: (current - 1) * pageSize,
                },
              },
            }),
          );
          return { data: page.items, total: page.total, success: true };
        }}
      />
    </PageContainer>
  );
}
