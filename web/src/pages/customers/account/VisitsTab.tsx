import { type ProColumns, ProTable } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { formatDate, formatDateTime } from '../../../components/format';
import type { AccountVisit } from '../types';

const statusColors: Record<AccountVisit['status'], string> = { planned: 'processing', done: 'success', cancelled: 'default' };

/** CUS-4 the visits of this account, from the field module's visit list (my scope applies there too). */
export function VisitsTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const columns: ProColumns<AccountVisit>[] = [
    { title: t('customers.visit.date'), dataIndex: 'visitDate', render: (_, v) => formatDate(v.visitDate) },
    { title: t('customers.visit.kind'), dataIndex: 'kind', render: (_, v) => t(`customers.visitKind.${v.kind}`) },
    {
      title: t('customers.visit.status'),
      dataIndex: 'status',
      render: (_, v) => <Tag color={statusColors[v.status]}>{t(`customers.visitStatus.${v.status}`)}</Tag>,
    },
    { title: t('customers.visit.rep'), dataIndex: 'repName' },
    { title: t('customers.visit.checkedInAt'), dataIndex: 'checkedInAt', render: (_, v) => formatDateTime(v.checkedInAt) },
    { title: t('customers.visit.purpose'), dataIndex: 'purpose', ellipsis: true, width: 200 },
    { title: t('customers.visit.result'), dataIndex: 'result', ellipsis: true, width: 260 },
    { title: t('customers.visit.nextStep'), dataIndex: 'nextStep', ellipsis: true, width: 200 },
  ];
  return (
    <ProTable<AccountVisit>
      rowKey="id"
      size="middle"
      columns={columns}
      search={false}
      options={false}
      columnEmptyText="–"
      scroll={{ x: 'max-content' }}
      pagination={{ defaultPageSize: 10, showSizeChanger: false }}
      onRequestError={reportError}
      request={async ({ current = 1, pageSize = 10 }) => {
        const page = await call(
          api.GET('/api/field/visits', {
            params: { query: { accountId, limit: pageSize, offset: (current - 1) * pageSize, sort: 'visitDate', order: 'desc' } },
          }),
        );
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
