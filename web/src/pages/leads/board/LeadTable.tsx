import { type ProColumns, ProTable } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { GeographyPicker, UserPicker } from '../../../components/pickers';
import { isOpen, LeadStatusTag, sourceEnum, statusEnum } from '../options';
import { LeadTeamPicker } from '../pickers';
import type { Lead, LeadFilter } from '../types';
import { AssignForm } from './AssignForm';
import { type FilterValues, toLeadFilter } from './filters';

type Sort = 'createdAt' | 'updatedAt' | 'nextFollowUpAt' | 'name' | 'status';

interface Params extends FilterValues {
  current?: number;
  pageSize?: number;
  refresh?: number;
}

/** The lead list: filters in SQL, selection for assignment when the user may assign. */
export function LeadTable(props: { initial: FilterValues; onFilter: (values: FilterValues, filter: LeadFilter) => void }) {
  const { t } = useTranslation();
  const can = useAccess();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [selected, setSelected] = useState<number[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [reload, setReload] = useState(0);
  const [dealing, setDealing] = useState(false);
  const assigner = can(Access.leadsAssign);

  const roundRobin = async () => {
    setDealing(true);
    try {
      const result = await call(api.POST('/api/customers/leads/assign/round-robin', { body: { leadIds: selected } }));
      void message.success(t('lead.assigned', { count: result.assignments.length }));
      setSelected([]);
      setReload((n) => n + 1);
    } catch (error) {
      reportError(error);
    } finally {
      setDealing(false);
    }
  };

  const columns: ProColumns<Lead>[] = [
    { title: t('lead.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('lead.searchHint') } },
    {
      title: t('lead.name'),
      dataIndex: 'name',
      search: false,
      sorter: true,
      fixed: 'left',
      render: (_, lead) => <Link to={`/leads/${lead.id}`}>{lead.name}</Link>,
    },
    { title: t('lead.company'), dataIndex: 'company', search: false, ellipsis: true, width: 200 },
    { title: t('lead.mobile'), dataIndex: 'mobile', search: false },
    { title: t('lead.source'), dataIndex: 'source', valueType: 'select', valueEnum: sourceEnum(t) },
    {
      title: t('lead.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: statusEnum(t),
      sorter: true,
      render: (_, lead) => <LeadStatusTag status={lead.status} />,
    },
    {
      title: t('lead.owner'),
      dataIndex: 'ownerUserId',
      render: (_, lead) => lead.ownerName ?? <Typography.Text type="warning">{t('lead.unassigned')}</Typography.Text>,
      renderFormItem: () => <UserPicker activeOnly={false} />,
    },
    { title: t('lead.team'), dataIndex: 'teamId', render: (_, lead) => lead.teamName ?? '–', renderFormItem: () => <LeadTeamPicker /> },
    {
      title: t('lead.geography'),
      dataIndex: 'geographyId',
      render: (_, lead) => lead.geographyName ?? '–',
      renderFormItem: () => <GeographyPicker />,
    },
    { title: t('lead.campaign'), dataIndex: 'campaign', search: false, ellipsis: true, width: 160 },
    {
      title: t('lead.nextFollowUpAt'),
      dataIndex: 'nextFollowUpAt',
      search: false,
      sorter: true,
      render: (_, lead) => formatDateTime(lead.nextFollowUpAt),
    },
    { title: t('lead.period'), dataIndex: 'period', valueType: 'dateRange', hideInTable: true },
    {
      title: t('lead.createdAt'),
      dataIndex: 'createdAt',
      search: false,
      sorter: true,
      defaultSortOrder: 'descend',
      render: (_, lead) => formatDateTime(lead.createdAt),
    },
  ];

  return (
    <>
      <ProTable<Lead, Params>
        rowKey="id"
        columns={columns}
        params={{ refresh: reload }}
        form={{ initialValues: props.initial }}
        cardBordered
        columnEmptyText="–"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: true, reload: true, setting: false }}
        onRequestError={reportError}
        onRow={(lead) => ({ onDoubleClick: () => void navigate(`/leads/${lead.id}`) })}
        rowSelection={
          assigner
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (lead) => ({ disabled: !isOpen(lead.status) }),
                preserveSelectedRowKeys: true,
              }
            : false
        }
        tableAlertOptionRender={() => (
          <Space>
            <Button size="small" type="primary" onClick={() => setAssigning(true)}>
              {t('lead.assign')}
            </Button>
            <Popconfirm
              title={t('lead.confirmRoundRobin', { count: selected.length })}
              description={t('lead.roundRobinHint')}
              onConfirm={roundRobin}
            >
              <Button size="small" loading={dealing}>
                {t('lead.roundRobin')}
              </Button>
            </Popconfirm>
            <Button size="small" type="link" onClick={() => setSelected([])}>
              {t('lead.clearSelection')}
            </Button>
          </Space>
        )}
        request={async (params, sorter) => {
          const { current = 1, pageSize = 20, refresh: _, ...values } = params;
          const filter = toLeadFilter(values);
          props.onFilter(values, filter);
          const [sort, order] = (Object.entries(sorter)[0] ?? []) as [Sort | undefined, 'ascend' | 'descend' | undefined];
          const page = await call(
            api.GET('/api/customers/leads', {
              params: {
                query: {
                  ...filter,
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
      />
      <AssignForm
        leadIds={selected}
        open={assigning}
        onOpenChange={setAssigning}
        onSaved={() => {
          setSelected([]);
          setReload((n) => n + 1);
        }}
      />
    </>
  );
}
