import { DownloadOutlined } from '@ant-design/icons';
import { type ProColumns, ProTable } from '@ant-design/pro-components';
import { Button } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { downloadFile } from '../../../components/files';
import { formatDate, formatDateTime } from '../../../components/format';
import { UserPicker } from '../../../components/pickers';
import { AccountSelect } from '../AccountSelect';
import { kindEnum, statusEnum, VisitKindTag, VisitStatusTag } from '../options';
import type { Visit, VisitKind, VisitStatus } from '../types';

type Sort = 'visitDate' | 'checkedInAt' | 'createdAt';

interface Params {
  current?: number;
  pageSize?: number;
  repUserId?: number;
  accountId?: number;
  kind?: VisitKind;
  status?: VisitStatus;
  period?: [string, string];
}

type Filter = { repUserId?: number; accountId?: number; kind?: VisitKind; status?: VisitStatus; from?: string; to?: string };

function filterOf(params: Params): Filter {
  return {
    repUserId: params.repUserId,
    accountId: params.accountId,
    kind: params.kind,
    status: params.status,
    from: params.period?.[0],
    to: params.period?.[1],
  };
}

/** CUS-4 visits within my data scope, filtered and sorted on the server; the export takes the same filters. */
export function VisitTable({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const can = useAccess();
  const reportError = useReportError();
  const filter = useRef<Filter>({});
  const [exporting, setExporting] = useState(false);

  const columns: ProColumns<Visit>[] = [
    {
      title: t('visit.date'),
      dataIndex: 'visitDate',
      search: false,
      sorter: true,
      defaultSortOrder: 'descend',
      render: (_, v) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(v.id)}>
          {formatDate(v.visitDate)}
        </Button>
      ),
    },
    { title: t('visit.period'), dataIndex: 'period', valueType: 'dateRange', hideInTable: true },
    {
      title: t('visit.rep'),
      dataIndex: 'repUserId',
      render: (_, v) => v.repName,
      renderFormItem: () => <UserPicker activeOnly={false} />,
    },
    {
      title: t('visit.account'),
      dataIndex: 'accountId',
      render: (_, v) => v.accountName,
      renderFormItem: () => <AccountSelect />,
    },
    { title: t('visit.grade'), dataIndex: 'accountGrade', search: false, width: 70 },
    { title: t('visit.geography'), dataIndex: 'geographyName', search: false },
    {
      title: t('visit.kind'),
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: kindEnum(t),
      render: (_, v) => <VisitKindTag kind={v.kind} />,
    },
    {
      title: t('visit.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: statusEnum(t),
      render: (_, v) => <VisitStatusTag status={v.status} />,
    },
    {
      title: t('visit.checkedInAt'),
      dataIndex: 'checkedInAt',
      search: false,
      sorter: true,
      render: (_, v) => formatDateTime(v.checkedInAt),
    },
    { title: t('visit.purpose'), dataIndex: 'purpose', search: false, ellipsis: true, width: 180 },
    { title: t('visit.result'), dataIndex: 'result', search: false, ellipsis: true, width: 240 },
    { title: t('visit.attachmentCount'), dataIndex: 'attachmentCount', search: false, align: 'right' },
  ];

  const exportList = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/field/visits/export', filter.current, 'visits.xlsx');
    } catch (error) {
      reportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <ProTable<Visit, Params>
      rowKey="id"
      columns={columns}
      cardBordered
      columnEmptyText="–"
      scroll={{ x: 'max-content' }}
      search={{ labelWidth: 'auto' }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true }}
      options={{ density: true, reload: true, setting: false }}
      onRequestError={reportError}
      onRow={(v) => ({ onDoubleClick: () => onOpen(v.id) })}
      request={async (params, sorter) => {
        const { current = 1, pageSize = 20 } = params;
        filter.current = filterOf(params);
        const [sort, order] = (Object.entries(sorter)[0] ?? []) as [Sort | undefined, 'ascend' | 'descend' | undefined];
        const page = await call(
          api.GET('/api/field/visits', {
            params: {
              query: {
                ...filter.current,
                limit: pageSize,
                offset: (current - 1) * pageSize,
                sort,
                order: order ? (order === 'ascend' ? 'asc' : 'desc') : undefined,
              },
            },
          }),
        );
        return { data: page.items, total: page.total, success: true };
      }}
      toolBarRender={() =>
        can(Access.fieldVisitsExport)
          ? [
              <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportList()}>
                {exporting ? t('visit.exporting') : t('visit.export')}
              </Button>,
            ]
          : []
      }
    />
  );
}
