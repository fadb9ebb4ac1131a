import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { VisitKindTag } from './options';
import type { Visit } from './types';

/** The visits linked to a work log: read-only, as the server found them by date. */
export function LogVisits({ visits, onOpen }: { visits: Visit[]; onOpen?: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <Table<Visit>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={visits}
      locale={{ emptyText: t('workLog.noDayVisits') }}
      onRow={(v) => (onOpen ? { onClick: () => onOpen(v.id), style: { cursor: 'pointer' } } : {})}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('visit.checkedInAt'), dataIndex: 'checkedInAt', render: (value: string | null) => formatDateTime(value) },
        { title: t('visit.account'), dataIndex: 'accountName' },
        { title: t('visit.kind'), dataIndex: 'kind', render: (_, v) => <VisitKindTag kind={v.kind} /> },
        { title: t('visit.result'), dataIndex: 'result', ellipsis: true, width: 280 },
        { title: t('visit.nextStep'), dataIndex: 'nextStep', ellipsis: true },
      ]}
    />
  );
}
